// Opens (creating if needed) the database of one store: inspect read-only first, and only when the
// file is healthy, ours and not from the future, open it for writing, migrate it and hand out the
// repositories.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { DatabaseNotReadyError, DatabaseStoreMismatchError } from './errors';
import { LATEST_SCHEMA_VERSION, migrate, readSchemaVersion } from './migrate';
import { preflight, readStoreId } from './preflight';
import { createAuditRepository } from './repositories/audit';
import { createInputLogRepository } from './repositories/input-log';
import { createSettingsRepository } from './repositories/settings';
import { createStoreSnapshotsRepository } from './repositories/store-snapshots';
import { createDecisionsRepository } from './repositories/decisions';
import { createReviewRepository } from './repositories/review';
import { createFactsRepository } from '../facts/repository';
import { createAnalyticsRepository } from '../analytics/analytics-repository';
import { createUsersRepository } from './repositories/users';
import { createLiveRunsRepository } from './repositories/live-runs';
import { createReceiptsRepository } from './repositories/receipts';
import { createPlateCalibrationsRepository } from './repositories/plate-calibrations';
import { createDeviceAlertsRepository } from './repositories/device-alerts';
import { createRestockAcknowledgementsRepository } from './repositories/restock-acknowledgements';
import { createCameraSettingsRepository } from './repositories/camera-settings';
import type { OpenStoreDatabaseOptions, StoreDatabase } from './store-database';

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export function openStoreDatabase(path: string, opts: OpenStoreDatabaseOptions): StoreDatabase {
  const { storeId, readonly = false, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS } = opts;
  if (typeof storeId !== 'string' || storeId.length === 0) throw new TypeError('openStoreDatabase: storeId is required');
  if (path === ':memory:' || path === '') throw new TypeError('openStoreDatabase: a store database must be a file');

  const found = preflight(path, storeId, busyTimeoutMs);
  if (readonly) {
    if (!found.exists) throw new DatabaseNotReadyError(path, 'the file does not exist or is empty');
    if (found.schemaVersion < LATEST_SCHEMA_VERSION) {
      throw new DatabaseNotReadyError(
        path,
        `its schema version is ${found.schemaVersion} and this build needs ${LATEST_SCHEMA_VERSION}; open it read-write once to migrate it`,
      );
    }
  }

  const db = new Database(path, { readonly, fileMustExist: readonly, timeout: busyTimeoutMs });
  try {
    if (!readonly) {
      // WAL: the engine appends inputs while the UI reads sessions, and readers never block the
      // writer. synchronous=FULL because audit entries and receipts must survive a power cut;
      // inputs arrive in batches, so the fsync per commit is paid per batch, not per sample.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');

    if (!readonly) {
      migrate(db);
      claimStore(db, path, storeId);
    }
    const schemaVersion = readSchemaVersion(db);
    const audit = createAuditRepository(db);
    const decisions = createDecisionsRepository(db);

    let closed = false;
    return {
      path,
      storeId,
      schemaVersion,
      readonly,
      inputLog: createInputLogRepository(db),
      audit,
      settings: createSettingsRepository(db),
      storeSnapshots: createStoreSnapshotsRepository(db),
      decisions,
      liveRuns: createLiveRunsRepository(db, decisions),
      receipts: createReceiptsRepository(db, audit),
      plateCalibrations: createPlateCalibrationsRepository(db, audit),
      deviceAlerts: createDeviceAlertsRepository(db),
      restockAcknowledgements: createRestockAcknowledgementsRepository(db, audit),
      cameraSettings: createCameraSettingsRepository(db, audit),
      review: createReviewRepository(db, audit),
      facts: createFactsRepository(db),
      analytics: createAnalyticsRepository(db),
      users: createUsersRepository(db),
      sizes: () => ({ sizeBytes: fileSize(path), walBytes: fileSize(`${path}-wal`) }),
      close() {
        if (closed) return;
        closed = true;
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Records which store a new file belongs to. Re-checked under the write lock because preflight's
 * answer may be stale if another process created the file in between.
 */
function claimStore(db: Database.Database, path: string, storeId: string): void {
  db.transaction(() => {
    const owner = readStoreId(db);
    if (owner === undefined) {
      db.prepare(`INSERT INTO meta (key, value) VALUES ('store_id', ?)`).run(storeId);
    } else if (owner !== storeId) {
      throw new DatabaseStoreMismatchError(path, storeId, owner);
    }
  }).immediate();
}

function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
