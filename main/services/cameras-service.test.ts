// The Cameras service on the demo store with the real camera worker: a simulated camera given a
// store clip captures, detects and tracks it (a JPEG still with track ids); a broken source raises
// a camera-offline device alert that clears when the source is removed; calibration fits, saves and
// clears a homography, each change audited; bad requests get clear API errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode as decodeJpeg } from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraView } from '../../native-bridge/contract/cameras';
import { missingClipMessage, storeClip } from '../../native-bridge/ffmpeg/test-clips';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { projectToImage } from '../store/geometry';
import { loadStore } from '../store/load';
import type { Point } from '../store/schema';
import type { CameraFrameDetections } from '../devices/cameras/camera-detection-feed';
import { createCamerasService, type CamerasService } from './cameras-service';

const store = loadStore(new URL('../store/demo/', import.meta.url).pathname);
let db: StoreDatabase;
let cameras: CamerasService;
const log: string[] = [];
/** What the worker hands on for the live engine (device mode wires it to the live worker). */
const detected: CameraFrameDetections[] = [];

beforeAll(() => {
  db = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
  cameras = createCamerasService({ store, db, detector: {}, log: (line) => log.push(line), onDetections: (frame) => detected.push(frame) });
});
afterAll(async () => {
  await cameras.dispose();
  db.close();
});

const cameraView = (id: string): CameraView => cameras.overview().cameras.find((c) => c.id === id)!;

