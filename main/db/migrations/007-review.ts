// Schema 7: the review of flagged sessions. Cart corrections (each an action with its reason, undone
// until the session is approved), the approved receipts with the state of their payment, and
// refunds after charge. Every row points at the audit entry written in the same transaction, so
// the audit log and these tables cannot disagree about what a reviewer did.
import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: 'review',
  up(db) {
    db.exec(`
      CREATE TABLE review_corrections (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        created_ms    INTEGER NOT NULL,
        actor         TEXT NOT NULL,
        reason        TEXT NOT NULL,
        note          TEXT NOT NULL,
        action_json   TEXT NOT NULL,
        -- For an event moved between carts: which shelf event, so its owner is known store-wide.
        event_id      TEXT,
        audit_id      INTEGER NOT NULL REFERENCES audit_log (id),
        undone_ms     INTEGER,
        undone_by     TEXT,
        undo_audit_id INTEGER REFERENCES audit_log (id),
        CHECK ((undone_ms IS NULL) = (undo_audit_id IS NULL))
      ) STRICT;
      CREATE INDEX review_corrections_by_event ON review_corrections (event_id, id) WHERE event_id IS NOT NULL;

      -- The sessions whose carts a correction changes (two for an event moved between sessions).
      CREATE TABLE review_correction_sessions (
        session_id    TEXT NOT NULL,
        correction_id INTEGER NOT NULL REFERENCES review_corrections (id),
        PRIMARY KEY (session_id, correction_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE review_outcomes (
        session_id        TEXT PRIMARY KEY,
        approved_ms       INTEGER NOT NULL,
        actor             TEXT NOT NULL,
        note              TEXT NOT NULL,
        receipt_json      TEXT NOT NULL,
        audit_id          INTEGER NOT NULL REFERENCES audit_log (id),
        payment_state     TEXT NOT NULL CHECK (payment_state IN ('pending', 'issued', 'failed')),
        payment_reference TEXT,
        payment_error     TEXT
      ) STRICT;

      CREATE TABLE review_refunds (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        session_id        TEXT NOT NULL,
        created_ms        INTEGER NOT NULL,
        actor             TEXT NOT NULL,
        reason            TEXT NOT NULL,
        note              TEXT NOT NULL,
        items_json        TEXT NOT NULL,
        amount_minor      INTEGER NOT NULL CHECK (amount_minor >= 0),
        audit_id          INTEGER NOT NULL REFERENCES audit_log (id),
        payment_state     TEXT NOT NULL CHECK (payment_state IN ('pending', 'issued', 'failed')),
        payment_reference TEXT,
        payment_error     TEXT
      ) STRICT;
      CREATE INDEX review_refunds_by_session ON review_refunds (session_id, id);
    `);
  },
};
