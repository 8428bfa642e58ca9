// Schema 2: the recorded sensor input log, the source of truth for replay. A busy store produces
// tens of thousands of samples a second, so samples are stored in caller-encoded batches, and
// repeated strings (source, kind) are interned to small integers.
import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'input-log',
  up(db) {
    db.exec(`
      -- A lookup table rather than a CHECK list: a new kind of input is one INSERT in a later
      -- migration, where changing a CHECK would mean rebuilding the biggest table in the file.
      CREATE TABLE input_kinds (
        code INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;
      INSERT INTO input_kinds (code, name) VALUES
        (1, 'plate-samples'),
        (2, 'detections'),
        (3, 'gate-scan'),
        (4, 'device-status'),
        (5, 'staff-action');

      CREATE TABLE input_sources (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;

      CREATE TABLE input_batches (
        id      INTEGER PRIMARY KEY,
        source  INTEGER NOT NULL REFERENCES input_sources (id),
        kind    INTEGER NOT NULL REFERENCES input_kinds (code),
        t0_ms   INTEGER NOT NULL,
        t1_ms   INTEGER NOT NULL,
        count   INTEGER NOT NULL CHECK (count >= 0),
        payload BLOB NOT NULL,
        CHECK (t1_ms >= t0_ms)
      ) STRICT;
      CREATE INDEX input_batches_by_t0 ON input_batches (t0_ms);

      -- Running totals kept by triggers, so stats() stays O(1) on a log of millions of batches.
      -- max_span_ms bounds how far before a range a batch overlapping it can start, which lets a
      -- range read use the t0 index; it only grows (a safe over-estimate after deletions).
      CREATE TABLE input_log_summary (
        singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
        batches     INTEGER NOT NULL,
        samples     INTEGER NOT NULL,
        bytes       INTEGER NOT NULL,
        max_span_ms INTEGER NOT NULL
      ) STRICT;
      INSERT INTO input_log_summary VALUES (1, 0, 0, 0, 0);

      CREATE TRIGGER input_batches_summary_insert AFTER INSERT ON input_batches BEGIN
        UPDATE input_log_summary SET
          batches     = batches + 1,
          samples     = samples + NEW.count,
          bytes       = bytes + length(NEW.payload),
          max_span_ms = max(max_span_ms, NEW.t1_ms - NEW.t0_ms);
      END;

      -- Retention purges old raw inputs; the totals must follow.
      CREATE TRIGGER input_batches_summary_delete AFTER DELETE ON input_batches BEGIN
        UPDATE input_log_summary SET
          batches = batches - 1,
          samples = samples - OLD.count,
          bytes   = bytes - length(OLD.payload);
      END;

      -- Batches are immutable once recorded; refusing UPDATE keeps the totals honest too.
      CREATE TRIGGER input_batches_no_update BEFORE UPDATE ON input_batches BEGIN
        SELECT RAISE(ABORT, 'input_batches rows are immutable');
      END;
    `);
  },
};
