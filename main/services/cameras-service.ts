// What Devices → Cameras asks for and does. A camera as in force = the store's cameras.json entry,
// with the video source and floor calibration people set in the app (database, audited) on top.
// Cameras with a real source (a file, RTSP, V4L2) are captured, detected and tracked in the camera
// worker; a camera going offline raises a device alert (`camera:<id>`), cleared when frames flow
// again. Simulated cameras have no video: the simulator feeds their detections to the engine.
import { existsSync, statSync } from 'node:fs';
import type {
  CameraCalibrationView,
  CameraSourceView,
  CameraStill,
  CameraView,
  CamerasOverview,
  HomographyFitView,
  PointPairInput,
  VideoSource,
} from '../../native-bridge/contract/cameras';
import { ApiError } from '../../native-bridge/contract/errors';
import type { CaptureFormat } from '../../native-bridge/ffmpeg/ffmpeg-args';
import type { CaptureStatus } from '../../native-bridge/ffmpeg/ffmpeg-capture';
import type { DetectorOptions } from '../../native-bridge/onnx/person-detector';
import type { StoreDatabase, StoredCameraCalibration } from '../db';
import { calibratedCamera } from '../devices/cameras/calibrated-store';
import type { CameraFrameDetections } from '../devices/cameras/camera-detection-feed';
import { CameraDevices } from '../devices/cameras/camera-devices';
import type { CameraCaptureConfig } from '../devices/cameras/camera-messages';
import { fitFloorHomography, HomographyFitError, type HomographyFit } from '../devices/cameras/homography-fit';
import { cameraFieldOfView, cameraFrame } from '../store/geometry';
import type { Camera, StoreModel } from '../store/schema';

export interface CamerasServiceDeps {
  store: StoreModel;
  db: StoreDatabase;
  detector: DetectorOptions;
  log: (line: string) => void;
  /** Wall clock, ms (audit times, alerts). */
  now?: () => number;
  /** Each processed frame's person boxes: the live engine's camera input in device mode. */
  onDetections?: (frame: CameraFrameDetections) => void;
}

export interface CamerasService {
  overview(): CamerasOverview;
  still(cameraId: string): Promise<CameraStill | null>;
  setSource(cameraId: string, source: VideoSource | null, reason: string, actor: string): CameraView;
  fit(cameraId: string, pairs: PointPairInput[]): HomographyFitView;
  saveCalibration(cameraId: string, pairs: PointPairInput[], reason: string, actor: string): CameraView;
  clearCalibration(cameraId: string, reason: string, actor: string): CameraView;
  dispose(): Promise<void>;
}

/** Detection does not need full HD: frames are scaled to at most 640 wide and 10 per second. */
export function captureFormat(camera: Camera): CaptureFormat {
  const even = (v: number) => Math.max(2, 2 * Math.round(v / 2));
  const width = even(Math.min(640, camera.resolution.width));
  return { width, height: even((width * camera.resolution.height) / camera.resolution.width), fps: Math.min(10, camera.fps) };
}

const subject = (cameraId: string) => `camera:${cameraId}`;

