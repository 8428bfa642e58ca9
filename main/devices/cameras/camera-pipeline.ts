// One camera from pixels to tracks: its ffmpeg capture, the shared person detector, and the
// engine's per-camera ByteTrack tracker (main/engine/vision) fed with the detections in the
// camera's own pixel frame (captures are usually smaller than the camera's resolution). It keeps
// the last processed frame with its detections and track ids, for stills, and the figures the
// Cameras view shows: capture and processing rates, drops, detection time.
import type { RawFrame } from '../../../native-bridge/ffmpeg/latest-frame';
import { FfmpegCapture, type CaptureOptions, type CaptureStatus } from '../../../native-bridge/ffmpeg/ffmpeg-capture';
import { boxCorners } from '../../engine/vision/box-kalman';
import { CameraTracker } from '../../engine/vision/camera-tracker';
import { CameraProjection } from '../../engine/vision/floor-projection';
import { iou } from '../../engine/vision/iou';
import { visionOptions } from '../../engine/vision/options';
import type { Camera } from '../../store/schema';
import { RateMeter } from './rate-meter';

/** What the pipeline needs of a detector: boxes (x, y, w, h, score) in frame pixels. */
export interface FrameDetector {
  detect(rgb: Uint8Array, width: number, height: number): Promise<{ boxes: Float32Array; preMs: number; inferMs: number; postMs: number }>;
}

export interface StillDetection {
  /** Capture pixels. */
  x: number;
  y: number;
  w: number;
  h: number;
  score: number;
  /** The confirmed camera track this detection fed, or null (new or unconfirmed). */
  trackId: number | null;
}

export interface PipelineStill {
  frame: RawFrame;
  /** The time the tracker was given for this frame (ms). */
  t: number;
  detections: StillDetection[];
}

export interface PipelineFigures {
  capture: CaptureStatus;
  /** Frames per second arriving from ffmpeg, and processed (detected and tracked). */
  captureFps: number;
  processedFps: number;
  /** Frames replaced by a newer one before processing, since the pipeline started. */
  drops: number;
  processed: number;
  /** Mean detection time (pre-processing, inference, decoding) over recent frames, ms. */
  detectMs: number | null;
  /** Confirmed tracks seen in the last processed frame. */
  tracks: number;
  /** The last problem processing a frame (e.g. a corrupt frame), cleared by the next success. */
  frameError: string | null;
}

export type PipelineClock = 'wall' | 'media';

export interface CameraPipelineOptions {
  camera: Camera;
  capture: Omit<CaptureOptions, 'format'> & { format: CaptureOptions['format'] };
  /**
   * Time given to the tracker: `wall` (frame arrival; live cameras) or `media` (the stream's own
   * timeline; files read faster than real time, and tests).
   */
  clock: PipelineClock;
  onFrame?: () => void;
  onStatus?: (status: CaptureStatus) => void;
  /**
   * Each frame the detector ran on: its tracker time and the person boxes in the camera's pixel
   * frame (boxStride values each; a fresh array the receiver may keep). The live engine's input.
   */
  onDetections?: (t: number, boxes: Float32Array) => void;
}

export class CameraPipeline {
  readonly capture: FfmpegCapture;
  private cameraNow: Camera;
  private tracker: CameraTracker;
  private still: PipelineStill | null = null;
  private readonly captureRate = new RateMeter();
  private readonly processRate = new RateMeter();
  private detectMs: number | null = null;
  private processed = 0;
  private tracks = 0;
  private frameError: string | null = null;
  private tick = 0;
  /** Media clock: added to the stream's time after a restart, so tracker time never goes back. */
  private mediaOffset = 0;
  private lastT = -Infinity;
  private readonly scaleX: number;
  private readonly scaleY: number;
  private scaled = new Float32Array(0);
  private readonly corners = new Float64Array(4);
  private readonly detCorners = new Float64Array(4);

  constructor(private readonly options: CameraPipelineOptions) {
    this.cameraNow = options.camera;
    this.tracker = newTracker(options.camera);
    const { format } = options.capture;
    this.scaleX = options.camera.resolution.width / format.width;
    this.scaleY = options.camera.resolution.height / format.height;
    this.capture = new FfmpegCapture(options.capture, {
      onFrame: () => {
        this.captureRate.mark(Date.now());
        options.onFrame?.();
      },
      onStatus: (status) => {
        if (status.state === 'starting') this.mediaOffset = Number.isFinite(this.lastT) ? this.lastT + 1000 / format.fps : 0;
        options.onStatus?.(status);
      },
    });
  }

  get camera(): Camera {
    return this.cameraNow;
  }

  start(): void {
    this.capture.start();
  }

  async stop(): Promise<void> {
    await this.capture.stop();
    if (this.still) this.capture.latest.recycle(this.still.frame.data);
    this.still = null;
  }

  get hasFrame(): boolean {
    return this.capture.latest.hasFrame;
  }

