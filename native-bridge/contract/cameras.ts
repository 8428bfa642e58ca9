// The Cameras part of the API (Devices → Cameras): each camera with its video source, capture
// status, frame rates, drops and field of view; a recent still with detections and track ids; and
// the human actions on a camera — give it a video source, calibrate its floor homography from
// clicked point pairs — each of which is audited.
import { z } from 'zod';
import type { Point } from '../../main/store/schema';

const cameraId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a camera id');
const reason = z.string().trim().min(3, 'say why (at least 3 characters)').max(500);
// eslint-disable-next-line no-control-regex
const noControl = (url: string) => !/[\u0000-\u001f]/.test(url);

/**
 * A camera's video source. Shapes are strict because ffmpeg reads far more than camera URLs
 * (concat:, pipes, http…): a file is an absolute path, RTSP an rtsp(s):// URL, V4L2 a /dev/videoN.
 */
export const videoSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('file'),
      url: z
        .string()
        .max(1024)
        .refine(noControl, 'the source contains control characters')
        .refine((url) => url.startsWith('/') || /^[A-Za-z]:[\\/]/.test(url), 'a video file source must be an absolute path'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('rtsp'),
      url: z
        .string()
        .max(1024)
        .refine(noControl, 'the source contains control characters')
        .refine((url) => /^rtsps?:\/\/[^\s/]+/.test(url), 'an RTSP source must be an rtsp:// or rtsps:// URL'),
    })
    .strict(),
  z
    .object({ kind: z.literal('v4l2'), url: z.string().regex(/^\/dev\/video\d{1,3}$/, 'a V4L2 source must be a /dev/videoN device') })
    .strict(),
]);
export type VideoSource = z.infer<typeof videoSourceSchema>;

const coordinate = z.number().finite().min(-1e6).max(1e6);
export const pointPairSchema = z
  .object({
    /** Camera pixels, at the camera's full resolution. */
    image: z.tuple([coordinate, coordinate]),
    /** Floor metres on the plan. */
    floor: z.tuple([coordinate, coordinate]),
  })
  .strict();
export type PointPairInput = z.infer<typeof pointPairSchema>;
const pairs = z.array(pointPairSchema).min(4, 'at least 4 point pairs').max(64);

export const cameraCalls = {
  listCameras: z.object({}).strict(),
  /** The last processed frame as JPEG with its detections; null while the camera has none. */
  getCameraStill: z.object({ cameraId }).strict(),
  /** Null returns the camera to the source in the store's cameras.json. */
  setCameraSource: z.object({ cameraId, source: videoSourceSchema.nullable(), reason }).strict(),
  /** Fits a floor homography and reports its error and field of view, without saving. */
  fitCameraHomography: z.object({ cameraId, pairs }).strict(),
  saveCameraCalibration: z.object({ cameraId, pairs, reason }).strict(),
  /** Returns the camera to the pose or homography of the store's cameras.json. */
  clearCameraCalibration: z.object({ cameraId, reason }).strict(),
} as const;

export type CameraState = 'simulated' | 'starting' | 'running' | 'offline' | 'ended' | 'stopped';

export interface CameraSourceView {
  kind: 'file' | 'rtsp' | 'v4l2' | 'simulated';
  url: string;
  /** store: cameras.json; app: set in the Cameras view (overrides the store's). */
  from: 'store' | 'app';
}

export interface CameraFiguresView {
  /** Frames per second arriving from the source, and detected and tracked. */
  captureFps: number;
  processedFps: number;
  /** Frames skipped because a newer one arrived first (processing always takes the newest). */
  drops: number;
  processed: number;
  /** Mean detection time per frame, ms; null before the first detection. */
  detectMs: number | null;
  /** Confirmed tracks in the last processed frame. */
  tracks: number;
  /** The last frame that could not be processed, and why; null once frames go through again. */
  frameError: string | null;
}

export interface CameraCalibrationView {
  /** Row-major 3×3, camera pixels → floor metres. */
  homography: number[];
  pairs: PointPairInput[];
  rmsM: number;
  maxM: number;
  updatedAt: string;
  updatedBy: string;
}

export interface CameraView {
  id: string;
  name: string;
  resolution: { width: number; height: number };
  fps: number;
  source: CameraSourceView | null;
  status: {
    state: CameraState;
    message: string | null;
    /** ISO time the state began; null for cameras without capture. */
    since: string | null;
    restarts: number;
    retryInMs: number | null;
  };
  figures: CameraFiguresView | null;
  /** How the camera is placed on the floor: the store's pose, the store's homography, or a calibration made here. */
  placement: 'pose' | 'homography' | 'calibrated';
  calibration: CameraCalibrationView | null;
  /** Where it hangs on the plan, when known. */
  position: Point | null;
  /** The floor area in view, on the plan (empty when it sees no floor). */
  fieldOfView: Point[];
}

export type DetectorState = 'idle' | 'loading' | 'ready' | 'runtime-missing' | 'model-missing' | 'model-invalid' | 'crashed';

export interface DetectorView {
  state: DetectorState;
  /** Why it is not ready, or a note (e.g. the GPU provider asked for is not available). */
  message: string | null;
  model: string;
  provider: string | null;
}

export interface CamerasOverview {
  cameras: CameraView[];
  detector: DetectorView;
}

export interface CameraStillDetection {
  /** Pixels of the still. */
  x: number;
  y: number;
  w: number;
  h: number;
  score: number;
  /** The camera track the detection belongs to; null while the track is not confirmed. */
  trackId: number | null;
}

export interface CameraStill {
  cameraId: string;
  /** ISO time the frame was captured. */
  capturedAt: string;
  width: number;
  height: number;
  /** data:image/jpeg;base64,… */
  imageDataUrl: string;
  detections: CameraStillDetection[];
}

export interface HomographyFitView {
  homography: number[];
  /** Per pair, floor metres between the clicked floor point and the image point mapped through the fit. */
  residualsM: number[];
  rmsM: number;
  maxM: number;
  /** Four pairs fit exactly: residuals of zero say nothing about the calibration. */
  exact: boolean;
  fieldOfView: Point[];
}

export interface CameraOutputs {
  listCameras: CamerasOverview;
  getCameraStill: CameraStill | null;
  setCameraSource: CameraView;
  fitCameraHomography: HomographyFitView;
  saveCameraCalibration: CameraView;
  clearCameraCalibration: CameraView;
}
