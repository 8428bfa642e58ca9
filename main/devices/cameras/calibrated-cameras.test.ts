// A floor calibration saved in the app (db.cameraSettings) places the camera everywhere: the live
// engine's vision stage projects real cameras' detections through it (device mode, end to end
// through the live worker loop and the host's link, in-process) and the floor plan draws the
// camera's field of view from it. The scene: a ceiling camera installed 1 m from where cameras.json
// says; the calibration measured on site knows better.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStoreDatabase, type StoreDatabase } from '../../db';
import { tempDbPath } from '../../db/test-support';
import type { TrackPoint } from '../../engine/decisions';
import { createEngine } from '../../engine/engine';
import type { Detections } from '../../engine/inputs';
import { createVisionStage } from '../../engine/vision/stage';
import { ceilingCamera, renderScene, sceneStore } from '../../engine/vision/test-scene';
import { startInProcessLive } from '../../live/test-support/live-harness';
import { readRecording } from '../../recording';
import { createFloorPlanService } from '../../services/floor-plan-service';
import { cameraFloorHomography, polygonBounds } from '../../store/geometry';
import { withCameraCalibrations } from './calibrated-store';

const nominal = ceilingCamera('cam-A', 3, 2.5);
const installed = ceilingCamera('cam-A', 4, 2.5);
const store = sceneStore([nominal]);
/** A shopper standing still under the installed camera, half a metre to its side. */
const SPOT: [number, number] = [4.5, 2.5];
const FRAME_MS = 100;

/** The frames the installed camera sees of the shopper, one per FRAME_MS from `t0`. */
function framesOfShopper(t0: number, frames: number): Detections[] {
  const walker = { path: [SPOT, SPOT], times: [t0, t0 + frames * FRAME_MS] };
  return renderScene(sceneStore([installed]), [walker], t0, t0 + (frames - 1) * FRAME_MS, { fps: 1000 / FRAME_MS, boxNoisePx: 0 }) as Detections[];
}

let db: StoreDatabase;
let dbPath: string;

beforeEach(() => {
  dbPath = tempDbPath();
  db = openStoreDatabase(dbPath, { storeId: store.layout.id });
  db.cameraSettings.setCalibration({
    camera: 'cam-A',
    calibration: { homography: cameraFloorHomography(installed)!, pairs: [], rmsM: 0.01, maxM: 0.02 },
    actor: 'manager',
    reason: 'measured on site',
    at: Date.UTC(2026, 4, 6, 9),
    before: { placement: 'pose' },
  });
});

afterEach(() => {
  vi.useRealTimers();
  db.close();
});

describe('a saved camera calibration', () => {
  it('moves the engine\'s floor points to where the installed camera sees people (the nominal pose puts them 1 m off)', () => {
    const pointsOn = (model: typeof store): TrackPoint[] => {
      const points: TrackPoint[] = [];
      const engine = createEngine([createVisionStage(model)], (d) => d.kind === 'track-point' && points.push(d));
      const frames = framesOfShopper(1_000_000, 30);
      for (const frame of frames) engine.push(frame);
      engine.advance(frames.at(-1)!.t + 1);
      engine.finish();
      return points;
    };
    const meanX = (points: TrackPoint[]) => points.reduce((s, p) => s + p.x, 0) / points.length;
    const calibrated = pointsOn(withCameraCalibrations(store, db.cameraSettings.calibrations()));
    const uncalibrated = pointsOn(store);
    expect(calibrated.length).toBeGreaterThan(0);
    expect(Math.abs(meanX(calibrated) - SPOT[0])).toBeLessThan(0.15);
    expect(Math.abs(meanX(uncalibrated) - (SPOT[0] - 1))).toBeLessThan(0.15);
  });

  it('places live detections from a real camera, in device mode, through the live worker loop', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 4, 6, 10, 0, 0) });
    const logLines: string[] = [];
    const { link, messages, stop } = await startInProcessLive({
      store,
      dbPath,
      // No shelf hardware on this host: cameras are the only source.
      openHid: async () => ({ statuses: [{ driver: 'node-hid', state: 'unavailable', detail: 'not installed here' }] }),
      log: (line) => logLines.push(line),
    });
    // As the camera worker posts them: boxes in camera pixels, stamped with the wall clock at capture.
    for (const frame of framesOfShopper(0, 40)) {
      link.cameraDetections({ camera: 'cam-A', capturedAtMs: Date.now(), boxes: frame.boxes });
      await vi.advanceTimersByTimeAsync(FRAME_MS);
    }
    // Malformed and unknown-camera frames are refused, said in the log, and nothing else changes.
    link.cameraDetections({ camera: 'cam-A', capturedAtMs: Date.now(), boxes: new Float32Array([1, 2, 3]) });
    link.cameraDetections({ camera: 'cam-Z', capturedAtMs: Date.now(), boxes: new Float32Array(5) });
    await vi.advanceTimersByTimeAsync(1000);
    await stop();

    const logged = [...readRecording(db)].filter((i): i is Detections => i.kind === 'detections');
    expect(logged.length).toBeGreaterThanOrEqual(36);
    expect(logged.every((d) => d.camera === 'cam-A' && d.boxes.length === 5)).toBe(true);
    // Capture times, in order, a frame apart.
    for (let i = 1; i < logged.length; i++) expect(logged[i]!.t - logged[i - 1]!.t).toBeGreaterThan(0);
    const shoppers = messages.flatMap((m) => (m.type === 'frame' ? m.frame.shoppers : []));
    expect(shoppers.length).toBeGreaterThan(0);
    for (const s of shoppers) expect(Math.hypot(s.x - SPOT[0], s.y - SPOT[1])).toBeLessThan(0.2);
    expect(logLines.some((l) => l.includes('boxes must be 5 numbers per person'))).toBe(true);
    expect(logLines.some((l) => l.includes('camera cam-Z, which is not in this store'))).toBe(true);
  });

  it('draws the camera\'s field of view on the floor plan where the calibration places it, at once', () => {
    let calibrations = db.cameraSettings.calibrations();
    const plan = createFloorPlanService(store, () => calibrations);
    const calibratedView = plan.floorPlan().cameras[0]!;
    expect(calibratedView.position[0]).toBeCloseTo(4, 3);
    const calibratedBounds = polygonBounds(calibratedView.fieldOfView);
    calibrations = [];
    const nominalView = plan.floorPlan().cameras[0]!;
    expect(nominalView.position[0]).toBeCloseTo(3, 3);
    const nominalBounds = polygonBounds(nominalView.fieldOfView);
    // The same view, 1 m along x (its far edge, which the 10 m floor does not clip).
    expect(calibratedBounds.maxX - nominalBounds.maxX).toBeCloseTo(1, 2);
    expect(calibratedBounds.minY).toBeCloseTo(nominalBounds.minY, 2);
  });
});
