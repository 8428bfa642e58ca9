// What the camera worker does, as a class the tests can drive in-process: a pipeline per camera with
// a video source, one person detector shared by all of them (in a thread of its own, so this thread
// keeps reading every camera's pipe while a frame is inferred), and a loop that gives each camera
// with a waiting frame its turn (always that camera's newest frame). The detector is loaded on first need;
// while it is missing or broken, frames are still captured and shown, without detections, and the
// reason is reported; loading is tried again now and then, so weights fetched later are picked up.
import { encode as encodeJpeg } from 'jpeg-js';
import type { DetectorView } from '../../../native-bridge/contract/cameras';
import { defaultDetectorModel } from '../../../native-bridge/onnx/model-manifest';
import { DetectorError } from '../../../native-bridge/onnx/person-detector';
import { CameraPipeline } from './camera-pipeline';
import type { CameraCaptureConfig, CameraWorkerData, CameraWorkerMessage, StillPayload } from './camera-messages';
import { DetectorThread } from './detector-thread';

const DETECTOR_RETRY_MS = 30_000;
const JPEG_QUALITY = 80;

interface Entry {
  pipeline: CameraPipeline;
  /** Source and format: when they change the capture restarts; a new camera geometry only resets tracks. */
  key: string;
  /** The camera's geometry as last configured (messages arrive as copies: compared by value). */
  cameraJson: string;
  /** The still last encoded, by the processed-frame count it was made at. */
  encoded: { processed: number; still: StillPayload } | null;
}

export class CameraRunner {
  private readonly entries = new Map<string, Entry>();
  private detector: DetectorThread | null = null;
  private detectorState: DetectorView;
  private detectorTriedAt = -Infinity;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private readonly reporter: NodeJS.Timeout;

  constructor(
    private readonly data: CameraWorkerData,
    private readonly post: (message: CameraWorkerMessage, transfer?: ArrayBuffer[]) => void,
  ) {
    this.detectorState = { state: 'idle', message: null, model: data.detector.model ?? defaultDetectorModel, provider: null };
    this.reporter = setInterval(() => this.report(), data.reportMs);
  }

  private configuring: Promise<void> = Promise.resolve();

  /** Applies configurations one after another, in the order they were given. */
  configure(configs: readonly CameraCaptureConfig[]): Promise<void> {
    this.configuring = this.configuring.then(() => this.apply(configs));
    return this.configuring;
  }

  private async apply(configs: readonly CameraCaptureConfig[]): Promise<void> {
    if (this.stopping) return;
    const wanted = new Map(configs.map((c) => [c.camera.id, c]));
    for (const [id, entry] of [...this.entries]) {
      const config = wanted.get(id);
      if (config && entry.key === keyOf(config)) continue;
      this.entries.delete(id);
      await entry.pipeline.stop();
    }
    for (const config of configs) {
      const entry = this.entries.get(config.camera.id);
      if (entry) {
        const cameraJson = JSON.stringify(config.camera);
        if (entry.cameraJson !== cameraJson) {
          entry.pipeline.recalibrate(config.camera);
          entry.cameraJson = cameraJson;
        }
        continue;
      }
      let pipeline: CameraPipeline;
      try {
        pipeline = this.pipelineFor(config);
      } catch (error) {
        const status = { state: 'offline', message: `cannot capture: ${(error as Error).message}`, since: Date.now(), restarts: 0, retryInMs: null } as const;
        this.post({ type: 'capture-status', cameraId: config.camera.id, status });
        continue;
      }
      this.entries.set(config.camera.id, { pipeline, key: keyOf(config), cameraJson: JSON.stringify(config.camera), encoded: null });
      pipeline.start();
    }
    if (this.entries.size > 0) {
      void this.ensureDetector();
      this.loop ??= this.run();
    }
    this.report();
  }

