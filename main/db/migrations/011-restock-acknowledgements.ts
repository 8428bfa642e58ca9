// Schema 11: restock alerts acknowledged by staff. An alert is one episode of a plate at or under its
// restock threshold, known by the plate and the store time it crossed (the engine alerts once per
// crossing); acknowledging it records who took it on, when and with what note, next to the audit
// entry written in the same transaction.
import type { Migration } from './types';

export const migration011: Migration = {
  version: 11,
  name: 'restock-acknowledgements',
  up(db) {
    db.exec(`
      CREATE TABLE restock_acknowledgements (
        id              INTEGER PRIMARY KEY,
        plate           TEXT NOT NULL,
        alert_since_ms  REAL NOT NULL,
        sku             TEXT NOT NULL,
        units           INTEGER NOT NULL,
        acknowledged_ms INTEGER NOT NULL,
        acknowledged_by TEXT NOT NULL,
        note            TEXT NOT NULL,
        audit_id        INTEGER NOT NULL REFERENCES audit_log (id),
        UNIQUE (plate, alert_since_ms)
      ) STRICT;
    `);
  },
};
