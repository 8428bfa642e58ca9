// The messages between the main thread and the camera worker. The worker owns every ffmpeg process,
// the detector and the per-camera trackers, so capture, inference (which onnxruntime-node runs on
// the calling thread) and JPEG encoding never run on the Electron main thread.
import type { VideoSource } from '../../../native-bridge/contract/cameras';
import type { CaptureFormat } from '../../../native-bridge/ffmpeg/ffmpeg-args';
import type { CaptureStatus } from '../../../native-bridge/ffmpeg/ffmpeg-capture';
import type { DetectorOptions } from '../../../native-bridge/onnx/person-detector';
import type { Camera } from '../../store/schema';
import type { DetectorView } from '../../../native-bridge/contract/cameras';
import type { PipelineFigures, StillDetection } from './camera-pipeline';

/** One camera the worker should capture: its geometry as in force now, its source and frame format. */
export interface CameraCaptureConfig {
  camera: Camera;
  source: VideoSource;
  format: CaptureFormat;
}

export interface CameraWorkerData {
  detector: DetectorOptions;
  /** How often the worker reports figures, ms. */
  reportMs: number;
}

export type CameraWorkerRequest =
  | { type: 'configure'; cameras: CameraCaptureConfig[] }
  | { type: 'still'; requestId: number; cameraId: string }
  | { type: 'stop' };

export interface CameraRuntime {
  cameraId: string;
  figures: PipelineFigures;
}

export interface StillPayload {
  cameraId: string;
  capturedAtMs: number;
  width: number;
  height: number;
  jpeg: Uint8Array;
  detections: StillDetection[];
}

export type CameraWorkerMessage =
  | { type: 'report'; cameras: CameraRuntime[]; detector: DetectorView }
  | { type: 'capture-status'; cameraId: string; status: CaptureStatus }
  | { type: 'still'; requestId: number; still: StillPayload | null }
  /** One processed frame's person boxes (camera pixels, boxStride values each), stamped with its wall-clock capture time. */
  | { type: 'detections'; cameraId: string; capturedAtMs: number; boxes: Float32Array }
  | { type: 'stopped' };
