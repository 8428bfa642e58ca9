// The main thread's handle on the cameras: starts the camera worker when the first camera gets a
// video source and ends it when the last loses it, passes configurations on, keeps the worker's
// latest report, and asks it for stills. Nothing here touches a frame: capture, detection and
// encoding all happen in the worker.
import type { Worker } from 'node:worker_threads';
import type { DetectorView } from '../../../native-bridge/contract/cameras';
import type { CaptureStatus } from '../../../native-bridge/ffmpeg/ffmpeg-capture';
import { defaultDetectorModel } from '../../../native-bridge/onnx/model-manifest';
import type { DetectorOptions } from '../../../native-bridge/onnx/person-detector';
import { spawnWorkerModule } from '../../platform/worker-thread';
import type { CameraFrameDetections } from './camera-detection-feed';
import type { CameraCaptureConfig, CameraRuntime, CameraWorkerData, CameraWorkerMessage, CameraWorkerRequest, StillPayload } from './camera-messages';

const STILL_TIMEOUT_MS = 5000;

export interface CameraDevicesOptions {
  detector: DetectorOptions;
  reportMs?: number;
  /** Called on every capture state change (online, offline…), e.g. to raise or clear an alert. */
  onCaptureStatus?: (cameraId: string, status: CaptureStatus) => void;
  /** Every processed frame's person boxes (the live engine takes them in device mode). */
  onDetections?: (frame: CameraFrameDetections) => void;
  log: (line: string) => void;
}

export class CameraDevices {
  private worker: Worker | null = null;
  private runtimes = new Map<string, CameraRuntime>();
  private captureStatuses = new Map<string, CaptureStatus>();
  private detectorView: DetectorView;
  private nextRequest = 1;
  private readonly pending = new Map<number, (still: StillPayload | null) => void>();
  private lastConfig: CameraCaptureConfig[] = [];
  private lastError: string | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private disposed = false;

  constructor(private readonly options: CameraDevicesOptions) {
    this.detectorView = { state: 'idle', message: null, model: options.detector.model ?? defaultDetectorModel, provider: null };
  }

  configure(cameras: CameraCaptureConfig[]): void {
    if (this.disposed) return;
    this.lastConfig = cameras;
    const ids = new Set(cameras.map((c) => c.camera.id));
    for (const id of [...this.runtimes.keys()]) if (!ids.has(id)) this.runtimes.delete(id);
    for (const id of [...this.captureStatuses.keys()]) if (!ids.has(id)) this.captureStatuses.delete(id);
    if (cameras.length === 0) {
      void this.stopWorker();
      return;
    }
    this.ensureWorker().postMessage({ type: 'configure', cameras } satisfies CameraWorkerRequest);
  }

  runtime(cameraId: string): CameraRuntime | undefined {
    return this.runtimes.get(cameraId);
  }

  captureStatus(cameraId: string): CaptureStatus | undefined {
    return this.captureStatuses.get(cameraId);
  }

  detector(): DetectorView {
    return { ...this.detectorView };
  }

  /** The camera's last processed frame, or null (no capture, no frame yet, or the worker did not answer in time). */
  still(cameraId: string): Promise<StillPayload | null> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(null);
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        resolve(null);
      }, STILL_TIMEOUT_MS);
      this.pending.set(requestId, (still) => {
        clearTimeout(timer);
        resolve(still);
      });
      worker.postMessage({ type: 'still', requestId, cameraId } satisfies CameraWorkerRequest);
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    await this.stopWorker();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const data: CameraWorkerData = { detector: this.options.detector, reportMs: this.options.reportMs ?? 1000 };
    const worker = spawnWorkerModule(import.meta.url, 'camera-worker', data);
    // A worker being stopped may still report: only the current one is listened to.
    worker.on('message', (message: CameraWorkerMessage) => {
      if (this.worker === worker) this.receive(message);
    });
    worker.on('error', (error) => {
      this.lastError = error.message;
      this.options.log(`walkout: camera worker failed: ${error.stack ?? error.message}`);
    });
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      // Not asked to stop: every camera is offline until the worker is back, in a few seconds.
      this.worker = null;
      this.answerPending();
      this.runtimes.clear();
      const since = Date.now();
      for (const { camera } of this.lastConfig) {
        const status: CaptureStatus = { state: 'offline', message: `the camera worker stopped (${this.lastError ?? `exit code ${code}`}); restarting`, since, restarts: 0, retryInMs: 5000 };
        this.captureStatuses.set(camera.id, status);
        this.options.onCaptureStatus?.(camera.id, status);
      }
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        this.configure(this.lastConfig);
      }, 5000);
    });
    this.worker = worker;
    return worker;
  }

  private receive(message: CameraWorkerMessage): void {
    switch (message.type) {
      case 'report':
        this.detectorView = message.detector;
        for (const runtime of message.cameras) this.runtimes.set(runtime.cameraId, runtime);
        break;
      case 'capture-status':
        this.captureStatuses.set(message.cameraId, message.status);
        this.options.onCaptureStatus?.(message.cameraId, message.status);
        break;
      case 'still':
        this.pending.get(message.requestId)?.(message.still);
        this.pending.delete(message.requestId);
        break;
      case 'detections':
        this.options.onDetections?.({ camera: message.cameraId, capturedAtMs: message.capturedAtMs, boxes: message.boxes });
        break;
      case 'stopped':
        break;
    }
  }

  private answerPending(): void {
    for (const resolve of this.pending.values()) resolve(null);
    this.pending.clear();
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.answerPending();
    this.runtimes.clear();
    this.captureStatuses.clear();
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ type: 'stop' } satisfies CameraWorkerRequest);
      // ffmpeg processes are stopped by the worker; a worker that hangs anyway is ended.
      setTimeout(() => void worker.terminate(), 5000).unref();
    });
  }
}
