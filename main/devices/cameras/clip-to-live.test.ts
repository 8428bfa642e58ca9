// A real store clip into the live engine: ffmpeg capture → YOLOX-Nano (onnxruntime) → the camera
// pipeline's per-frame detections → the camera detection feed → the device input queue → the live
// pipeline (input log and decisions in a real SQLite file, the engine's vision stage) → floor
// tracks on the live floor frame. The store clock follows the clip (files are read faster than real
// time here), so every frame is on time. Skips, saying why, where ffmpeg, the clip or the weights are absent.
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { missingClipMessage, storeClip } from '../../../native-bridge/ffmpeg/test-clips';
import { locateModel, modelSearchDirs } from '../../../native-bridge/onnx/model-files';
import { findModel } from '../../../native-bridge/onnx/model-manifest';
import { PersonDetector } from '../../../native-bridge/onnx/person-detector';
import { openStoreDatabase } from '../../db';
import { tempDbPath } from '../../db/test-support';
import type { Detections } from '../../engine/inputs';
import { sceneStore } from '../../engine/vision/test-scene';
import { createLivePipeline } from '../../live/live-pipeline';
import { readRecording } from '../../recording';
import type { Camera } from '../../store/schema';
import { DeviceInputQueue } from '../shelves/device-input-queue';
import { CameraDetectionFeed } from './camera-detection-feed';
import { CameraPipeline } from './camera-pipeline';

const FRAMES = 100;
const STORE_T0 = Date.UTC(2026, 4, 6, 10, 0, 0);

/** The clip comes without calibration: a plausible oblique pose over the middle of a 20 m floor. */
function clipCamera(url: string): Camera {
  return {
    id: 'clip-cam1',
    name: 'AutoCheckout cam1 (uncalibrated stand-in)',
    resolution: { width: 640, height: 360 },
    fps: 10,
    intrinsics: { fx: 400, fy: 400, cx: 320, cy: 180 },
    pose: { position: [10, 10, 3], yaw: 90, pitch: 50, roll: 0 },
    stream: { kind: 'file', url },
  };
}

const ffmpegMissing = spawnSync('ffmpeg', ['-version']).error !== undefined;
let detector: PersonDetector | undefined;
afterAll(async () => detector?.dispose());

describe('a real store clip into the live engine', () => {
  it('records a Detections input per frame and shows floor tracks', { timeout: 180_000 }, async (ctx) => {
    if (ffmpegMissing) ctx.skip('skipped: ffmpeg is not on PATH');
    const clip = storeClip('cam1');
    if (!clip) ctx.skip(missingClipMessage('cam1'));
    if (!locateModel(findModel('yolox_nano'), modelSearchDirs())) ctx.skip('skipped: yolox_nano.onnx is absent (see models/README.md)');
    detector ??= await PersonDetector.load({ model: 'yolox_nano' });

    const camera = clipCamera(clip!);
    const store = sceneStore([camera], 20, 20);
    const db = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
    const live = createLivePipeline({ store, db, storeKey: new Uint8Array(32).fill(3), source: 'devices', speed: 1 });
    // The clip's own timeline is the clock: a frame is fed the moment it was captured (age 0).
    let mediaMs = 0;
    const storeNow = () => STORE_T0 + mediaMs;
    const queue = new DeviceInputQueue(storeNow);
    const feed = new CameraDetectionFeed([camera.id], { storeNow, wallNow: () => mediaMs, push: (d) => queue.push(d) });
    const pipeline = new CameraPipeline({
      camera,
      capture: { source: { kind: 'file', url: clip! }, format: { width: 640, height: 360, fps: 10 }, delivery: 'every' },
      clock: 'media',
      onDetections: (t, boxes) => {
        mediaMs = t;
        feed.accept({ camera: camera.id, capturedAtMs: t, boxes });
      },
    });
    let shopperSightings = 0;
    let processed = 0;
    pipeline.start();
    while (processed < FRAMES && pipeline.figures().capture.state !== 'ended') {
      if (!(await pipeline.step(detector!))) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      processed++;
      const reached = queue.pump(0, (input) => live.push(input));
      live.advance(reached);
      shopperSightings += live.frame(reached).shoppers.length;
    }
    await pipeline.stop();
    mediaMs += 1000;
    live.advance(queue.pump(0, (input) => live.push(input)));
    live.close();

    const logged = [...readRecording(db)].filter((i): i is Detections => i.kind === 'detections');
    db.close();
    expect(processed).toBe(FRAMES);
    expect(feed.refused).toBe(0);
    expect(queue.late).toBe(0);
    // Every processed frame is one input, in the camera's pixel frame, at its capture time.
    expect(logged).toHaveLength(FRAMES);
    expect(logged.filter((d) => d.boxes.length > 0).length).toBeGreaterThan(FRAMES / 2);
    expect(logged[1]!.t - logged[0]!.t).toBe(100);
    // The engine's floor tracker made confirmed tracks of them, which the live floor frame shows.
    expect(shopperSightings).toBeGreaterThan(FRAMES / 2);
    console.log(`clip-to-live: ${logged.length} Detections inputs logged, ${shopperSightings} shopper sightings on the live floor over ${FRAMES} frames`);
  });
});
