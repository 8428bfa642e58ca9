// The store models (floor plan, fixtures, catalogue, planogram) a store has run with, one row per
// change. Decisions made on a given day can then be replayed against the model of that day.
import type BetterSqlite3 from 'better-sqlite3';
import { canonicalJson, sha256Hex, type JsonCompatible } from '../json';

export interface StoreSnapshot {
  id: number;
  /** sha256 of `json`, which is stored in canonical form (sorted keys). */
  contentHash: string;
  json: string;
  loadedAtMs: number;
}

export interface StoreSnapshotsRepository {
  /**
   * Records the model that was just loaded, unless it is the same content as the latest snapshot
   * (key order does not count as a change). Returns the snapshot now in force.
   * `loadedAtMs` defaults to now.
   */
  save<T>(model: T & JsonCompatible<T>, loadedAtMs?: number): { snapshot: StoreSnapshot; changed: boolean };
  latest(): StoreSnapshot | undefined;
  get(id: number): StoreSnapshot | undefined;
}

interface SnapshotRow {
  id: number;
  content_hash: string;
  json: string;
  loaded_at_ms: number;
}

export function createStoreSnapshotsRepository(db: BetterSqlite3.Database): StoreSnapshotsRepository {
  const selectLatest = db.prepare(`SELECT * FROM store_snapshots ORDER BY id DESC LIMIT 1`);
  const selectById = db.prepare(`SELECT * FROM store_snapshots WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO store_snapshots (content_hash, json, loaded_at_ms) VALUES (?, ?, ?)`);

  const latest = (): StoreSnapshot | undefined => fromRow(selectLatest.get() as SnapshotRow | undefined);

  const recordTx = db.transaction((json: string, contentHash: string, loadedAtMs: number) => {
    const current = latest();
    if (current?.contentHash === contentHash) return { snapshot: current, changed: false };
    const id = Number(insert.run(contentHash, json, loadedAtMs).lastInsertRowid);
    return { snapshot: { id, contentHash, json, loadedAtMs }, changed: true };
  });

  return {
    save(model, loadedAtMs = Date.now()) {
      if (!Number.isSafeInteger(loadedAtMs)) throw new RangeError(`loadedAtMs must be an integer (got ${loadedAtMs})`);
      const json = canonicalJson(model);
      return recordTx.immediate(json, sha256Hex(json), loadedAtMs);
    },
    latest,
    get: (id) => fromRow(selectById.get(id) as SnapshotRow | undefined),
  };
}

function fromRow(row: SnapshotRow | undefined): StoreSnapshot | undefined {
  if (row === undefined) return undefined;
  return { id: row.id, contentHash: row.content_hash, json: row.json, loadedAtMs: row.loaded_at_ms };
}
