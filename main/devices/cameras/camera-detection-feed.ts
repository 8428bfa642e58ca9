// Real cameras as a source of engine inputs: each processed frame's person boxes (camera pixels)
// become a Detections input stamped with the frame's capture time on the store clock. The camera
// worker stamps frames with the wall clock when ffmpeg delivered them; the live worker's store clock
// may run ahead of the wall clock (a resumed run continues after its last recorded input), so a
// frame is placed by its age: store time now minus how long ago it was captured. Stamps stay
// monotonic per camera, as the engine requires of every source. Boxes from an unknown camera or of
// the wrong shape are refused with a reason, never fed.
import { boxStride, type Detections } from '../../engine/inputs';

export interface CameraFrameDetections {
  camera: string;
  /** Wall-clock ms (Date.now) at which the frame was captured. */
  capturedAtMs: number;
  /** boxStride values per person, in the camera's own pixel frame (its configured resolution). */
  boxes: Float32Array;
}

export interface CameraDetectionFeedOptions {
  /** The store clock, ms (the live worker's). */
  storeNow: () => number;
  /** Where the inputs go: the device input queue, which orders them with the shelves' and drops late ones. */
  push: (input: Detections) => void;
  /** The wall clock the capture stamps come from. */
  wallNow?: () => number;
}

export class CameraDetectionFeed {
  private readonly last = new Map<string, number>();
  private readonly wallNow: () => number;
  /** Frames refused (unknown camera, malformed boxes), with the last reason. */
  refused = 0;
  lastRefusal: string | null = null;

  constructor(
    cameras: readonly string[],
    private readonly options: CameraDetectionFeedOptions,
  ) {
    for (const camera of cameras) this.last.set(camera, Number.NEGATIVE_INFINITY);
    this.wallNow = options.wallNow ?? (() => Date.now());
  }

  /** Turns one frame's detections into a Detections input; false (and the reason kept) when refused. */
  accept(frame: CameraFrameDetections): boolean {
    const problem = this.problemWith(frame);
    if (problem) {
      this.refused++;
      this.lastRefusal = problem;
      return false;
    }
    const age = Math.max(0, this.wallNow() - frame.capturedAtMs);
    const previous = this.last.get(frame.camera)!;
    // Whole ms, like every recorded stamp; a frame captured within the same ms as the last one goes 1 ms after it.
    const t = Math.max(Math.round(this.options.storeNow() - age), previous + 1);
    this.last.set(frame.camera, t);
    this.options.push({ kind: 'detections', camera: frame.camera, t, boxes: frame.boxes });
    return true;
  }

  private problemWith({ camera, capturedAtMs, boxes }: CameraFrameDetections): string | null {
    if (!this.last.has(camera)) return `detections from camera ${camera}, which is not in this store`;
    if (!Number.isFinite(capturedAtMs)) return `camera ${camera}: a frame without a capture time`;
    if (!(boxes instanceof Float32Array) || boxes.length % boxStride !== 0) return `camera ${camera}: boxes must be ${boxStride} numbers per person`;
    for (let i = 0; i < boxes.length; i++) {
      const v = boxes[i]!;
      if (!Number.isFinite(v) || (i % boxStride >= 2 && v < 0)) return `camera ${camera}: box ${Math.floor(i / boxStride) + 1} has an invalid value (${v})`;
    }
    return null;
  }
}
