// The detector thread's entry: loads the person detector once, then answers detection requests one
// at a time (the requests come from the camera worker, which sends the next only after an answer).
import { parentPort, workerData } from 'node:worker_threads';
import { DetectorError, PersonDetector } from '../../../native-bridge/onnx/person-detector';
import type { DetectorThreadData, DetectorThreadMessage, DetectorThreadRequest } from './detector-messages';

const port = parentPort!;
const post = (message: DetectorThreadMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const codeOf = (error: unknown) => (error instanceof DetectorError ? error.code : null);

const loading = PersonDetector.load(workerData as DetectorThreadData).then(
  (detector) => {
    post({ type: 'loaded', model: detector.model.name, provider: detector.provider, providerNote: detector.providerNote });
    return detector;
  },
  (error: unknown) => {
    post({ type: 'load-failed', code: codeOf(error) ?? 'model-invalid', message: (error as Error).message });
    return null;
  },
);

port.on('message', (request: DetectorThreadRequest) => {
  if (request.type === 'stop') {
    void loading.then(async (detector) => {
      await detector?.dispose();
      port.close();
    });
    return;
  }
  void loading.then(async (detector) => {
    if (!detector) return;
    try {
      const detections = await detector.detect(request.rgb, request.width, request.height);
      post({ type: 'detected', id: request.id, detections }, [detections.boxes.buffer as ArrayBuffer]);
    } catch (error) {
      post({ type: 'detect-failed', id: request.id, code: codeOf(error), message: (error as Error).message });
    }
  });
});
