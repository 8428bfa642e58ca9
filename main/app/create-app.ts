// The composition root: every host (desktop, browser, CLI) builds the application here, so services
// are wired once and nothing below the hosts knows which host it runs in.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiHandlers } from '../../native-bridge/contract/api';
import type { ApiServer } from '../../native-bridge/rpc/server/api-server';
import { createDispatcher } from '../../native-bridge/rpc/server/dispatcher';
import { StreamHub } from '../../native-bridge/rpc/server/stream-hub';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { packageVersion } from '../platform/package-info';
import { createFloorPlanService } from '../services/floor-plan-service';
import { createHealthService } from '../services/health-service';
import { createSystemService } from '../services/system-service';
import { startSimulatedLive, type LiveService } from '../live/live-service';
import { resolveStoreKey } from './store-key';
import { loadStore } from '../store/load';
import type { StoreModel } from '../store/schema';
import type { AppConfig } from './config';

export interface App {
  store: StoreModel;
  db: StoreDatabase;
  api: ApiServer;
  dispose(): Promise<void>;
}

export function createApp(config: AppConfig, log: (line: string) => void = console.error): App {
  const startedAt = new Date();
  const store = loadStore(config.storeDir);
  mkdirSync(config.dataDir, { recursive: true });
  const db = openStoreDatabase(join(config.dataDir, `${store.layout.id}.sqlite`), { storeId: store.layout.id });
  db.storeSnapshots.save(store);

  const streams = new StreamHub();
  let clients = 0;
  const system = createSystemService({ version: packageVersion(), host: config.host, store, db, startedAt });
  const floorPlan = createFloorPlanService(store);
  const health = createHealthService({ db, streams, clients: () => clients, startedAt });
  const stopHealth = health.publishEvery(config.healthIntervalMs);
  const storeKey = resolveStoreKey(config.storeDir, db);
  const live: LiveService | undefined = config.simulate
    ? startSimulatedLive({ storeDir: config.storeDir, dbPath: db.path, storeKey, streams, log }, config.simulate)
    : undefined;
  // No feed configured: say so to the floor map instead of leaving it waiting.
  const removeNoFeedSnapshot = live
    ? () => undefined
    : streams.provideSnapshot('liveFloor', () => ({
        t: Date.now(),
        source: 'none',
        speed: 1,
        shoppers: [],
        counters: { openSessions: 0, entered: 0, receipts: 0, heldForReview: 0, tailgating: 0 },
      }));

  const handlers: ApiHandlers = {
    getSystemStatus: async () => system.status(),
    getFloorPlan: async () => floorPlan.floorPlan(),
  };
  const api: ApiServer = {
    dispatch: createDispatcher(handlers, (error, method) => log(`walkout: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)),
    streams,
    clientConnected: () => {
      clients++;
      let released = false;
      return () => {
        if (!released) clients--;
        released = true;
      };
    },
  };

  return {
    store,
    db,
    api,
    async dispose() {
      stopHealth();
      removeNoFeedSnapshot();
      await live?.stop();
      db.close();
    },
  };
}
