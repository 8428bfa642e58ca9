// The host side of the live feed: starts the live worker and relays its floor frames to the
// renderer's `liveFloor` stream, at most `maxFramesPerSecond` so a fast simulation cannot flood
// the transport.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LiveFloorFrame } from '../../native-bridge/contract/dto';
import type { StreamHub } from '../../native-bridge/rpc/server/stream-hub';
import type { LiveWorkerData, LiveWorkerMessage } from './live-messages';

export interface SimulatedLiveConfig {
  shoppers: number;
  speed: number;
  seed: number;
}

export interface LiveService {
  latest(): LiveFloorFrame | undefined;
  stop(): Promise<void>;
}

/**
 * The worker: bundled next to the host in production; under tsx or vitest (running the TypeScript
 * sources) a small bootstrap registers tsx inside the worker first, since the worker does not
 * inherit the parent's loader.
 */
function spawnWorker(workerData: LiveWorkerData): Worker {
  const bundled = new URL('./live-worker.js', import.meta.url);
  if (import.meta.url.endsWith('.js') && existsSync(bundled)) return new Worker(bundled, { workerData });
  const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const source = new URL('./live-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export function startSimulatedLive(
  deps: { storeDir: string; dbPath: string; storeKey: Uint8Array; streams: StreamHub; log: (line: string) => void },
  config: SimulatedLiveConfig,
  maxFramesPerSecond = 10,
): LiveService {
  const data: LiveWorkerData = { storeDir: deps.storeDir, dbPath: deps.dbPath, storeKey: [...deps.storeKey], ...config };
  const worker = spawnWorker(data);
  let latest: LiveFloorFrame | undefined;
  let lastSent = 0;
  const removeSnapshot = deps.streams.provideSnapshot('liveFloor', () => latest);
  worker.on('message', (message: LiveWorkerMessage) => {
    if (message.type === 'frame') {
      latest = message.frame;
      const now = performance.now();
      if (now - lastSent >= 1000 / maxFramesPerSecond) {
        lastSent = now;
        deps.streams.publish('liveFloor', message.frame);
      }
    } else if (message.type === 'error') deps.log(`walkout: live simulator failed: ${message.message}`);
  });
  worker.on('error', (error) => deps.log(`walkout: live worker crashed: ${error.message}`));
  return {
    latest: () => latest,
    stop: () =>
      new Promise<void>((resolve) => {
        removeSnapshot();
        worker.once('exit', () => resolve());
        worker.postMessage({ type: 'stop' });
        setTimeout(() => void worker.terminate(), 2000).unref();
      }),
  };
}