  /**
   * Processes the newest waiting frame, if any: detect (when a detector is given), track, keep as
   * the still. A frame the detector refuses is reported and skipped; the pipeline goes on.
   */
  async step(detector: FrameDetector | null): Promise<boolean> {
    const frame = this.capture.take();
    if (!frame) return false;
    const t = this.options.clock === 'wall' ? frame.capturedAtMs : this.mediaOffset + frame.ptsMs;
    let boxes: Float32Array = new Float32Array(0);
    if (detector) {
      try {
        const result = await detector.detect(frame.data, frame.width, frame.height);
        boxes = result.boxes;
        const ms = result.preMs + result.inferMs + result.postMs;
        this.detectMs = this.detectMs === null ? ms : this.detectMs * 0.9 + ms * 0.1;
        this.frameError = null;
      } catch (error) {
        this.frameError = (error as Error).message;
        this.capture.latest.recycle(frame.data);
        return true;
      }
    }
    const fresh = t > this.lastT;
    const detections = fresh ? this.track(t, boxes) : [];
    if (fresh && detector) this.options.onDetections?.(t, this.scaled.slice(0, boxes.length));
    this.lastT = Math.max(this.lastT, t);
    if (this.still) this.capture.latest.recycle(this.still.frame.data);
    this.still = { frame, t, detections };
    this.processed++;
    this.processRate.mark(Date.now());
    return true;
  }

  /** The last processed frame with its detections; valid until the next step. */
  latestStill(): PipelineStill | null {
    return this.still;
  }

  figures(): PipelineFigures {
    const now = Date.now();
    return {
      capture: this.capture.status,
      captureFps: this.captureRate.perSecond(now),
      processedFps: this.processRate.perSecond(now),
      drops: this.capture.latest.counters.dropped,
      processed: this.processed,
      detectMs: this.detectMs,
      tracks: this.tracks,
      frameError: this.frameError,
    };
  }

  /** The camera's geometry changed (a new calibration): tracks start afresh in the new frame. */
  recalibrate(camera: Camera): void {
    this.tracker = newTracker(camera);
    this.cameraNow = camera;
  }

  /** Feeds the tracker (boxes in camera pixels) and labels each detection with its confirmed track. */
  private track(t: number, boxes: Float32Array): StillDetection[] {
    const n = boxes.length / 5;
    if (this.scaled.length < boxes.length) this.scaled = new Float32Array(boxes.length * 2);
    const scaled = this.scaled.subarray(0, boxes.length);
    for (let i = 0; i < n; i++) {
      scaled[i * 5] = boxes[i * 5]! * this.scaleX;
      scaled[i * 5 + 1] = boxes[i * 5 + 1]! * this.scaleY;
      scaled[i * 5 + 2] = boxes[i * 5 + 2]! * this.scaleX;
      scaled[i * 5 + 3] = boxes[i * 5 + 3]! * this.scaleY;
      scaled[i * 5 + 4] = boxes[i * 5 + 4]!;
    }
    this.tracker.frame(t, scaled, undefined, this.tick++, () => undefined);
    const seen = this.tracker.liveTracks.filter((tr) => tr.activated && tr.state === 'tracked' && tr.lastSeenT === t);
    this.tracks = seen.length;
    // Each confirmed track labels at most one detection: pairs by overlap, best first.
    const pairs: Array<[overlap: number, det: number, track: number]> = [];
    seen.forEach((tr, k) => {
      boxCorners(tr.kf, 0, this.corners, 0);
      for (let i = 0; i < n; i++) {
        this.detCorners[0] = scaled[i * 5]!;
        this.detCorners[1] = scaled[i * 5 + 1]!;
        this.detCorners[2] = scaled[i * 5]! + scaled[i * 5 + 2]!;
        this.detCorners[3] = scaled[i * 5 + 1]! + scaled[i * 5 + 3]!;
        const overlap = iou(this.corners, 0, this.detCorners, 0);
        if (overlap > 0.3) pairs.push([overlap, i, k]);
      }
    });
    pairs.sort((a, b) => b[0] - a[0]);
    const trackOf = new Array<number | null>(n).fill(null);
    const labelled = new Set<number>();
    for (const [, i, k] of pairs) {
      if (trackOf[i] !== null || labelled.has(k)) continue;
      trackOf[i] = seen[k]!.id;
      labelled.add(k);
    }
    const out: StillDetection[] = [];
    for (let i = 0; i < n; i++) {
      out.push({ x: boxes[i * 5]!, y: boxes[i * 5 + 1]!, w: boxes[i * 5 + 2]!, h: boxes[i * 5 + 3]!, score: boxes[i * 5 + 4]!, trackId: trackOf[i]! });
    }
    return out;
  }
}

function newTracker(camera: Camera): CameraTracker {
  const options = visionOptions();
  return new CameraTracker(new CameraProjection(0, camera, options), options);
}
