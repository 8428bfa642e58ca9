// The live worker thread: the simulator (or, later, the device managers), the engine and the input
// log writer run here, so neither world generation nor the engine can stall the host's main thread
// (in Electron, the window). It posts floor frames and errors to the host.
import { parentPort, workerData } from 'node:worker_threads';
import { openStoreDatabase } from '../db';
import { loadStore } from '../store/load';
import { createLivePipeline } from './live-pipeline';
import { runLive } from './live-runner';
import { PacedFeed, simulatedInputs } from './simulated-feed';
import type { LiveWorkerData, LiveWorkerMessage } from './live-messages';

const data = workerData as LiveWorkerData;
const post = (message: LiveWorkerMessage) => parentPort!.postMessage(message);

try {
  const store = loadStore(data.storeDir);
  const db = openStoreDatabase(data.dbPath, { storeId: store.layout.id });
  const storeKey = new Uint8Array(data.storeKey);
  const startMs = Date.now();
  const pipeline = createLivePipeline({ store, db, storeKey, source: 'simulator', speed: data.speed });
  const feed = new PacedFeed(simulatedInputs(store, { shoppers: data.shoppers, speed: data.speed, seed: data.seed, startMs }), startMs, data.speed, performance.now());
  const runner = runLive({ feed, pipeline, onFrame: (frame) => post({ type: 'frame', frame }) });
  parentPort!.on('message', (message: { type: 'stop' }) => {
    if (message.type === 'stop') {
      runner.stop();
      db.close();
      post({ type: 'stopped' });
    }
  });
  post({ type: 'started', startMs });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
