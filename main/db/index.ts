// Public API of the storage layer: one SQLite database per store, behind typed repositories.
export { openStoreDatabase } from './open';
export type { OpenStoreDatabaseOptions, StoreDatabase, StoreDatabaseSizes } from './store-database';
export {
  StoreDatabaseError,
  DatabaseTooNewError,
  DatabaseCorruptError,
  DatabaseStoreMismatchError,
  DatabaseUnrecognizedError,
  DatabaseNotReadyError,
} from './errors';
export { LATEST_SCHEMA_VERSION } from './migrate';
export type { JsonCompatible, JsonValue } from './json';
export { inputKinds } from './repositories/input-log';
export type {
  InputKind,
  InputBatch,
  InputBatchInput,
  InputLogStats,
  InputLogRepository,
} from './repositories/input-log';
export { AUDIT_GENESIS_HASH } from './repositories/audit';
export type { AuditEntry, AuditEntryInput, AuditRepository, AuditVerification } from './repositories/audit';
export type { SettingsRepository, SettingsShape } from './repositories/settings';
export type { StoreSnapshot, StoreSnapshotsRepository } from './repositories/store-snapshots';
export type { DecisionsRepository, StoredDecision, StoredDecisionInput } from './repositories/decisions';
export type { ReviewRepository, StoredCorrection, StoredOutcome, StoredRefund, StoredPayment, PaymentState, HeldReceiptRow } from './repositories/review';
export type { UsersRepository, UserRecord, SignInSessionRecord } from './repositories/users';
export type { LiveRun, LiveRunsRepository } from './repositories/live-runs';
export type {
  NewReceipt,
  OutboxCounts,
  OutboxEntry,
  OutboxMessageInput,
  OutboxState,
  PaymentType,
  ReceiptChange,
  ReceiptLineRecord,
  ReceiptRecord,
  ReceiptStatus,
  ReceiptsRepository,
} from './repositories/receipts';
export type { PlateCalibrationChange, PlateCalibrationsRepository, StoredPlateCalibration } from './repositories/plate-calibrations';
export type { DeviceAlert, DeviceAlertChange, DeviceAlertsRepository } from './repositories/device-alerts';
export type { CameraCalibrationChange, CameraSettingsRepository, CameraSourceChange, StoredCameraCalibration, StoredCameraSource } from './repositories/camera-settings';
