// Per-plate calibration (offset in raw units, grams per raw unit) as people set it with tare and
// span, and who did it when. Every change appends its audit entry in the same transaction, so a
// calibration never changes without the record of who changed it, from what, and why.
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditEntry, AuditRepository } from './audit';

export interface StoredPlateCalibration {
  plate: string;
  offset: number;
  scale: number;
  /** The last action: 'tare' (offset set) or 'span' (scale set from a known weight). */
  action: 'tare' | 'span';
  /** The known weight of the last span, grams. */
  knownGrams: number | null;
  updatedMs: number;
  updatedBy: string;
  auditId: number;
}

export interface PlateCalibrationChange {
  plate: string;
  offset: number;
  scale: number;
  action: 'tare' | 'span';
  knownGrams?: number;
  actor: string;
  reason: string;
  at: number;
  /** The calibration in force before (whatever its source), for the audit entry. */
  before: { offset: number; scale: number; source: string } | null;
}

export interface PlateCalibrationsRepository {
  get(plate: string): StoredPlateCalibration | undefined;
  all(): StoredPlateCalibration[];
  /** Stores the new calibration and its audit entry in one transaction. */
  set(change: PlateCalibrationChange): { calibration: StoredPlateCalibration; audit: AuditEntry };
}

interface Row {
  plate: string;
  offset_raw: number;
  scale: number;
  action: 'tare' | 'span';
  known_grams: number | null;
  updated_ms: number;
  updated_by: string;
  audit_id: number;
}

const fromRow = (r: Row): StoredPlateCalibration => ({
  plate: r.plate,
  offset: r.offset_raw,
  scale: r.scale,
  action: r.action,
  knownGrams: r.known_grams,
  updatedMs: r.updated_ms,
  updatedBy: r.updated_by,
  auditId: r.audit_id,
});

export function createPlateCalibrationsRepository(db: BetterSqlite3.Database, audit: AuditRepository): PlateCalibrationsRepository {
  const select = db.prepare(`SELECT * FROM plate_calibrations WHERE plate = ?`);
  const selectAll = db.prepare(`SELECT * FROM plate_calibrations ORDER BY plate`);
  const upsert = db.prepare(
    `INSERT INTO plate_calibrations (plate, offset_raw, scale, action, known_grams, updated_ms, updated_by, audit_id)
     VALUES (@plate, @offset_raw, @scale, @action, @known_grams, @updated_ms, @updated_by, @audit_id)
     ON CONFLICT (plate) DO UPDATE SET offset_raw = excluded.offset_raw, scale = excluded.scale, action = excluded.action,
       known_grams = excluded.known_grams, updated_ms = excluded.updated_ms, updated_by = excluded.updated_by, audit_id = excluded.audit_id`,
  );
  const setTx = db.transaction((change: PlateCalibrationChange) => {
    if (!Number.isFinite(change.offset) || !Number.isFinite(change.scale)) throw new RangeError(`plate ${change.plate}: calibration must be finite numbers`);
    const entry = audit.append({
      actor: change.actor,
      action: change.action === 'tare' ? 'plate.tare' : 'plate.calibrate',
      subject: `plate:${change.plate}`,
      reason: change.reason,
      before: change.before,
      after: { offset: change.offset, scale: change.scale, ...(change.knownGrams === undefined ? {} : { knownGrams: change.knownGrams }) },
      at: Math.round(change.at),
    });
    const row: Row = {
      plate: change.plate,
      offset_raw: change.offset,
      scale: change.scale,
      action: change.action,
      known_grams: change.knownGrams ?? null,
      updated_ms: Math.round(change.at),
      updated_by: change.actor,
      audit_id: entry.id,
    };
    upsert.run(row);
    return { calibration: fromRow(row), audit: entry };
  });
  return {
    get: (plate) => {
      const row = select.get(plate) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    all: () => (selectAll.all() as Row[]).map(fromRow),
    set: (change) => setTx.immediate(change),
  };
}
