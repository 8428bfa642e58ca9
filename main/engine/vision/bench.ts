// What the vision stage costs, for `walkout bench` and whoever tunes it: the given inputs are run
// through a fresh stage inside the engine frame and the wall time split into per-camera-frame work
// (accepting Detections) and per-tick work (floor fusion, driven by advance). Decisions are
// counted, not kept. The engine itself never reads a clock; this harness does, which is why it is
// the one file here allowed to.
import { createEngine } from '../engine';
import type { EngineInput } from '../inputs';
import type { StoreModel } from '../../store/schema';
import type { VisionOptions } from './options';
import { createVisionStage } from './stage';

export interface VisionBenchResult {
  frames: number;
  boxes: number;
  ticks: number;
  trackPoints: number;
  /** Wall ms spent accepting Detections, per camera frame. */
  msPerFrame: number;
  /** Wall ms spent in floor ticks, per tick. */
  msPerTick: number;
  /** Everything, per tick of store time covered. */
  totalMsPerTick: number;
  wallMs: number;
  storeMs: number;
}

// eslint-disable-next-line no-restricted-properties -- benchmark timing, never on the decision path
const clock = (): number => performance.now();

export function benchVision(store: StoreModel, inputs: Iterable<EngineInput>, options: Partial<VisionOptions> = {}): VisionBenchResult {
  const stage = createVisionStage(store, options);
  let trackPoints = 0;
  const engine = createEngine([stage], (d) => {
    if (d.kind === 'track-point') trackPoints++;
  });
  const tickMs = options.tickMs ?? 100;
  let frames = 0;
  let boxes = 0;
  let frameMs = 0;
  let tickWallMs = 0;
  let first = NaN;
  let last = NaN;
  const started = clock();
  for (const input of inputs) {
    if (input.kind !== 'detections') continue;
    if (Number.isNaN(first)) first = input.t;
    last = input.t;
    // Time first (floor ticks), then the frame (camera tracking), timed apart.
    const a = clock();
    engine.advance(input.t);
    const b = clock();
    engine.push(input);
    const c = clock();
    tickWallMs += b - a;
    frameMs += c - b;
    frames++;
    boxes += input.boxes.length / 5;
  }
  const a = clock();
  engine.finish();
  tickWallMs += clock() - a;
  const wallMs = clock() - started;
  const storeMs = frames > 0 ? last - first : 0;
  const ticks = Math.max(1, Math.round(storeMs / tickMs));
  return {
    frames,
    boxes,
    ticks,
    trackPoints,
    msPerFrame: frames > 0 ? frameMs / frames : 0,
    msPerTick: tickWallMs / ticks,
    totalMsPerTick: wallMs / ticks,
    wallMs,
    storeMs,
  };
}
