// Schema 12: cameras as people set them up in the Cameras view. camera_sources gives a camera a
// video source (RTSP, V4L2 or a video file) where the store's cameras.json has none or another;
// camera_calibrations holds a floor homography fitted from clicked point pairs, the pairs
// themselves and the reprojection error. Each row names the audit entry of the change that made it.
import type { Migration } from './types';

export const migration012: Migration = {
  version: 12,
  name: 'camera-settings',
  up(db) {
    db.exec(`
      CREATE TABLE camera_sources (
        camera     TEXT PRIMARY KEY,
        kind       TEXT NOT NULL CHECK (kind IN ('file', 'rtsp', 'v4l2')),
        url        TEXT NOT NULL,
        updated_ms INTEGER NOT NULL,
        updated_by TEXT NOT NULL,
        audit_id   INTEGER NOT NULL REFERENCES audit_log (id)
      ) STRICT;

      CREATE TABLE camera_calibrations (
        camera          TEXT PRIMARY KEY,
        homography_json TEXT NOT NULL,
        pairs_json      TEXT NOT NULL,
        rms_m           REAL NOT NULL,
        max_m           REAL NOT NULL,
        updated_ms      INTEGER NOT NULL,
        updated_by      TEXT NOT NULL,
        audit_id        INTEGER NOT NULL REFERENCES audit_log (id)
      ) STRICT;
    `);
  },
};
