// Messages between the camera worker and the detector thread. Inference gets a thread of its own
// because onnxruntime-node computes on the calling thread: where capture shares a thread with it,
// ffmpeg's pipe is not read while a frame is inferred, ffmpeg blocks, and a live stream falls
// behind instead of dropping frames.
import type { DetectorErrorCode, DetectorOptions, Detections } from '../../../native-bridge/onnx/person-detector';

export type DetectorThreadData = DetectorOptions;

export type DetectorThreadRequest = { type: 'detect'; id: number; rgb: Uint8Array; width: number; height: number } | { type: 'stop' };

export type DetectorThreadMessage =
  | { type: 'loaded'; model: string; provider: string; providerNote: string | null }
  | { type: 'load-failed'; code: DetectorErrorCode; message: string }
  | { type: 'detected'; id: number; detections: Detections }
  | { type: 'detect-failed'; id: number; code: DetectorErrorCode | null; message: string };
