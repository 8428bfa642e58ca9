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
