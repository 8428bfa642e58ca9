// The vision stage: camera detections in, floor tracks out. Each camera's frames go through its
// own ByteTrack tracker as they arrive; every tickMs of store time (driven by `advance`, so live,
// replay and tests agree) the floor tracker fuses what all cameras saw in that window and emits a
// TrackPoint per confirmed track at the tick, plus lifecycle decisions fusion uses (a shopper
// appearing at a gate, lost, found again, gone).
//
// Camera clocks run tens of ms off the store clock and frames jitter, so frames are not paired by
// stamp: a tick gathers everything stamped in (tick − tickMs, tick] and fuse.ts moves each
// observation to the tick along the track's velocity. A tick is processed once time has passed it,
// i.e. when nothing stamped at or before it can still arrive.
import type { DecisionSink, EngineStage } from '../stage';
import type { EngineInput } from '../inputs';
import type { StoreModel } from '../../store/schema';
import { CameraTracker, type CameraTrack } from './camera-tracker';
import { CameraProjection } from './floor-projection';
import { FloorTracker, type FloorTrackState } from './floor-tracker';
import { visionOptions, type VisionOptions } from './options';

export type { FloorTrackState } from './floor-tracker';

export interface VisionStage extends EngineStage {
  readonly name: 'vision';
  /** The floor tracks now (tentative, confirmed and lost), for the live view and tests. */
  tracks(): FloorTrackState[];
}

export function createVisionStage(store: StoreModel, options: Partial<VisionOptions> = {}): VisionStage {
  const o = visionOptions(options);
  const cameras = new Map<string, CameraTracker>();
  store.cameras.forEach((camera, i) => cameras.set(camera.id, new CameraTracker(new CameraProjection(i, camera, o), o)));
  const floor = new FloorTracker(o, store.layout.floor, store.cameras.length);
  const pending: CameraTrack[] = [];
  const collect = (track: CameraTrack): void => void pending.push(track);
  let nextTick: number | undefined;
  const tickOf = (t: number): number => Math.ceil(t / o.tickMs) * o.tickMs;

  /** Processes every tick strictly before `until` (or at it, when `inclusive`). */
  function runTicks(until: number, inclusive: boolean, emit: DecisionSink): void {
    if (nextTick === undefined) {
      nextTick = tickOf(until);
      if (!inclusive || nextTick > until) return;
    }
    while (nextTick < until || (inclusive && nextTick === until)) {
      // Nothing to track and nothing seen: jump ahead instead of walking an idle night tick by tick.
      if (pending.length === 0 && floor.trackCount === 0) {
        const last = inclusive ? Math.floor(until / o.tickMs) * o.tickMs : tickOf(until) - o.tickMs;
        nextTick = last + o.tickMs;
        break;
      }
      floor.step(nextTick, pending, emit);
      pending.length = 0;
      nextTick += o.tickMs;
    }
  }

  return {
    name: 'vision',
    accept(input: EngineInput, emit: DecisionSink) {
      if (input.kind !== 'detections') return;
      const tracker = cameras.get(input.camera);
      if (!tracker) return;
      runTicks(input.t, false, emit);
      tracker.frame(input.t, input.boxes, input.keypoints, tickOf(input.t), collect);
    },
    advance(t: number, emit: DecisionSink) {
      runTicks(t, false, emit);
    },
    finish(t: number, emit: DecisionSink) {
      runTicks(t, true, emit);
      floor.finish(emit);
    },
    tracks: () => floor.states(),
  };
}
