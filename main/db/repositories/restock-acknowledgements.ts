// Restock alerts that staff have acknowledged ("on it"), one row per alert episode (plate and the
// store time it crossed its threshold). Each acknowledgement appends its audit entry in the same
// transaction, so neither exists without the other; an episode is acknowledged once.
import type BetterSqlite3 from 'better-sqlite3';
import type { AuditEntry, AuditRepository } from './audit';

export interface RestockAcknowledgement {
  plate: string;
  alertSinceMs: number;
  sku: string;
  /** Units on the plate when it was acknowledged. */
  units: number;
  acknowledgedMs: number;
  acknowledgedBy: string;
  note: string;
  auditId: number;
}

export type NewRestockAcknowledgement = Omit<RestockAcknowledgement, 'auditId'>;

/** The episode was acknowledged before (by `existing.acknowledgedBy`). */
export class AlreadyAcknowledgedError extends Error {
  constructor(readonly existing: RestockAcknowledgement) {
    super(`the alert of plate ${existing.plate} was already acknowledged by ${existing.acknowledgedBy}`);
    this.name = 'AlreadyAcknowledgedError';
  }
}

export interface RestockAcknowledgementsRepository {
  acknowledge(ack: NewRestockAcknowledgement): { acknowledgement: RestockAcknowledgement; audit: AuditEntry };
  /** Acknowledgements of these plates, any episode. */
  forPlates(plates: readonly string[]): RestockAcknowledgement[];
}

interface Row {
  plate: string;
  alert_since_ms: number;
  sku: string;
  units: number;
  acknowledged_ms: number;
  acknowledged_by: string;
  note: string;
  audit_id: number;
}

const fromRow = (r: Row): RestockAcknowledgement => ({
  plate: r.plate,
  alertSinceMs: r.alert_since_ms,
  sku: r.sku,
  units: r.units,
  acknowledgedMs: r.acknowledged_ms,
  acknowledgedBy: r.acknowledged_by,
  note: r.note,
  auditId: r.audit_id,
});

export function createRestockAcknowledgementsRepository(db: BetterSqlite3.Database, audit: AuditRepository): RestockAcknowledgementsRepository {
  const selectOne = db.prepare(`SELECT * FROM restock_acknowledgements WHERE plate = ? AND alert_since_ms = ?`);
  const insert = db.prepare(
    `INSERT INTO restock_acknowledgements (plate, alert_since_ms, sku, units, acknowledged_ms, acknowledged_by, note, audit_id)
     VALUES (@plate, @alert_since_ms, @sku, @units, @acknowledged_ms, @acknowledged_by, @note, @audit_id)`,
  );
  const acknowledgeTx = db.transaction((ack: NewRestockAcknowledgement) => {
    const existing = selectOne.get(ack.plate, ack.alertSinceMs) as Row | undefined;
    if (existing) throw new AlreadyAcknowledgedError(fromRow(existing));
    const entry = audit.append({
      actor: ack.acknowledgedBy,
      action: 'restock-alert.acknowledge',
      subject: `plate:${ack.plate}`,
      reason: ack.note,
      before: { alertSinceMs: ack.alertSinceMs, sku: ack.sku, units: ack.units, acknowledged: false },
      after: { alertSinceMs: ack.alertSinceMs, sku: ack.sku, units: ack.units, acknowledged: true },
      at: Math.round(ack.acknowledgedMs),
    });
    const row: Row = {
      plate: ack.plate,
      alert_since_ms: ack.alertSinceMs,
      sku: ack.sku,
      units: ack.units,
      acknowledged_ms: Math.round(ack.acknowledgedMs),
      acknowledged_by: ack.acknowledgedBy,
      note: ack.note,
      audit_id: entry.id,
    };
    insert.run(row);
    return { acknowledgement: fromRow(row), audit: entry };
  });
  return {
    acknowledge: (ack) => acknowledgeTx.immediate(ack),
    forPlates(plates) {
      if (plates.length === 0) return [];
      // One query per 500 plates keeps under SQLite's bound-parameter limit.
      const out: RestockAcknowledgement[] = [];
      for (let i = 0; i < plates.length; i += 500) {
        const chunk = plates.slice(i, i + 500);
        const rows = db.prepare(`SELECT * FROM restock_acknowledgements WHERE plate IN (${chunk.map(() => '?').join(', ')}) ORDER BY id`).all(...chunk) as Row[];
        out.push(...rows.map(fromRow));
      }
      return out;
    },
  };
}
