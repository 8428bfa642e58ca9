// The host side of the live feed: starts the live worker thread and connects it to the host's end
// of their conversation (live-link.ts), which relays floor frames to the renderer and answers the
// services.
import type { Worker } from 'node:worker_threads';
import { spawnWorkerModule } from '../platform/worker-thread';
import type { StreamHub } from '../../native-bridge/rpc/server/stream-hub';
import type { LiveWorkerData, LiveWorkerMessage } from './live-messages';
import { createLiveLink, type LiveFeed } from './live-link';

export interface SimulatedLiveConfig {
  shoppers: number;
  speed: number;
  seed: number;
  /** Real shelf devices instead of the simulator (shoppers, speed and seed are then unused). */
  devices?: boolean;
}

export interface LiveService extends LiveFeed {
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
  const link = createLiveLink((message) => worker.postMessage(message), config.devices ? 'devices' : 'simulator', { ...deps, maxFramesPerSecond });
  worker.on('message', (message: LiveWorkerMessage) => link.handle(message));
  worker.on('error', (error) => deps.log(`walkout: live worker crashed: ${error.message}`));
  return {
    ...link,
    stop: () =>
      new Promise<void>((resolve) => {
        link.dispose();
        worker.once('exit', () => resolve());
        worker.postMessage({ type: 'stop' });
        setTimeout(() => void worker.terminate(), 2000).unref();
      }),
  };
}
