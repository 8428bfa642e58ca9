// The camera worker's handle on the detector thread: starts it and waits for the model to load
// (a missing or wrong model is a DetectorError with its code, as from PersonDetector.load), then
// sends frames and awaits their detections. Frames are copied before they cross, so the capture
// keeps its buffer for the still; the copy's memory moves to the thread without a second copy.
import type { Worker } from 'node:worker_threads';
import { DetectorError, type DetectorOptions, type Detections, type ExecutionProvider } from '../../../native-bridge/onnx/person-detector';
import { spawnWorkerModule } from '../../platform/worker-thread';
import type { FrameDetector } from './camera-pipeline';
import type { DetectorThreadMessage, DetectorThreadRequest } from './detector-messages';

export class DetectorThread implements FrameDetector {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (d: Detections) => void; reject: (e: Error) => void }>();
  private exited = false;

  private constructor(
    private readonly worker: Worker,
    readonly model: string,
    readonly provider: ExecutionProvider,
    readonly providerNote: string | null,
    /** Called once if the thread dies; later detections are refused. */
    onExit: (reason: string) => void,
  ) {
    worker.on('message', (message: DetectorThreadMessage) => {
      if (message.type !== 'detected' && message.type !== 'detect-failed') return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'detected') waiting?.resolve(message.detections);
      else waiting?.reject(message.code ? new DetectorError(message.code, message.message) : new Error(message.message));
    });
    let lastError = '';
    worker.on('error', (error) => {
      lastError = error.message;
    });
    worker.once('exit', (code) => {
      this.exited = true;
      const reason = `the detector thread stopped (${lastError || `exit code ${code}`})`;
      for (const { reject } of this.pending.values()) reject(new Error(reason));
      this.pending.clear();
      onExit(reason);
    });
  }

  static start(options: DetectorOptions, onExit: (reason: string) => void = () => undefined): Promise<DetectorThread> {
    const worker = spawnWorkerModule(import.meta.url, 'detector-worker', options);
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        void worker.terminate();
        reject(error);
      };
      worker.once('error', fail);
      worker.once('message', (message: DetectorThreadMessage) => {
        worker.off('error', fail);
        if (message.type === 'loaded') resolve(new DetectorThread(worker, message.model, message.provider as ExecutionProvider, message.providerNote, onExit));
        else if (message.type === 'load-failed') fail(new DetectorError(message.code, message.message));
        else fail(new Error(`detector thread: unexpected first message ${message.type}`));
      });
    });
  }

  detect(rgb: Uint8Array, width: number, height: number): Promise<Detections> {
    if (this.exited) return Promise.reject(new Error('the detector thread has stopped'));
    const id = this.nextId++;
    const copy = rgb.slice();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'detect', id, rgb: copy, width, height } satisfies DetectorThreadRequest, [copy.buffer]);
    });
  }

  async dispose(): Promise<void> {
    if (this.exited) return;
    await new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.worker.postMessage({ type: 'stop' } satisfies DetectorThreadRequest);
      setTimeout(() => void this.worker.terminate(), 3000).unref();
    });
  }
}