async function until<T>(probe: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 40_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function apiError(run: () => unknown): Promise<{ code: string; message: string }> {
  try {
    await run();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected an ApiError');
}

describe('cameras service', () => {
  it('lists the demo store\'s cameras as simulated, without video, with their field of view', () => {
    const overview = cameras.overview();
    expect(overview.cameras).toHaveLength(26);
    const cam = overview.cameras[0]!;
    expect(cam.status.state).toBe('simulated');
    expect(cam.status.message).toMatch(/no video source/);
    expect(cam.source).toEqual({ kind: 'simulated', url: 'sim://cam-01', from: 'store' });
    expect(cam.placement).toBe('pose');
    expect(cam.fieldOfView.length).toBeGreaterThanOrEqual(3);
    expect(overview.detector.state).toBe('idle');
  });

  it('captures, detects and tracks a store clip given to a camera; the still is a JPEG with track ids', async (ctx) => {
    const clip = storeClip('cam6');
    if (!clip) ctx.skip(missingClipMessage('cam6'));
    const view = cameras.setSource('cam-25', { kind: 'file', url: clip! }, 'demo clip for the gate camera', 'mgr');
    expect(view.source).toEqual({ kind: 'file', url: clip, from: 'app' });
    const running = await until(() => cameraView('cam-25'), (c) => c.status.state === 'running' && (c.figures?.processed ?? 0) >= 3);
    expect(running.figures!.captureFps).toBeGreaterThan(0);
    const overview = await until(() => cameras.overview(), (o) => o.detector.state !== 'loading' && o.detector.state !== 'idle');
    if (overview.detector.state !== 'ready') ctx.skip(`skipped: the detector is ${overview.detector.state}: ${overview.detector.message}`);
    const still = await until(() => cameras.still('cam-25'), (s) => s !== null && s.detections.some((d) => d.trackId !== null));
    expect(still!.width).toBe(640);
    expect(still!.height).toBe(360);
    const jpeg = decodeJpeg(Buffer.from(still!.imageDataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64'));
    expect([jpeg.width, jpeg.height]).toEqual([640, 360]);
    // Figures come with the worker's report, once a second: the still can be ahead of them.
    expect((await until(() => cameraView('cam-25'), (c) => c.figures?.detectMs != null)).figures!.detectMs).toBeGreaterThan(0);
    // Every processed frame's boxes, in the camera's own pixel frame (its resolution, not the 640×360 capture), stamped at capture.
    // The detector may lag the capture under load: wait for three detected frames rather than assume them.
    const frames = await until(() => detected.filter((f) => f.camera === 'cam-25'), (f) => f.length >= 3);
    const { width, height } = store.cameras.find((c) => c.id === 'cam-25')!.resolution;
    const boxes = frames.flatMap((f) => [...f.boxes]);
    expect(boxes.length).toBeGreaterThan(0);
    // Box centres lie in the camera's image (a box itself may reach past a border).
    for (let i = 0; i < boxes.length; i += 5) {
      expect(boxes[i]! + boxes[i + 2]! / 2).toBeGreaterThanOrEqual(0);
      expect(boxes[i]! + boxes[i + 2]! / 2).toBeLessThanOrEqual(width);
      expect(boxes[i + 1]! + boxes[i + 3]! / 2).toBeLessThanOrEqual(height);
    }
    // Scaled from the 640×360 capture to the camera's 1280×720: some box reaches past the capture's width or height.
    expect(frames.some((f) => f.boxes.some((v, i) => (i % 5 === 0 && v + f.boxes[i + 2]! > 640) || (i % 5 === 1 && v + f.boxes[i + 2]! > 360)))).toBe(true);
    for (let i = 1; i < frames.length; i++) expect(frames[i]!.capturedAtMs).toBeGreaterThan(frames[i - 1]!.capturedAtMs);
    const audit = db.audit.list({ limit: 5, subject: 'camera:cam-25' });
    expect(audit[0]).toMatchObject({ actor: 'mgr', action: 'camera.source', reason: 'demo clip for the gate camera', before: { kind: 'simulated', from: 'store' } });
  });

  it('a broken source: offline with ffmpeg\'s reason and a device alert, cleared when the source is removed', async () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'walkout-cam-')), 'broken.mp4');
    writeFileSync(broken, 'not a video'.repeat(50));
    cameras.setSource('cam-26', { kind: 'file', url: broken }, 'testing a broken clip', 'mgr');
    const offline = await until(() => cameraView('cam-26'), (c) => c.status.state === 'offline');
    expect(offline.status.message).toMatch(/Invalid data found/);
    expect(offline.status.retryInMs).toBeGreaterThan(0);
    expect(db.deviceAlerts.open()).toContainEqual(expect.objectContaining({ subject: 'camera:cam-26', status: 'offline' }));
    const back = cameras.setSource('cam-26', null, 'back to the simulator', 'mgr');
    expect(back.status.state).toBe('simulated');
    expect(db.deviceAlerts.open().filter((a) => a.subject === 'camera:cam-26')).toEqual([]);
  });

  it('refuses a missing file and an unknown camera with clear errors', async () => {
    expect(await apiError(() => cameras.setSource('cam-24', { kind: 'file', url: '/nonexistent/clip.mp4' }, 'typo', 'mgr'))).toMatchObject({
      code: 'invalid_input',
      message: 'no video file at /nonexistent/clip.mp4 on the computer running Walkout',
    });
    expect(await apiError(() => cameras.still('cam-99'))).toMatchObject({ code: 'not_found' });
  });

  it('without model weights: frames still flow and stills show, the detector says what is missing', async (ctx) => {
    const clip = storeClip('cam1');
    if (!clip) ctx.skip(missingClipMessage('cam1'));
    const empty = mkdtempSync(join(tmpdir(), 'walkout-no-models-'));
    const otherDb = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
    const bare = createCamerasService({ store, db: otherDb, detector: { modelsDir: empty, searchDefaults: false }, log: (line) => log.push(line) });
    try {
      bare.setSource('cam-01', { kind: 'file', url: clip! }, 'no weights on this computer', 'mgr');
      const overview = await until(() => bare.overview(), (o) => o.detector.state === 'model-missing');
      expect(overview.detector.message).toContain('walkout models fetch yolox_nano');
      const still = await until(() => bare.still('cam-01'), (s) => s !== null);
      expect(still!.detections).toEqual([]);
      expect(bare.overview().cameras[0]!.status.state).toBe('running');
    } finally {
      await bare.dispose();
      otherDb.close();
    }
  });

  it('fits, saves and clears a floor calibration, auditing each change', () => {
    const camera = store.cameras.find((c) => c.id === 'cam-26')!;
    const floor: Point[] = [[13.5, 9.5], [15.5, 9.5], [15.8, 11], [13.2, 11.2], [14.5, 10.2]];
    const pairs = floor.map((p) => ({ floor: p, image: projectToImage(camera, [p[0], p[1], 0])! }));
    const fit = cameras.fit('cam-26', pairs);
    expect(fit.rmsM).toBeLessThan(1e-6);
    expect(fit.exact).toBe(false);
    expect(fit.fieldOfView.length).toBeGreaterThanOrEqual(3);

    const saved = cameras.saveCalibration('cam-26', pairs, 'calibrated after remounting', 'mgr');
    expect(saved.placement).toBe('calibrated');
    expect(saved.calibration).toMatchObject({ pairs, updatedBy: 'mgr' });
    expect(saved.calibration!.rmsM).toBeLessThan(1e-6);
    // Its own projections fit exactly, so the field of view is the one its pose gave.
    const before = cameraView('cam-26');
    expect(before.position![0]).toBeCloseTo(14.5, 3);
    expect(before.position![1]).toBeCloseTo(8.2, 3);

    const cleared = cameras.clearCalibration('cam-26', 'back to the installer pose', 'mgr');
    expect(cleared.placement).toBe('pose');
    const actions = db.audit.list({ limit: 10, subject: 'camera:cam-26' }).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['camera.calibrate', 'camera.calibrate']);
    expect(db.audit.verify().ok).toBe(true);
  });

  it('refuses degenerate and out-of-image points', async () => {
    const line = [0, 1, 2, 3].map((i) => ({ image: [100 + 50 * i, 100 + 80 * ((i * i) % 3)] as Point, floor: [i, i] as Point }));
    expect(await apiError(() => cameras.fit('cam-26', line))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/lie on one line/) });
    const outside = [[0, 0], [5000, 0], [0, 100], [100, 100]].map((image, i) => ({ image: image as Point, floor: [i, (i * i) % 3] as Point }));
    expect(await apiError(() => cameras.fit('cam-26', outside))).toMatchObject({ code: 'invalid_input', message: 'point 2 is outside the 1280×720 image' });
    expect(await apiError(() => cameras.clearCalibration('cam-01', 'nothing to clear', 'mgr'))).toMatchObject({ code: 'invalid_input' });
  });
});
