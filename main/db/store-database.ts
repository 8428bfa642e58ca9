// The typed face of one store's database: repositories only, no raw SQL handle, so every write
// goes through code that keeps the schema's invariants (interned sources, the audit chain).
import type { AuditRepository } from './repositories/audit';
import type { DecisionsRepository } from './repositories/decisions';
import type { InputLogRepository } from './repositories/input-log';
import type { SettingsRepository } from './repositories/settings';
import type { StoreSnapshotsRepository } from './repositories/store-snapshots';

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
  sizes(): StoreDatabaseSizes;
  /** Idempotent. */
  close(): void;
}
