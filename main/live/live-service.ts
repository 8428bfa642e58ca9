// The host side of the live feed: starts the live worker and relays its floor frames to the
// renderer's `liveFloor` stream, at most `maxFramesPerSecond` so a fast simulation cannot flood
// the transport.
import type { Worker } from 'node:worker_threads';
import { spawnWorkerModule } from '../platform/worker-thread';
import type { LiveFloorFrame } from '../../native-bridge/contract/dto';
import type { StreamHub } from '../../native-bridge/rpc/server/stream-hub';
import type { LiveSessionDetail } from '../../native-bridge/contract/live-floor';
import type { LiveWorkerData, LiveWorkerMessage } from './live-messages';
import { LiveSessionCache } from './live-session-cache';
import type { LiveStock } from './live-stock';
import { StaffActionRequests } from './staff-action-requests';
import { createShelvesLink, type ShelvesLink } from '../services/devices-live-link';

export interface SimulatedLiveConfig {
  shoppers: number;
  speed: number;
  seed: number;
  /** Real shelf devices instead of the simulator (shoppers, speed and seed are then unused). */
  devices?: boolean;
}

export interface LiveService {
  latest(): LiveFloorFrame | undefined;
  /** A session's live cart and recent events: open, or closed recently. */
  session(sessionId: string): LiveSessionDetail | undefined;
  /** Low plates and restock mode as the live engine last reported them; undefined until it has. */
  stock(): LiveStock | undefined;
  /** Starts or ends staff restock mode at a fixture in the live engine; resolves with the stock after it. */
  staffAction(actor: string, action: 'restock-start' | 'restock-end', fixture: string): Promise<LiveStock>;
  /** Plate status, live weights and calibration requests of the worker's shelves. */
  shelves: ShelvesLink;
  stop(): Promise<void>;
}

/**
 * The worker: bundled next to the host in production; under tsx or vitest (running the TypeScript
 * sources) a small bootstrap registers tsx inside the worker first, since the worker does not
 * inherit the parent's loader.
 */
function spawnWorker(workerData: LiveWorkerData): Worker {
  return spawnWorkerModule(import.meta.url, 'live-worker', workerData);
}

export function startSimulatedLive(
  deps: { storeDir: string; dbPath: string; storeKey: Uint8Array; streams: StreamHub; log: (line: string) => void; onReceiptsStored?: () => void },
  config: SimulatedLiveConfig,
  maxFramesPerSecond = 10,
): LiveService {
  const data: LiveWorkerData = { storeDir: deps.storeDir, dbPath: deps.dbPath, storeKey: [...deps.storeKey], ...config };
  const worker = spawnWorker(data);
  let latest: LiveFloorFrame | undefined;
  let lastSent = 0;
  const sessions = new LiveSessionCache();
  let stock: LiveStock | undefined;
  const staffActions = new StaffActionRequests((message) => worker.postMessage(message));
  const removeSnapshot = deps.streams.provideSnapshot('liveFloor', () => latest);
  const shelves = createShelvesLink((message) => worker.postMessage(message), (frame) => deps.streams.publish('shelfWeights', frame));
  worker.on('message', (message: LiveWorkerMessage) => {
    if (shelves.handle(message)) return;
    if (message.type === 'frame') {
      latest = message.frame;
      const now = performance.now();
      if (now - lastSent >= 1000 / maxFramesPerSecond) {
        lastSent = now;
        deps.streams.publish('liveFloor', message.frame);
      }
    } else if (message.type === 'sessions') sessions.apply(message);
    else if (message.type === 'stock') stock = message.stock;
    else if (staffActions.settle(message)) {
      if (message.type === 'staff-action-done') stock = message.stock;
    }
    else if (message.type === 'receipts-stored') deps.onReceiptsStored?.();
    else if (message.type === 'log') deps.log(message.line);
    else if (message.type === 'recovered') {
      const r = message.report;
      deps.log(
        `walkout: resumed live run ${r.runId} after a crash: replayed ${r.inputs} inputs (${Math.round(r.spanMs / 1000)} s of store time) in ${(r.wallMs / 1000).toFixed(1)} s; ` +
          `${r.alreadyStored} decisions were already stored${r.notRemade > 0 ? `, ${r.notRemade} stored decisions were not made again (their inputs were lost)` : ''}`,
      );
    } else if (message.type === 'error') deps.log(`walkout: live simulator failed: ${message.message}`);
  });
  worker.on('error', (error) => deps.log(`walkout: live worker crashed: ${error.message}`));
  return {
    latest: () => latest,
    session: (sessionId) => sessions.get(sessionId),
    stock: () => stock,
    staffAction: (actor, action, fixture) => staffActions.send(actor, action, fixture),
    shelves,
    stop: () =>
      new Promise<void>((resolve) => {
        removeSnapshot();
        worker.once('exit', () => resolve());
        worker.postMessage({ type: 'stop' });
        setTimeout(() => void worker.terminate(), 2000).unref();
      }),
  };
}
