// Sample answers of the cameras API for the slice and selector tests (shapes as the host sends them).
import type { CameraStill, CameraView, CamerasOverview, HomographyFitView } from '../../../../../native-bridge/contract';

export function sampleCamera(id: string, overrides: Partial<CameraView> = {}): CameraView {
  return {
    id,
    name: `Camera ${id}`,
    resolution: { width: 1280, height: 720 },
    fps: 30,
    source: { kind: 'simulated', url: `sim://${id}`, from: 'store' },
    status: { state: 'simulated', message: 'no video source: the simulator feeds this camera\'s detections to the engine', since: null, restarts: 0, retryInMs: null },
    figures: null,
    placement: 'pose',
    calibration: null,
    position: [2.5, 8.2],
    fieldOfView: [[1, 9], [4, 9], [4, 12], [1, 12]],
    ...overrides,
  };
}

export function videoCamera(id: string): CameraView {
  return sampleCamera(id, {
    source: { kind: 'file', url: '/clips/cam1.mp4', from: 'app' },
    status: { state: 'running', message: null, since: '2026-11-21T10:00:00.000Z', restarts: 0, retryInMs: null },
    figures: { captureFps: 10, processedFps: 9.5, drops: 12, processed: 300, detectMs: 31.4, tracks: 2, frameError: null },
  });
}

export function sampleOverview(cameras: CameraView[] = [sampleCamera('cam-01'), videoCamera('cam-25')]): CamerasOverview {
  return { cameras, detector: { state: 'ready', message: null, model: 'yolox_nano', provider: 'cpu' } };
}

export function sampleStill(cameraId: string): CameraStill {
  return {
    cameraId,
    capturedAt: '2026-11-21T10:00:01.000Z',
    width: 640,
    height: 360,
    imageDataUrl: 'data:image/jpeg;base64,AAAA',
    detections: [
      { x: 100, y: 50, w: 60, h: 150, score: 0.86, trackId: 3 },
      { x: 400, y: 80, w: 50, h: 120, score: 0.41, trackId: null },
    ],
  };
}

export function sampleFit(residualsM: number[]): HomographyFitView {
  const rmsM = Math.sqrt(residualsM.reduce((s, r) => s + r * r, 0) / residualsM.length);
  return { homography: [0.01, 0, 0, 0, 0.01, 0, 0, 0, 1], residualsM, rmsM, maxM: Math.max(...residualsM), exact: residualsM.length === 4, fieldOfView: [[1, 9], [4, 9], [4, 12]] };
}
