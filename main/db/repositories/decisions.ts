// The engine's decisions as stored: time, kind, the session they concern (for lookups) and the
// decision itself as JSON. A replay replaces the whole set in one transaction, so a killed replay
// leaves the previous complete set rather than half of a new one. Decisions of the live engine also
// carry their live run (schema 9): session ids restart with every run.
import type BetterSqlite3 from 'better-sqlite3';

export interface StoredDecisionInput {
  t: number;
  kind: string;
  sessionId?: string | undefined;
  json: string;
  /** The live run that decided it (live_runs.id); absent for replays. */
  runId?: number | undefined;
}

export interface StoredDecision extends StoredDecisionInput {
  id: number;
  sessionId: string | undefined;
  runId: number | undefined;
}

export interface DecisionsRepository {
  appendMany(decisions: readonly StoredDecisionInput[]): void;
  replaceAll(decisions: Iterable<StoredDecisionInput>): number;
  list(filter?: { kinds?: readonly string[]; fromMs?: number; toMs?: number; sessionId?: string; runId?: number }): StoredDecision[];
  count(): number;
}

interface Row {
  id: number;
  t_ms: number;
  kind: string;
  session_id: string | null;
  json: string;
  run_id: number | null;
}

export function createDecisionsRepository(db: BetterSqlite3.Database): DecisionsRepository {
  const insert = db.prepare(`INSERT INTO decisions (t_ms, kind, session_id, json, run_id) VALUES (?, ?, ?, ?, ?)`);
  const insertAll = (decisions: Iterable<StoredDecisionInput>): number => {
    let n = 0;
    for (const d of decisions) {
      insert.run(d.t, d.kind, d.sessionId ?? null, d.json, d.runId ?? null);
      n++;
    }
    return n;
  };
  const appendMany = db.transaction((decisions: readonly StoredDecisionInput[]) => void insertAll(decisions));
  const replaceAll = db.transaction((decisions: Iterable<StoredDecisionInput>) => {
    db.exec('DELETE FROM decisions');
    return insertAll(decisions);
  });
  const countStatement = db.prepare(`SELECT count(*) FROM decisions`).pluck();
  return {
    appendMany,
    replaceAll,
    count: () => countStatement.get() as number,
    list(filter = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (filter.kinds?.length) {
        where.push(`kind IN (${filter.kinds.map(() => '?').join(', ')})`);
        params.push(...filter.kinds);
      }
      if (filter.fromMs !== undefined) {
        where.push('t_ms >= ?');
        params.push(filter.fromMs);
      }
      if (filter.toMs !== undefined) {
        where.push('t_ms < ?');
        params.push(filter.toMs);
      }
      if (filter.sessionId !== undefined) {
        where.push('session_id = ?');
        params.push(filter.sessionId);
      }
      if (filter.runId !== undefined) {
        where.push('run_id = ?');
        params.push(filter.runId);
      }
      const sql = `SELECT id, t_ms, kind, session_id, json, run_id FROM decisions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t_ms, id`;
      return (db.prepare(sql).all(...params) as Row[]).map((r) => ({ id: r.id, t: r.t_ms, kind: r.kind, sessionId: r.session_id ?? undefined, json: r.json, runId: r.run_id ?? undefined }));
    },
  };
}