export function createCamerasService(deps: CamerasServiceDeps): CamerasService {
  const { store, db } = deps;
  const now = deps.now ?? (() => Date.now());
  const byId = new Map(store.cameras.map((c) => [c.id, c]));

  const devices = new CameraDevices({
    detector: deps.detector,
    log: deps.log,
    onDetections: deps.onDetections,
    onCaptureStatus: (cameraId, status) => {
      if (status.state === 'offline') db.deviceAlerts.apply([{ subject: subject(cameraId), status: 'offline', detail: status.message ?? 'offline' }], now());
      else if (status.state === 'running' || status.state === 'stopped') db.deviceAlerts.apply([{ subject: subject(cameraId), status: null, detail: status.state }], now());
    },
  });

  const cameraOf = (cameraId: string): Camera => {
    const camera = byId.get(cameraId);
    if (!camera) throw new ApiError('not_found', `no camera ${cameraId} in this store`);
    return camera;
  };
  const appSources = () => new Map(db.cameraSettings.sources().map((s) => [s.camera, s]));
  const calibrations = () => new Map(db.cameraSettings.calibrations().map((c) => [c.camera, c]));

  const effectiveCamera = (camera: Camera, calibration: StoredCameraCalibration | undefined): Camera =>
    calibration ? calibratedCamera(camera, calibration.homography) : camera;

  const sourceView = (camera: Camera, sources: ReturnType<typeof appSources>): CameraSourceView => {
    const app = sources.get(camera.id);
    return app ? { kind: app.kind, url: app.url, from: 'app' } : { kind: camera.stream.kind, url: camera.stream.url, from: 'store' };
  };

  const captured = (source: CameraSourceView): VideoSource | null => (source.kind === 'simulated' ? null : { kind: source.kind, url: source.url });

  const reconfigure = (): void => {
    const sources = appSources();
    const cal = calibrations();
    const configs: CameraCaptureConfig[] = [];
    for (const camera of store.cameras) {
      const source = captured(sourceView(camera, sources));
      if (source) configs.push({ camera: effectiveCamera(camera, cal.get(camera.id)), source, format: captureFormat(camera) });
    }
    // Alerts left open by an earlier run for cameras no longer captured would never clear.
    const capturedIds = new Set(configs.map((c) => c.camera.id));
    const stale = db.deviceAlerts.open().filter((a) => a.subject.startsWith('camera:') && !capturedIds.has(a.subject.slice('camera:'.length)));
    if (stale.length > 0) db.deviceAlerts.apply(stale.map((a) => ({ subject: a.subject, status: null, detail: 'no longer captured' })), now());
    devices.configure(configs);
  };

  const calibrationView = (c: StoredCameraCalibration): CameraCalibrationView => ({
    homography: c.homography,
    pairs: c.pairs,
    rmsM: c.rmsM,
    maxM: c.maxM,
    updatedAt: new Date(c.updatedMs).toISOString(),
    updatedBy: c.updatedBy,
  });

  const statusView = (source: CameraSourceView, capture: CaptureStatus | undefined): CameraView['status'] => {
    if (source.kind === 'simulated') {
      return { state: 'simulated', message: 'no video source: the simulator feeds this camera\'s detections to the engine', since: null, restarts: 0, retryInMs: null };
    }
    if (!capture) return { state: 'starting', message: null, since: null, restarts: 0, retryInMs: null };
    return { state: capture.state, message: capture.message, since: new Date(capture.since).toISOString(), restarts: Math.max(0, capture.restarts), retryInMs: capture.retryInMs };
  };

  const view = (camera: Camera, sources = appSources(), cal = calibrations()): CameraView => {
    const calibration = cal.get(camera.id);
    const effective = effectiveCamera(camera, calibration);
    const source = sourceView(camera, sources);
    const frame = cameraFrame(effective);
    const runtime = devices.runtime(camera.id);
    const figures = runtime && source.kind !== 'simulated' ? runtime.figures : null;
    return {
      id: camera.id,
      name: camera.name,
      resolution: camera.resolution,
      fps: camera.fps,
      source,
      status: statusView(source, devices.captureStatus(camera.id)),
      figures: figures
        ? {
            captureFps: figures.captureFps,
            processedFps: figures.processedFps,
            drops: figures.drops,
            processed: figures.processed,
            detectMs: figures.detectMs,
            tracks: figures.tracks,
            frameError: figures.frameError,
          }
        : null,
      placement: calibration ? 'calibrated' : camera.floorHomography ? 'homography' : 'pose',
      calibration: calibration ? calibrationView(calibration) : null,
      position: frame ? [frame.center[0], frame.center[1]] : null,
      fieldOfView: cameraFieldOfView(effective, store.layout.floor),
    };
  };

  const fitFor = (camera: Camera, pairs: PointPairInput[]): HomographyFit => {
    const { width, height } = camera.resolution;
    const outside = pairs.findIndex(({ image: [u, v] }) => u < 0 || v < 0 || u > width || v > height);
    if (outside >= 0) throw new ApiError('invalid_input', `point ${outside + 1} is outside the ${width}×${height} image`);
    let fit: HomographyFit;
    try {
      fit = fitFloorHomography(pairs);
    } catch (error) {
      if (error instanceof HomographyFitError) throw new ApiError('invalid_input', error.message);
      throw error;
    }
    if (!cameraFrame(calibratedCamera(camera, fit.homography))) {
      throw new ApiError('invalid_input', 'the points imply no camera position above the floor: check that each floor point matches its image point');
    }
    return fit;
  };

  reconfigure();

  return {
    overview: () => {
      const sources = appSources();
      const cal = calibrations();
      return { cameras: store.cameras.map((c) => view(c, sources, cal)), detector: devices.detector() };
    },

    still: async (cameraId) => {
      cameraOf(cameraId);
      const still = await devices.still(cameraId);
      if (!still) return null;
      return {
        cameraId,
        capturedAt: new Date(still.capturedAtMs).toISOString(),
        width: still.width,
        height: still.height,
        imageDataUrl: `data:image/jpeg;base64,${Buffer.from(still.jpeg).toString('base64')}`,
        detections: still.detections,
      };
    },

    setSource: (cameraId, source, reason, actor) => {
      const camera = cameraOf(cameraId);
      if (source?.kind === 'file' && !(existsSync(source.url) && statSync(source.url).isFile())) {
        throw new ApiError('invalid_input', `no video file at ${source.url} on the computer running Walkout`);
      }
      const before = sourceView(camera, appSources());
      db.cameraSettings.setSource({ camera: cameraId, source, actor, reason, at: now(), before: { ...before } });
      reconfigure();
      return view(camera);
    },

    fit: (cameraId, pairs) => {
      const camera = cameraOf(cameraId);
      const fit = fitFor(camera, pairs);
      return { ...fit, fieldOfView: cameraFieldOfView(calibratedCamera(camera, fit.homography), store.layout.floor) };
    },

    saveCalibration: (cameraId, pairs, reason, actor) => {
      const camera = cameraOf(cameraId);
      const fit = fitFor(camera, pairs);
      const previous = calibrations().get(cameraId);
      const before = previous ? { homography: previous.homography, rmsM: previous.rmsM } : { placement: camera.floorHomography ? ('homography' as const) : ('pose' as const) };
      db.cameraSettings.setCalibration({ camera: cameraId, calibration: { homography: fit.homography, pairs, rmsM: fit.rmsM, maxM: fit.maxM }, actor, reason, at: now(), before });
      reconfigure();
      return view(camera);
    },

    clearCalibration: (cameraId, reason, actor) => {
      const camera = cameraOf(cameraId);
      const previous = calibrations().get(cameraId);
      if (!previous) throw new ApiError('invalid_input', `camera ${cameraId} has no calibration made here to remove`);
      db.cameraSettings.setCalibration({ camera: cameraId, calibration: null, actor, reason, at: now(), before: { homography: previous.homography, rmsM: previous.rmsM } });
      reconfigure();
      return view(camera);
    },

    dispose: () => devices.dispose(),
  };
}
