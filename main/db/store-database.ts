// The typed face of one store's database: repositories only, no raw SQL handle, so every write
// goes through code that keeps the schema's invariants (interned sources, the audit chain).
import type { AuditRepository } from './repositories/audit';
import type { DecisionsRepository } from './repositories/decisions';
import type { InputLogRepository } from './repositories/input-log';
import type { SettingsRepository } from './repositories/settings';
import type { StoreSnapshotsRepository } from './repositories/store-snapshots';
import type { ReviewRepository } from './repositories/review';
import type { UsersRepository } from './repositories/users';
import type { LiveRunsRepository } from './repositories/live-runs';
import type { ReceiptsRepository } from './repositories/receipts';
import type { FactsRepository } from '../facts/repository';
import type { AnalyticsRepository } from '../analytics/analytics-repository';
import type { PlateCalibrationsRepository } from './repositories/plate-calibrations';
import type { DeviceAlertsRepository } from './repositories/device-alerts';
import type { RestockAcknowledgementsRepository } from './repositories/restock-acknowledgements';
import type { CameraSettingsRepository } from './repositories/camera-settings';

export interface OpenStoreDatabaseOptions {
  /** The store this file belongs to; a file created for another store is refused. */
  storeId: string;
  /** No migrations, no writes: for inspection tools and a second process reading alongside. */
  readonly?: boolean;
  /** How long to wait for another connection's lock before failing; default 5000 ms. */
  busyTimeoutMs?: number;
}

export interface StoreDatabaseSizes {
  /** Bytes of the main database file. */
  sizeBytes: number;
  /** Bytes of the write-ahead log not yet checkpointed into it (0 when there is none). */
  walBytes: number;
}

export interface StoreDatabase {
  readonly path: string;
  readonly storeId: string;
  readonly schemaVersion: number;
  readonly readonly: boolean;
  readonly inputLog: InputLogRepository;
  readonly audit: AuditRepository;
  readonly settings: SettingsRepository;
  readonly storeSnapshots: StoreSnapshotsRepository;
  readonly decisions: DecisionsRepository;
  readonly review: ReviewRepository;
  /** Sessions, lines, shelf events, zone visits, paths and heat projected from decisions (main/facts). */
  readonly facts: FactsRepository;
  /** Aggregates over the facts for the Analytics view (main/analytics). */
  readonly analytics: AnalyticsRepository;
  readonly users: UsersRepository;
  /** Live engine runs: which decisions each stored, for recovery after a crash (schema 9). */
  readonly liveRuns: LiveRunsRepository;
  /** Receipts priced from the engine's receipt decisions, and the payment outbox (schema 9). */
  readonly receipts: ReceiptsRepository;
  /** Per-plate calibration set by tare and span, each change audited. */
  readonly plateCalibrations: PlateCalibrationsRepository;
  /** Plate and device alerts (offline, not calibrated, noisy, drifting). */
  readonly deviceAlerts: DeviceAlertsRepository;
  /** Restock alerts staff acknowledged, each audited (schema 11). */
  readonly restockAcknowledgements: RestockAcknowledgementsRepository;
  /** Camera video sources and floor calibrations set in the app, each audited (schema 12). */
  readonly cameraSettings: CameraSettingsRepository;
  sizes(): StoreDatabaseSizes;
  /** Idempotent. */
  close(): void;
}
