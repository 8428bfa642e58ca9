// The live worker thread: the simulator (or, later, the device managers), the engine and the input
// log writer run here, so neither world generation nor the engine can stall the host's main thread
// (in Electron, the window). It posts floor frames and errors to the host.
import { parentPort, workerData } from 'node:worker_threads';
import { openStoreDatabase } from '../db';
import { loadStore } from '../store/load';
import { createLivePipeline } from './live-pipeline';
import { runLive } from './live-runner';
import { PacedFeed, simulatedInputs } from './simulated-feed';
import { createLiveShelves } from '../devices/shelves/live-shelves';
import { SimulatedGateScanners } from '../gate/simulated-scanners';
import type { LiveHostMessage, LiveWorkerData, LiveWorkerMessage } from './live-messages';

const data = workerData as LiveWorkerData;
const post = (message: LiveWorkerMessage) => parentPort!.postMessage(message);
/** Wall ms between stock reports: restock alerts need no more than that. */
const STOCK_EVERY_MS = 1000;
let lastStockPost = -Infinity;

try {
  const store = loadStore(data.storeDir);
  const db = openStoreDatabase(data.dbPath, { storeId: store.layout.id });
  const storeKey = new Uint8Array(data.storeKey);
  const source = data.devices ? 'devices' : 'simulator';
  const log = (line: string) => post({ type: 'log', line });
  // Gate scans go through the scanner decoders and the gate service; what a gate shows that is not a welcome is logged.
  const scanners = new SimulatedGateScanners(store, { log, display: (n) => n.outcome !== 'admitted' && log(`walkout: gate ${n.gate} shows: ${n.message}`) });
  const pipeline = createLivePipeline({
    store,
    db,
    storeKey,
    source,
    speed: data.devices ? 1 : data.speed,
    // The host's receipt service reads receipts from the database as soon as they are there.
    onStored: (kinds) => kinds.has('receipt') && post({ type: 'receipts-stored' }),
    onDecision: (decision) => scanners.gate.observe(decision),
  });
  if (pipeline.recovery) post({ type: 'recovered', report: pipeline.recovery });
  // After a resumed run's present, and after anything recorded (a simulation may run ahead of the clock).
  const startMs = Math.max(Date.now(), pipeline.earliestInputMs);
  // Plate inputs pass through the shelves' plate signal (calibration, health, plots) on the way in.
  const shelves = createLiveShelves(store, db, post, source);
  const wallStart = performance.now();
  const feed = data.devices
    ? await shelves.startDevices(() => startMs + (performance.now() - wallStart))
    : new PacedFeed(shelves.simulated(scanners.inputs(simulatedInputs(store, { shoppers: data.shoppers, speed: data.speed, seed: data.seed, startMs }))), startMs, data.speed, wallStart);
  const runner = runLive({
    feed,
    pipeline,
    onFrame: (frame) => {
      const changes = pipeline.takeSessionChanges();
      if (changes) post({ type: 'sessions', ...changes });
      post({ type: 'frame', frame });
      shelves.tick(frame.t, performance.now());
      const now = performance.now();
      if (now - lastStockPost >= STOCK_EVERY_MS) {
        lastStockPost = now;
        post({ type: 'stock', stock: pipeline.stock() });
      }
    },
  });
  parentPort!.on('message', (message: LiveHostMessage) => {
    if (message.type === 'stop') {
      runner.stop();
      void shelves.stop();
      db.close();
      post({ type: 'stopped' });
    } else if (message.type === 'staff-action') {
      try {
        pipeline.staffAction(message.actor, message.action, message.fixture);
        post({ type: 'staff-action-done', id: message.id, stock: pipeline.stock() });
      } catch (error) {
        post({ type: 'staff-action-failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
      }
    } else shelves.handle(message);
  });
  post({ type: 'started', startMs });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
