// A small synthetic store for the vision tests: a few ceiling cameras like the demo store's and
// people walking scripted paths, rendered into Detections the way a person detector sees them
// (the box of a standing cylinder, the top of the head and both wrists as keypoints, a little pixel noise, camera
// clocks off by tens of ms). Independent of the simulator so the tests pin the tracker's own
// behaviour; seeded, so every run is the same.
import type { Detections, EngineInput } from '../inputs';
import { projectToImage } from '../../store/geometry';
import type { Camera, StoreModel } from '../../store/schema';
import { seededUniform } from '../seeded-uniform';

export interface Walker {
  /** Waypoints (x, y) and the store times (ms) they are reached; linear in between. */
  path: [number, number][];
  times: number[];
  height?: number;
  /** Time windows (ms) in which no camera detects this person. */
  hidden?: [number, number][];
  /** Where the right wrist is (x, y, z) during [fromMs, toMs]; otherwise both wrists hang at the hips. */
  reach?: { fromMs: number; toMs: number; at: [number, number, number] };
}

export interface SceneOptions {
  fps?: number;
  boxNoisePx?: number;
  /** Extra one-frame detections: [camera index, t, x, y] on the floor. */
  ghosts?: [number, number, number, number][];
  clockOffsetsMs?: number[];
}

/** Ceiling camera looking straight down, image top towards +y, as in the demo store. */
export function ceilingCamera(id: string, x: number, y: number, height = 3.35): Camera {
  return {
    id,
    name: id,
    resolution: { width: 1920, height: 1080 },
    fps: 15,
    intrinsics: { fx: 736, fy: 736, cx: 960, cy: 540 },
    pose: { position: [x, y, height], yaw: 90, pitch: 90, roll: 0 },
    stream: { kind: 'simulated', url: `sim://${id}` },
  };
}

/** A bare store: a width × depth floor and the given cameras, nothing else the vision stage needs. */
export function sceneStore(cameras: Camera[], width = 10, depth = 5): StoreModel {
  return {
    layout: {
      schemaVersion: 1,
      id: 'test',
      name: 'Test',
      currency: 'USD',
      timezone: 'UTC',
      floor: { width, depth, outline: [[0, 0], [width, 0], [width, depth], [0, depth]] },
      zones: [],
      fixtures: [],
      gates: [],
    },
    cameras,
    catalog: [],
    planogram: [],
  } as unknown as StoreModel;
}


export function positionAt(w: Walker, t: number): [number, number] | null {
  const { path, times } = w;
  if (t < times[0]! || t > times[times.length - 1]!) return null;
  let k = 0;
  while (k < times.length - 2 && t > times[k + 1]!) k++;
  const span = times[k + 1]! - times[k]!;
  const a = span > 0 ? (t - times[k]!) / span : 0;
  return [path[k]![0] + a * (path[k + 1]![0] - path[k]![0]), path[k]![1] + a * (path[k + 1]![1] - path[k]![1])];
}

const RIM = 8;

function render(camera: Camera, x: number, y: number, h: number, noise: () => number, out: number[], kp: number[], score: number, rightWrist?: [number, number, number]): void {
  const { width, height } = camera.resolution;
  let u0 = Infinity;
  let v0 = Infinity;
  let u1 = -Infinity;
  let v1 = -Infinity;
  for (let i = 0; i < RIM; i++) {
    const a = (2 * Math.PI * i) / RIM;
    for (const z of [0, h]) {
      const p = projectToImage(camera, [x + 0.25 * Math.cos(a), y + 0.25 * Math.sin(a), z]);
      if (!p) return;
      u0 = Math.min(u0, p[0]);
      v0 = Math.min(v0, p[1]);
      u1 = Math.max(u1, p[0]);
      v1 = Math.max(v1, p[1]);
    }
  }
  u0 = Math.max(0, u0 + noise());
  v0 = Math.max(0, v0 + noise());
  u1 = Math.min(width, u1 + noise());
  v1 = Math.min(height, v1 + noise());
  if (u1 - u0 < 20 || v1 - v0 < 20) return;
  out.push(u0, v0, u1 - u0, v1 - v0, score);
  // Head, left wrist, right wrist (at the hips unless reaching), each x, y, confidence.
  const points: [number, number, number][] = [[x, y, h], [x - 0.22, y, 0.47 * h], rightWrist ?? [x + 0.22, y, 0.47 * h]];
  for (const point of points) {
    const p = projectToImage(camera, point);
    if (p && p[0] >= 0 && p[0] <= width && p[1] >= 0 && p[1] <= height) kp.push(p[0] + noise(), p[1] + noise(), 0.9);
    else kp.push(0, 0, 0);
  }
}

/** Every camera's frames from t0 to t1, merged in time order. */
export function renderScene(store: StoreModel, walkers: Walker[], t0: number, t1: number, options: SceneOptions = {}): EngineInput[] {
  const fps = options.fps ?? 15;
  const period = 1000 / fps;
  const rand = seededUniform(7);
  const noisePx = options.boxNoisePx ?? 2;
  const noise = (): number => (rand() * 2 - 1) * noisePx;
  const frames: Detections[] = [];
  store.cameras.forEach((camera, c) => {
    const offset = options.clockOffsetsMs?.[c] ?? (c % 2 === 0 ? 1 : -1) * 20 * (c + 1);
    const phase = rand() * period;
    for (let t = t0 + phase; t < t1; t += period) {
      const boxes: number[] = [];
      const kp: number[] = [];
      for (const w of walkers) {
        if (w.hidden?.some(([a, b]) => t >= a && t < b)) continue;
        const p = positionAt(w, t);
        const reaching = w.reach && t >= w.reach.fromMs && t <= w.reach.toMs ? w.reach.at : undefined;
        if (p) render(camera, p[0], p[1], w.height ?? 1.72, noise, boxes, kp, 0.9, reaching);
      }
      for (const [gc, gt, gx, gy] of options.ghosts ?? []) {
        if (gc === c && Math.abs(gt - t) < period / 2) render(camera, gx, gy, 1.5, noise, boxes, kp, 0.7);
      }
      const stamp = Math.round((t + offset) * 1000) / 1000;
      frames.push({ kind: 'detections', camera: camera.id, t: stamp, boxes: Float32Array.from(boxes), keypoints: Float32Array.from(kp) });
    }
  });
  return frames.sort((a, b) => a.t - b.t || (a.camera < b.camera ? -1 : 1));
}
