// Camera setup made in the app: a video source per camera and a floor calibration (homography from
// clicked point pairs). Every change appends its audit entry in the same transaction, so a camera
// never changes what it watches or where its pixels land on the floor without a record of who, when,
// why, and what it was before.
import type BetterSqlite3 from 'better-sqlite3';
import type { JsonCompatible } from '../json';
import type { AuditEntry, AuditRepository } from './audit';

export interface StoredCameraSource {
  camera: string;
  kind: 'file' | 'rtsp' | 'v4l2';
  url: string;
  updatedMs: number;
  updatedBy: string;
  auditId: number;
}

export interface StoredCameraCalibration {
  camera: string;
  /** Row-major 3×3, image pixels → floor metres. */
  homography: number[];
  pairs: Array<{ image: [number, number]; floor: [number, number] }>;
  rmsM: number;
  maxM: number;
  updatedMs: number;
  updatedBy: string;
  auditId: number;
}

interface Change {
  camera: string;
  actor: string;
  reason: string;
  at: number;
}

export interface CameraSourceChange extends Change {
  /** The source in force before (the store's or an earlier change), for the audit entry. */
  before: { kind: string; url: string; from: 'store' | 'app' } | null;
  /** Null removes the app's source (the camera falls back to cameras.json's). */
  source: { kind: StoredCameraSource['kind']; url: string } | null;
}

export interface CameraCalibrationChange extends Change {
  /** The placement in force before: an earlier calibration, or the store's pose or homography. */
  before: { homography: number[]; rmsM: number } | { placement: 'pose' | 'homography' } | null;
  /** Null removes the calibration (the camera falls back to cameras.json's pose or homography). */
  calibration: Pick<StoredCameraCalibration, 'homography' | 'pairs' | 'rmsM' | 'maxM'> | null;
}

export interface CameraSettingsRepository {
  sources(): StoredCameraSource[];
  calibrations(): StoredCameraCalibration[];
  setSource(change: CameraSourceChange): { source: StoredCameraSource | null; audit: AuditEntry };
  setCalibration(change: CameraCalibrationChange): { calibration: StoredCameraCalibration | null; audit: AuditEntry };
}

interface SourceRow {
  camera: string;
  kind: StoredCameraSource['kind'];
  url: string;
  updated_ms: number;
  updated_by: string;
  audit_id: number;
}

interface CalibrationRow {
  camera: string;
  homography_json: string;
  pairs_json: string;
  rms_m: number;
  max_m: number;
  updated_ms: number;
  updated_by: string;
  audit_id: number;
}

const sourceFromRow = (r: SourceRow): StoredCameraSource => ({ camera: r.camera, kind: r.kind, url: r.url, updatedMs: r.updated_ms, updatedBy: r.updated_by, auditId: r.audit_id });

const calibrationFromRow = (r: CalibrationRow): StoredCameraCalibration => ({
  camera: r.camera,
  homography: JSON.parse(r.homography_json) as number[],
  pairs: JSON.parse(r.pairs_json) as StoredCameraCalibration['pairs'],
  rmsM: r.rms_m,
  maxM: r.max_m,
  updatedMs: r.updated_ms,
  updatedBy: r.updated_by,
  auditId: r.audit_id,
});

export function createCameraSettingsRepository(db: BetterSqlite3.Database, audit: AuditRepository): CameraSettingsRepository {
  const allSources = db.prepare(`SELECT * FROM camera_sources ORDER BY camera`);
  const allCalibrations = db.prepare(`SELECT * FROM camera_calibrations ORDER BY camera`);
  const upsertSource = db.prepare(
    `INSERT INTO camera_sources (camera, kind, url, updated_ms, updated_by, audit_id) VALUES (@camera, @kind, @url, @updated_ms, @updated_by, @audit_id)
     ON CONFLICT (camera) DO UPDATE SET kind = excluded.kind, url = excluded.url, updated_ms = excluded.updated_ms,
       updated_by = excluded.updated_by, audit_id = excluded.audit_id`,
  );
  const deleteSource = db.prepare(`DELETE FROM camera_sources WHERE camera = ?`);
  const upsertCalibration = db.prepare(
    `INSERT INTO camera_calibrations (camera, homography_json, pairs_json, rms_m, max_m, updated_ms, updated_by, audit_id)
     VALUES (@camera, @homography_json, @pairs_json, @rms_m, @max_m, @updated_ms, @updated_by, @audit_id)
     ON CONFLICT (camera) DO UPDATE SET homography_json = excluded.homography_json, pairs_json = excluded.pairs_json, rms_m = excluded.rms_m,
       max_m = excluded.max_m, updated_ms = excluded.updated_ms, updated_by = excluded.updated_by, audit_id = excluded.audit_id`,
  );
  const deleteCalibration = db.prepare(`DELETE FROM camera_calibrations WHERE camera = ?`);

  const record = <B, A>(change: Change, action: string, before: B & JsonCompatible<B>, after: A & JsonCompatible<A>): AuditEntry =>
    audit.append({ actor: change.actor, action, subject: `camera:${change.camera}`, reason: change.reason, before, after, at: Math.round(change.at) });

  const setSourceTx = db.transaction((change: CameraSourceChange) => {
    const entry = record(change, 'camera.source', change.before, change.source);
    if (!change.source) {
      deleteSource.run(change.camera);
      return { source: null, audit: entry };
    }
    const row: SourceRow = { camera: change.camera, ...change.source, updated_ms: Math.round(change.at), updated_by: change.actor, audit_id: entry.id };
    upsertSource.run(row);
    return { source: sourceFromRow(row), audit: entry };
  });

  const setCalibrationTx = db.transaction((change: CameraCalibrationChange) => {
    const c = change.calibration;
    if (c && (c.homography.length !== 9 || !c.homography.every(Number.isFinite) || !Number.isFinite(c.rmsM) || !Number.isFinite(c.maxM))) {
      throw new RangeError(`camera ${change.camera}: a calibration needs 9 finite homography entries and finite errors`);
    }
    const entry = record(change, 'camera.calibrate', change.before, c ? { homography: c.homography, pairs: c.pairs, rmsM: c.rmsM, maxM: c.maxM } : null);
    if (!c) {
      deleteCalibration.run(change.camera);
      return { calibration: null, audit: entry };
    }
    const row: CalibrationRow = {
      camera: change.camera,
      homography_json: JSON.stringify(c.homography),
      pairs_json: JSON.stringify(c.pairs),
      rms_m: c.rmsM,
      max_m: c.maxM,
      updated_ms: Math.round(change.at),
      updated_by: change.actor,
      audit_id: entry.id,
    };
    upsertCalibration.run(row);
    return { calibration: calibrationFromRow(row), audit: entry };
  });

  return {
    sources: () => (allSources.all() as SourceRow[]).map(sourceFromRow),
    calibrations: () => (allCalibrations.all() as CalibrationRow[]).map(calibrationFromRow),
    setSource: (change) => setSourceTx.immediate(change),
    setCalibration: (change) => setCalibrationTx.immediate(change),
  };
}
