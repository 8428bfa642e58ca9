// The camera worker thread's entry: a CameraRunner wired to the parent port.
import { parentPort, workerData } from 'node:worker_threads';
import type { CameraWorkerData, CameraWorkerRequest } from './camera-messages';
import { CameraRunner } from './camera-runner';

const port = parentPort!;
const runner = new CameraRunner(workerData as CameraWorkerData, (message, transfer) => port.postMessage(message, transfer ?? []));

port.on('message', (request: CameraWorkerRequest) => {
  switch (request.type) {
    case 'configure':
      void runner.configure(request.cameras);
      break;
    case 'still':
      runner.still(request.requestId, request.cameraId);
      break;
    case 'stop':
      void runner.stop().then(() => {
        port.postMessage({ type: 'stopped' });
        port.close();
      });
      break;
  }
});
