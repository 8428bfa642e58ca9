// Schema 3: the append-only audit log of human actions (corrections, refunds, acknowledgements).
// Each row is hash-chained to the one before it (computed in the repository); the triggers make
// an honest mistake impossible, and the chain makes a dishonest edit visible.
import type { Migration } from './types';

export const migration003: Migration = {
  version: 3,
  name: 'audit-log',
  up(db) {
    db.exec(`
      -- AUTOINCREMENT so ids are never reused: ids then run 1..n without gaps, and the highest id
      -- ever issued (sqlite_sequence) reveals rows removed from the end of the chain.
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at_ms       INTEGER NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        subject     TEXT NOT NULL,
        reason      TEXT NOT NULL,
        before_json TEXT NOT NULL,
        after_json  TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_log_by_subject ON audit_log (subject, id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
      END;
    `);
  },
};
