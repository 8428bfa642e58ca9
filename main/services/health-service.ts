// Host health pushed on the `hostHealth` stream: only while someone listens, so an idle host does
// no work for it.
import type { HostHealth } from '../../native-bridge/contract/dto';
import type { StreamHub } from '../../native-bridge/rpc/server/stream-hub';
import type { StoreDatabase } from '../db';

export interface HealthService {
  sample(): HostHealth;
  /** Starts publishing every `intervalMs`; returns the stop function. */
  publishEvery(intervalMs: number): () => void;
}

export function createHealthService(deps: { db: StoreDatabase; streams: StreamHub; clients: () => number; startedAt: Date }): HealthService {
  const sample = (): HostHealth => {
    const memory = process.memoryUsage();
    const sizes = deps.db.sizes();
    return {
      at: new Date().toISOString(),
      uptimeS: Math.round((Date.now() - deps.startedAt.getTime()) / 1000),
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      database: { sizeBytes: sizes.sizeBytes, walBytes: sizes.walBytes },
      clients: deps.clients(),
    };
  };
  return {
    sample,
    publishEvery(intervalMs) {
      const publish = () => {
        if (deps.streams.subscriberCount('hostHealth') > 0) deps.streams.publish('hostHealth', sample());
      };
      const timer = setInterval(publish, intervalMs);
      timer.unref();
      const removeSnapshot = deps.streams.provideSnapshot('hostHealth', sample);
      return () => {
        clearInterval(timer);
        removeSnapshot();
      };
    },
  };
}
