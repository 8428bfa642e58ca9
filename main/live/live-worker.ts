// The live worker thread: the simulator (or real shelf devices), the engine and the input log writer
// run here, so neither world generation nor the engine can stall the host's main thread (in
// Electron, the window). What it does is live-worker-loop.ts; this is the thread's end of it.
import { parentPort, workerData } from 'node:worker_threads';
import { openStoreDatabase } from '../db';
import { loadStore } from '../store/load';
import { startLiveWorkerLoop } from './live-worker-loop';
import type { LiveHostMessage, LiveWorkerData, LiveWorkerMessage } from './live-messages';

const data = workerData as LiveWorkerData;
const post = (message: LiveWorkerMessage) => parentPort!.postMessage(message);

try {
  const store = loadStore(data.storeDir);
  const db = openStoreDatabase(data.dbPath, { storeId: store.layout.id });
  const loop = await startLiveWorkerLoop({ store, db, data, post });
  parentPort!.on('message', (message: LiveHostMessage) => loop.handle(message));
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
