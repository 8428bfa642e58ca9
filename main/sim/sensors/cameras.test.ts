import { describe, expect, it } from 'vitest';
import { boxStride, keypointStride, type Detections, type EngineInput } from '../../engine/inputs';
import { imageToFloor, projectToImage } from '../../store/geometry';
import type { Point } from '../../store/schema';
import { Bodies } from './bodies';
import type { SensorConfig } from './config';
import { makeProjector } from './projector';
import { createSensorRender } from './render';
import { clipToImage, cylinderBox, type ImageBox } from './silhouette';
import { T0, testStore, testWorld, type PathSpec } from './test-world';

const store = testStore();
const camDown = store.cameras.find((c) => c.id === 'cam-down')!;
const camTilt = store.cameras.find((c) => c.id === 'cam-tilt')!;
/** Cameras only: no ghosts unless a test asks, no random outages, no dropped frames. */
const camerasOnly = (extra: Partial<SensorConfig> = {}): Partial<SensorConfig> => ({
  offlineEvents: [],
  announceDevices: false,
  falsePositiveRate: 0,
  frameDropRate: 0,
  ...extra,
});

function frames(inputs: Iterable<EngineInput>, camera: string): Detections[] {
  return [...inputs].filter((i): i is Detections => i.kind === 'detections' && i.camera === camera);
}

