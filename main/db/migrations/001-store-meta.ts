// Schema 1: what a store database needs before any sensor runs — which store the file belongs
// to, its settings, and the store models it has been run with.
import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'store-meta',
  up(db) {
    db.exec(`
      -- Key/value facts about the file itself. Its shape must never change: an older or newer
      -- Walkout reads meta.store_id before it knows anything else about the schema.
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL CHECK (json_valid(value_json))
      ) STRICT, WITHOUT ROWID;

      -- Every store model that was active, so a decision can be replayed against the floor plan,
      -- planogram and catalogue of its day. Rows are added only when the content changes.
      CREATE TABLE store_snapshots (
        id           INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL,
        json         TEXT NOT NULL CHECK (json_valid(json)),
        loaded_at_ms INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX store_snapshots_by_hash ON store_snapshots (content_hash);
    `);
  },
};
