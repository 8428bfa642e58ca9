// Schema 9: live runs, receipts and the payment outbox.
// - live_runs: one per start of the live engine. Session ids restart at S1 with every run, so a
//   receipt is known by (run, session). A run without an end was cut short (a crash): the next start
//   resumes it by replaying its inputs, and decisions.run_id tells which decisions it already stored.
// - receipts: each receipt decision of a live run, priced, with its state (charged, held for review,
//   approved after review, waived).
// - payment_outbox: every charge, refund and adjustment to deliver, written in the same transaction
//   as the receipt change behind it, and kept after delivery: nothing is lost while the payment
//   endpoint is down, and the idempotency key (the receipt id for a charge) is what keeps a
//   redelivery from charging twice.
// - receipt_ingest: how far the receipt service has read the decisions. It starts past every
//   decision already stored, so upgrading never charges receipts issued before payments existed.
import type { Migration } from './types';

export const migration009: Migration = {
  version: 9,
  name: 'receipts-payments',
  up(db) {
    db.exec(`
      CREATE TABLE live_runs (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        source          TEXT NOT NULL,
        started_wall_ms INTEGER NOT NULL,
        first_input_ms  REAL,
        reached_ms      REAL,
        recoveries      INTEGER NOT NULL DEFAULT 0,
        ended_wall_ms   INTEGER
      ) STRICT;

      ALTER TABLE decisions ADD COLUMN run_id INTEGER REFERENCES live_runs (id);
      CREATE INDEX decisions_by_run ON decisions (run_id, id) WHERE run_id IS NOT NULL;

      CREATE TABLE receipts (
        id              TEXT PRIMARY KEY,
        run_id          INTEGER NOT NULL REFERENCES live_runs (id),
        session_id      TEXT NOT NULL,
        decision_id     INTEGER NOT NULL UNIQUE,
        t_ms            REAL NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('charged', 'held-for-review', 'approved', 'waived')),
        account         TEXT,
        token_nonce     TEXT,
        currency        TEXT NOT NULL,
        lines_json      TEXT NOT NULL CHECK (json_valid(lines_json)),
        flags_json      TEXT NOT NULL CHECK (json_valid(flags_json)),
        total_minor     INTEGER NOT NULL,
        note            TEXT,
        issued_wall_ms  INTEGER NOT NULL,
        updated_wall_ms INTEGER NOT NULL,
        UNIQUE (run_id, session_id)
      ) STRICT;
      CREATE INDEX receipts_by_status ON receipts (status, t_ms);
      CREATE INDEX receipts_by_session ON receipts (session_id);
      CREATE INDEX receipts_by_nonce ON receipts (token_nonce) WHERE token_nonce IS NOT NULL;

      CREATE TABLE payment_outbox (
        id                   INTEGER PRIMARY KEY AUTOINCREMENT,
        idempotency_key      TEXT NOT NULL UNIQUE,
        receipt_id           TEXT NOT NULL REFERENCES receipts (id),
        type                 TEXT NOT NULL CHECK (type IN ('charge', 'refund', 'adjustment')),
        amount_minor         INTEGER NOT NULL,
        message_json         TEXT NOT NULL CHECK (json_valid(message_json)),
        state                TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts             INTEGER NOT NULL DEFAULT 0,
        next_attempt_wall_ms INTEGER NOT NULL,
        lease_until_wall_ms  INTEGER,
        last_error           TEXT,
        reference            TEXT,
        adapter              TEXT,
        created_wall_ms      INTEGER NOT NULL,
        delivered_wall_ms    INTEGER
      ) STRICT;
      CREATE INDEX payment_outbox_due ON payment_outbox (state, next_attempt_wall_ms);
      CREATE INDEX payment_outbox_by_receipt ON payment_outbox (receipt_id, id);

      CREATE TABLE receipt_ingest (
        singleton   INTEGER PRIMARY KEY CHECK (singleton = 1),
        decision_id INTEGER NOT NULL
      ) STRICT;
      INSERT INTO receipt_ingest (singleton, decision_id) VALUES (1, (SELECT coalesce(max(id), 0) FROM decisions));
    `);
  },
};
