// Alerts about devices and plates (offline, not calibrated, noisy, drifting): one row per episode,
// raised when the subject leaves 'online' and cleared when it returns, so the history of a flaky
// plate stays readable. `apply` is the only writer and is idempotent: reporting the same status again
// changes nothing. Changes come in batches (one status report covers every plate), one transaction each.
import type BetterSqlite3 from 'better-sqlite3';

export interface DeviceAlert {
  id: number;
  /** What it is about, e.g. "plate:G01-F1-03". */
  subject: string;
  status: string;
  detail: string;
  raisedMs: number;
  clearedMs: number | null;
}

export interface DeviceAlertsRepository {
  /** Alerts not cleared yet, oldest first. */
  open(): DeviceAlert[];
  /** Newest first, cleared ones included. */
  recent(limit: number): DeviceAlert[];
  /**
   * Each subject's status now: null (healthy) clears its open alert; another status clears a
   * different open one and raises its own. Returns how many subjects changed.
   */
  apply(changes: readonly DeviceAlertChange[], at: number): number;
}

export interface DeviceAlertChange {
  subject: string;
  status: string | null;
  detail: string;
}

interface Row {
  id: number;
  subject: string;
  status: string;
  detail: string;
  raised_ms: number;
  cleared_ms: number | null;
}

const fromRow = (r: Row): DeviceAlert => ({ id: r.id, subject: r.subject, status: r.status, detail: r.detail, raisedMs: r.raised_ms, clearedMs: r.cleared_ms });

export function createDeviceAlertsRepository(db: BetterSqlite3.Database): DeviceAlertsRepository {
  const selectOpen = db.prepare(`SELECT * FROM device_alerts WHERE cleared_ms IS NULL ORDER BY raised_ms, id`);
  const selectRecent = db.prepare(`SELECT * FROM device_alerts ORDER BY id DESC LIMIT ?`);
  const selectOpenOf = db.prepare(`SELECT * FROM device_alerts WHERE subject = ? AND cleared_ms IS NULL`);
  const clear = db.prepare(`UPDATE device_alerts SET cleared_ms = ? WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO device_alerts (subject, status, detail, raised_ms) VALUES (?, ?, ?, ?)`);
  const applyTx = db.transaction((changes: readonly DeviceAlertChange[], at: number): number => {
    let changed = 0;
    for (const { subject, status, detail } of changes) {
      const current = selectOpenOf.get(subject) as Row | undefined;
      if (current && current.status === status) continue;
      if (current) clear.run(at, current.id);
      if (status !== null) insert.run(subject, status, detail, at);
      if (current || status !== null) changed++;
    }
    return changed;
  });
  return {
    open: () => (selectOpen.all() as Row[]).map(fromRow),
    recent: (limit) => (selectRecent.all(limit) as Row[]).map(fromRow),
    apply: (changes, at) => (changes.length === 0 ? 0 : applyTx.immediate(changes, at)),
  };
}
