// Schema 10: shelf devices. plate_calibrations holds each plate's calibration as people set it
// (tare: offset in raw units; span: grams per raw unit from a known weight), with the audit entry
// that records the change; device_alerts holds one row per episode of a plate (or device) being
// offline, not calibrated, noisy or drifting, raised and cleared by device management.
import type { Migration } from './types';

export const migration010: Migration = {
  version: 10,
  name: 'device-calibration',
  up(db) {
    db.exec(`
      CREATE TABLE plate_calibrations (
        plate       TEXT PRIMARY KEY,
        offset_raw  REAL NOT NULL,
        scale       REAL NOT NULL,
        action      TEXT NOT NULL CHECK (action IN ('tare', 'span')),
        known_grams REAL,
        updated_ms  INTEGER NOT NULL,
        updated_by  TEXT NOT NULL,
        audit_id    INTEGER NOT NULL REFERENCES audit_log (id)
      ) STRICT;

      CREATE TABLE device_alerts (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        subject    TEXT NOT NULL,
        status     TEXT NOT NULL,
        detail     TEXT NOT NULL,
        raised_ms  REAL NOT NULL,
        cleared_ms REAL
      ) STRICT;
      CREATE INDEX device_alerts_open ON device_alerts (subject) WHERE cleared_ms IS NULL;
    `);
  },
};