function standing(id: number, x: number, y: number, durationMs: number, hand?: [number, number, number]): PathSpec {
  return { id, keys: [[0, x, y], [durationMs, x, y]], hand: hand ? [hand, hand] : undefined };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The box a perfect detector would give for a person, to tell which detection is whose. */
function idealBox(world: ReturnType<typeof testWorld>, seed: number, personId: number, x: number, y: number, camera = camTilt): ImageBox {
  const height = new Bodies(world, seed).tracks.find((t) => t.personId === personId)!.height;
  const full: ImageBox = { u0: 0, v0: 0, u1: 0, v1: 0 };
  const clip: ImageBox = { u0: 0, v0: 0, u1: 0, v1: 0 };
  cylinderBox(makeProjector(camera)!, x, y, 0.25, height, full);
  clipToImage(full, camera.resolution.width, camera.resolution.height, clip);
  return clip;
}

function iou(f: Detections, i: number, b: ImageBox): number {
  const [x, y, w, h] = f.boxes.subarray(i * boxStride, i * boxStride + 4);
  const iw = Math.min(x! + w!, b.u1) - Math.max(x!, b.u0);
  const ih = Math.min(y! + h!, b.v1) - Math.max(y!, b.v0);
  if (iw <= 0 || ih <= 0) return 0;
  const inter = iw * ih;
  return inter / (w! * h! + (b.u1 - b.u0) * (b.v1 - b.v0) - inter);
}

function detectionRate(fs: Detections[], b: ImageBox): number {
  let hits = 0;
  for (const f of fs) {
    for (let i = 0; i < f.boxes.length / boxStride; i++) {
      if (iou(f, i, b) > 0.4) {
        hits++;
        break;
      }
    }
  }
  return hits / fs.length;
}

describe('cameras', () => {
  it('projects like projectToImage', () => {
    for (const camera of store.cameras) {
      const p = makeProjector(camera)!;
      const out = new Float64Array(2);
      for (const pt of [[5, 4, 0], [3.2, 5.5, 1.7], [6.1, 6.4, 0.9]] as [number, number, number][]) {
        const expected = projectToImage(camera, pt)!;
        expect(p.project(pt[0], pt[1], pt[2], out, 0)).toBe(true);
        expect(out[0]).toBeCloseTo(expected[0], 6);
        expect(out[1]).toBeCloseTo(expected[1], 6);
      }
    }
  });

  it('puts a person under the straight-down camera where they stand: head keypoint back-projected at head height', () => {
    // Top-down, the box bottom is the far rim of a parallax-smeared silhouette, so the engine
    // must use the head keypoint on the plane at head height; that is what is checked here.
    const world = testWorld({ durationMs: 20_000, people: [standing(1, 5.8, 5.4, 20_000)] });
    const render = createSensorRender(store, world, camerasOnly());
    const fs = frames(render.inputs(), 'cam-down');
    const withBox = fs.filter((f) => f.boxes.length === boxStride);
    expect(withBox.length / fs.length).toBeGreaterThan(0.9);
    const errors = withBox
      .filter((f) => f.keypoints![2]! > 0)
      .map((f) => {
        const p = imageToFloor(camDown, [f.keypoints![0]!, f.keypoints![1]!], 1.72)!;
        return Math.hypot(p[0] - 5.8, p[1] - 5.4);
      });
    expect(errors.length).toBeGreaterThan(0.8 * withBox.length);
    expect(median(errors)).toBeLessThan(0.15);
    expect(Math.max(...errors)).toBeLessThan(0.5);
  });

  it('puts a person seen by the tilted camera where they stand: box bottom-centre back-projected to the floor', () => {
    const world = testWorld({ durationMs: 20_000, people: [standing(1, 5.3, 5.5, 20_000)] });
    const fs = frames(createSensorRender(store, world, camerasOnly()).inputs(), 'cam-tilt');
    const errors = fs
      .filter((f) => f.boxes.length === boxStride)
      .map((f) => {
        const [x, y, w, h] = f.boxes;
        const p = imageToFloor(camTilt, [x! + w! / 2, y! + h!] as Point)!;
        return Math.hypot(p[0] - 5.3, p[1] - 5.5);
      });
    expect(errors.length / fs.length).toBeGreaterThan(0.9);
    // The box bottom is the near edge of the feet, one body radius (0.25 m) towards the camera.
    expect(median(errors)).toBeLessThan(0.3);
  });

  it("reports the reaching hand's wrist, a grasp (0.14 m) back along the arm from where the world puts the hand", () => {
    const hand: [number, number, number] = [5.2, 3.55, 0.9];
    const world = testWorld({ durationMs: 10_000, people: [standing(1, 5.2, 4.0, 10_000, hand)] });
    const render = createSensorRender(store, world, camerasOnly());
    const rightHanded = new Bodies(world, render.seed).tracks[0]!.rightHanded;
    const slot = rightHanded ? 2 : 1;
    // The body stands at y = 4.0, the hand reaches to y = 3.55: the wrist is 0.14 m back towards the body.
    const expected = projectToImage(camDown, [5.2, 3.69, 0.9])!;
    const errs = frames(render.inputs(), 'cam-down')
      .filter((f) => f.boxes.length === boxStride && f.keypoints![slot * 3 + 2]! > 0)
      .map((f) => Math.hypot(f.keypoints![slot * 3]! - expected[0], f.keypoints![slot * 3 + 1]! - expected[1]));
    expect(errs.length).toBeGreaterThan(50);
    expect(median(errs)).toBeLessThan(30);
  });

  it('misses people hidden behind others more often than people in plain view', () => {
    const seed = 11;
    const far: [number, number] = [5.3, 5.3];
    const alone = testWorld({ seed, durationMs: 60_000, people: [standing(2, ...far, 60_000)] });
    const crowded = testWorld({ seed, durationMs: 60_000, people: [standing(1, 5.3, 6.2, 60_000), standing(2, ...far, 60_000)] });
    const rateAlone = detectionRate(frames(createSensorRender(store, alone, camerasOnly()).inputs(), 'cam-tilt'), idealBox(alone, seed, 2, ...far));
    const rateHidden = detectionRate(frames(createSensorRender(store, crowded, camerasOnly()).inputs(), 'cam-tilt'), idealBox(crowded, seed, 2, ...far));
    expect(rateAlone).toBeGreaterThan(0.9);
    expect(rateHidden).toBeLessThan(rateAlone - 0.2);
  });

  it('misses people behind a fixture more often than people in plain view', () => {
    const seed = 12;
    const behind: [number, number] = [5.3, 1.9];
    const open: [number, number] = [8.0, 1.9];
    const world = testWorld({ seed, durationMs: 60_000, people: [standing(1, ...behind, 60_000), standing(2, ...open, 60_000)] });
    const fs = frames(createSensorRender(store, world, camerasOnly()).inputs(), 'cam-tilt');
    const rateBehind = detectionRate(fs, idealBox(world, seed, 1, ...behind));
    const rateOpen = detectionRate(fs, idealBox(world, seed, 2, ...open));
    expect(rateOpen).toBeGreaterThan(0.85);
    expect(rateBehind).toBeLessThan(rateOpen - 0.3);
  });

  it('emits nothing for people outside the image, and a few ghosts per thousand frames', () => {
    const world = testWorld({ durationMs: 600_000, people: [standing(1, 9.7, 0.3, 600_000)] });
    const quiet = frames(createSensorRender(store, world, camerasOnly()).inputs(), 'cam-down');
    expect(quiet.every((f) => f.boxes.length === 0)).toBe(true);

    const all = [...createSensorRender(store, world, camerasOnly({ falsePositiveRate: 0.003 })).inputs()].filter(
      (i): i is Detections => i.kind === 'detections',
    );
    const ghosts = all.filter((f) => f.camera === 'cam-down').reduce((n, f) => n + f.boxes.length / boxStride, 0);
    const downFrames = all.filter((f) => f.camera === 'cam-down').length;
    expect(ghosts / downFrames).toBeGreaterThan(0.001);
    expect(ghosts / downFrames).toBeLessThan(0.008);
    for (const f of all) {
      if (f.camera !== 'cam-down') continue;
      for (let i = 0; i < f.boxes.length / boxStride; i++) {
        expect(f.boxes[i * boxStride + 3]).toBeGreaterThan(20);
        expect(f.boxes[i * boxStride + 3]).toBeLessThanOrEqual(1080);
        expect(f.boxes[i * boxStride + 4]).toBeLessThan(0.95);
      }
      expect(f.keypoints!.length).toBe((f.boxes.length / boxStride) * keypointStride);
    }
  });

  it('stamps frames at the camera rate with jitter and a fixed per-camera clock offset', () => {
    const world = testWorld({ durationMs: 60_000 });
    const render = createSensorRender(store, world, camerasOnly());
    const inputs = [...render.inputs()];
    for (const camera of store.cameras) {
      const ts = frames(inputs, camera.id).map((f) => f.t);
      expect(ts.length).toBeGreaterThan(895);
      expect(ts.length).toBeLessThanOrEqual(901);
      const gaps = ts.slice(1).map((t, i) => t - ts[i]!);
      expect(Math.min(...gaps)).toBeGreaterThan(0);
      const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - 1000 / 15) ** 2, 0) / gaps.length);
      expect(sd).toBeGreaterThan(1.5);
      expect(sd).toBeLessThan(5);
      const offset = render.cameraClockOffsetsMs.get(camera.id)!;
      expect(Math.abs(offset)).toBeLessThanOrEqual(75);
    }
    expect(render.cameraClockOffsetsMs.get('cam-down')).not.toBe(render.cameraClockOffsetsMs.get('cam-tilt'));
  });

  it('drops frames while a camera is offline', () => {
    const world = testWorld({ durationMs: 30_000 });
    const inputs = [...createSensorRender(store, world, camerasOnly({ offlineEvents: [{ device: 'cam-tilt', atMs: 10_000, durationMs: 5_000 }] })).inputs()];
    const ts = frames(inputs, 'cam-tilt').map((f) => f.t - T0);
    expect(ts.filter((t) => t > 10_100 && t < 14_900)).toEqual([]);
    expect(ts.filter((t) => t > 15_100).length).toBeGreaterThan(200);
  });
});