  private pipelineFor(config: CameraCaptureConfig): CameraPipeline {
    return new CameraPipeline({
      camera: config.camera,
      // A file plays at its own rate, forever, as a camera would.
      capture: { source: config.source, format: config.format, realtime: true, loop: true },
      clock: 'wall',
      onFrame: () => this.wake?.(),
      onStatus: (status) => this.post({ type: 'capture-status', cameraId: config.camera.id, status }),
      // With the wall clock, the tracker time is the frame's capture time.
      onDetections: (capturedAtMs, boxes) => this.post({ type: 'detections', cameraId: config.camera.id, capturedAtMs, boxes }, [boxes.buffer as ArrayBuffer]),
    });
  }

  still(requestId: number, cameraId: string): void {
    const entry = this.entries.get(cameraId);
    const still = entry?.pipeline.latestStill();
    if (!entry || !still) {
      this.post({ type: 'still', requestId, still: null });
      return;
    }
    const processed = entry.pipeline.figures().processed;
    if (entry.encoded?.processed !== processed) {
      const { frame } = still;
      const rgba = new Uint8Array(frame.width * frame.height * 4);
      for (let i = 0, j = 0; i < frame.data.length; i += 3, j += 4) {
        rgba[j] = frame.data[i]!;
        rgba[j + 1] = frame.data[i + 1]!;
        rgba[j + 2] = frame.data[i + 2]!;
        rgba[j + 3] = 255;
      }
      const jpeg = encodeJpeg({ data: rgba, width: frame.width, height: frame.height }, JPEG_QUALITY).data;
      entry.encoded = {
        processed,
        still: { cameraId, capturedAtMs: frame.capturedAtMs, width: frame.width, height: frame.height, jpeg: new Uint8Array(jpeg), detections: still.detections },
      };
    }
    // Copied, not transferred: the cached JPEG answers the next request for the same frame too.
    this.post({ type: 'still', requestId, still: { ...entry.encoded!.still, jpeg: entry.encoded!.still.jpeg.slice() } });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.reporter);
    this.wake?.();
    await Promise.all([...this.entries.values()].map((e) => e.pipeline.stop()));
    this.entries.clear();
    await this.loop;
    await this.detector?.dispose();
    this.detector = null;
  }

  private report(): void {
    if (this.detectorState.state !== 'ready' && this.detectorState.state !== 'loading' && this.entries.size > 0) void this.ensureDetector();
    this.post({
      type: 'report',
      cameras: [...this.entries].map(([cameraId, entry]) => ({ cameraId, figures: entry.pipeline.figures() })),
      detector: { ...this.detectorState },
    });
  }

  private async ensureDetector(): Promise<void> {
    if (this.detector || this.detectorState.state === 'loading' || performance.now() - this.detectorTriedAt < DETECTOR_RETRY_MS) return;
    this.detectorTriedAt = performance.now();
    this.detectorState = { ...this.detectorState, state: 'loading', message: null };
    try {
      const detector = await DetectorThread.start(this.data.detector, (reason) => {
        // A crashed detector thread: frames go on without detections until it is started again.
        this.detector = null;
        this.detectorTriedAt = -Infinity;
        this.detectorState = { ...this.detectorState, state: 'crashed', message: reason };
      });
      if (this.stopping) {
        await detector.dispose();
        return;
      }
      this.detector = detector;
      this.detectorState = { state: 'ready', message: detector.providerNote, model: detector.model, provider: detector.provider };
    } catch (error) {
      const code = error instanceof DetectorError ? error.code : 'model-invalid';
      const state = code === 'runtime-missing' || code === 'model-missing' ? code : 'model-invalid';
      this.detectorState = { ...this.detectorState, state, message: (error as Error).message };
    }
    this.report();
  }

  /** Round robin over the cameras with a waiting frame; sleeps until a frame arrives when none waits. */
  private async run(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      for (const entry of [...this.entries.values()]) {
        if (this.stopping) break;
        if (entry.pipeline.hasFrame && (await entry.pipeline.step(this.detector))) worked = true;
      }
      if (!worked && !this.stopping) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          // A frame that arrived while the loop was finishing its round must not wait for the next one.
          if ([...this.entries.values()].some((e) => e.pipeline.hasFrame)) resolve();
        });
        this.wake = null;
      }
    }
  }
}

function keyOf(config: CameraCaptureConfig): string {
  return JSON.stringify([config.source, config.format]);
}
