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
import { createAnalyticsService } from '../analytics/analytics-service';
import { createExportService } from '../exports/export-service';
import { createLiveFloorService } from '../services/live-floor-service';
import { createDevicesService } from '../services/devices-service';
import { createCamerasService } from '../services/cameras-service';
import { withCameraCalibrations } from '../devices/cameras/calibrated-store';
import { detectorOptionsFromEnv } from '../devices/cameras/detector-config';
import { createRestockService } from '../services/restock-service';
import { createAgeCheckService } from '../services/age-check-service';
import { createHealthService } from '../services/health-service';
import { createSystemService } from '../services/system-service';
import { reviewHandlers } from '../services/review-service';
import { createReplayService } from '../services/replay-service';
import { createReviewDesk } from '../review/review-desk';
import { createPaymentsService } from '../payments/payments-service';
import { createReviewReceiptIssuer } from '../payments/review-issuer';
import { createUsersService, localOperator } from '../services/users-service';
import { callerOf } from '../../native-bridge/contract/auth';
import { connectionFor } from './connections';
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
  // The model the engine runs on: with the cameras' saved calibrations, so replays place detections as live did.
  db.storeSnapshots.save(withCameraCalibrations(store, db.cameraSettings.calibrations()));

  const streams = new StreamHub();
  let clients = 0;
  const system = createSystemService({ version: packageVersion(), host: config.host, store, db, startedAt });
  const floorPlan = createFloorPlanService(store, () => db.cameraSettings.calibrations());
  const health = createHealthService({ db, streams, clients: () => clients, startedAt });
  const stopHealth = health.publishEvery(config.healthIntervalMs);
  const storeKey = resolveStoreKey(config.storeDir, db);
  // Receipts the live engine stores are priced, recorded and their charges delivered (main/payments).
  const payments = createPaymentsService({ db, store, log });
  payments.start();
  const liveDeps = { storeDir: config.storeDir, dbPath: db.path, storeKey, streams, log, onReceiptsStored: () => payments.nudge() };
  const live: LiveService | undefined = config.simulate
    ? startSimulatedLive(liveDeps, config.simulate)
    : config.devices
      ? startSimulatedLive(liveDeps, { shoppers: 0, speed: 1, seed: 0, devices: true })
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

  const users = createUsersService({ db, storeName: store.layout.name, loginRequired: config.requireLogin ?? false });
  const liveFloor = createLiveFloorService(live);
  const restock = createRestockService({ store, db, live });
  const ageChecks = createAgeCheckService({ db, live });
  const reviewDesk = createReviewDesk({ db, store, issuer: createReviewReceiptIssuer(payments), now: Date.now });
  void reviewDesk.resumePayments().catch((error: unknown) => log(`walkout: resuming review payments failed: ${String(error)}`));
  const replay = createReplayService({ db, store });
  const devices = createDevicesService({
    store,
    db,
    shelves: live?.shelves,
    source: live?.source ?? 'none',
    restocking: () => live?.stock()?.restocking.map((h) => h.fixture) ?? [],
  });
  // In device mode real cameras' detections feed the live engine; with the simulator, it makes its own.
  const onDetections = live?.source === 'devices' ? live.cameraDetections : undefined;
  const cameras = createCamerasService({ store, db, detector: detectorOptionsFromEnv(process.env), log, onDetections });
  const analytics = createAnalyticsService({ store, db });
  const exports = createExportService({ store, db, now: () => new Date() });
  const handlers: ApiHandlers = {
    ...reviewHandlers(reviewDesk),
    searchSessions: async (query) => replay.search(query),
    getSessionReplay: async ({ sessionId }) => replay.replay(sessionId),
    getEventWeights: async ({ sessionId, eventId }) => replay.eventWeights(sessionId, eventId),
    getDevices: async () => devices.overview(),
    watchShelfWeights: async ({ shelf }) => devices.watchShelf(shelf),
    tarePlate: (input, context) => devices.tare(input, callerOf(context).username),
    calibratePlate: (input, context) => devices.calibrate(input, callerOf(context).username),
    zeroScale: (input, context) => devices.zeroScale(input, callerOf(context).username),
    listCameras: async () => cameras.overview(),
    getCameraStill: ({ cameraId }) => cameras.still(cameraId),
    setCameraSource: async ({ cameraId, source, reason }, context) => cameras.setSource(cameraId, source, reason, callerOf(context).username),
    fitCameraHomography: async ({ cameraId, pairs }) => cameras.fit(cameraId, pairs),
    saveCameraCalibration: async ({ cameraId, pairs, reason }, context) => cameras.saveCalibration(cameraId, pairs, reason, callerOf(context).username),
    clearCameraCalibration: async ({ cameraId, reason }, context) => cameras.clearCalibration(cameraId, reason, callerOf(context).username),
    whoAmI: async (_input, context) => users.whoAmI(context),
    signIn: (input, context) => users.signIn(input, context),
    resumeSession: async (input, context) => users.resumeSession(input, context),
    signOut: async (input, context) => users.signOut(input, context),
    listUsers: async () => users.list(),
    createUser: (input, context) => users.create(input, callerOf(context).username),
    updateUser: async (input, context) => users.update(input, callerOf(context).username),
    resetPassword: (input, context) => users.resetPassword(input, callerOf(context).username),
    getSystemStatus: async () => system.status(),
    getFloorPlan: async () => floorPlan.floorPlan(),
    getLiveSession: async ({ sessionId }) => liveFloor.session(sessionId),
    confirmAgeCheck: (input, context) => ageChecks.confirm(input, callerOf(context).username),
    getAnalytics: async (range) => analytics.report(range),
    exportTable: async (input) => exports.table(input),
    exportReport: (range) => exports.report(range),
    getRestock: async () => restock.overview(),
    acknowledgeRestockAlert: async (input, context) => restock.acknowledge(input, callerOf(context).username),
    setRestockMode: (input, context) => restock.setMode(input, callerOf(context).username),
  };
  const api: ApiServer = {
    dispatch: createDispatcher(handlers, (error, method) => log(`walkout: ${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)),
    streams,
    connect: () => {
      clients++;
      return connectionFor(db, config.requireLogin ? undefined : localOperator(), () => clients--);
    },
  };

  return {
    store,
    db,
    api,
    async dispose() {
      stopHealth();
      removeNoFeedSnapshot();
      devices.dispose();
      await cameras.dispose();
      await live?.stop();
      await payments.stop();
      db.close();
    },
  };
}
