// Live runs: one per start of the live engine, so a receipt is known by (run, session) and a run cut
// short by a crash can be resumed. A run's decisions are committed together with the store time the
// engine had reached, in one transaction: after a crash, recovery replays the run's inputs, advances
// to that time, and recognises every decision already stored.
import type BetterSqlite3 from 'better-sqlite3';
import type { DecisionsRepository, StoredDecisionInput } from './decisions';

export interface LiveRun {
  id: number;
  /** What fed it: 'simulator' or 'devices'. */
  source: string;
  startedWallMs: number;
  /** Store time of its first input (undefined until one arrived). */
  firstInputMs?: number;
  /** Store time the engine had reached at the last commit. */
  reachedMs?: number;
  /** Times it was resumed after being cut short. */
  recoveries: number;
  /** Absent while running, or when the process died. */
  endedWallMs?: number;
}

export interface LiveRunsRepository {
  /**
   * The latest run if it never ended and had the same source (a crash cut it short): resumed, its
   * recovery counted. Otherwise a new run (a run of another source left open is closed first).
   */
  openOrResume(source: string, wallMs: number): { run: LiveRun; resumed: boolean };
  markFirstInput(runId: number, t: number): void;
  /** Stores decisions of the run and the store time reached, in one transaction. */
  commit(runId: number, decisions: readonly StoredDecisionInput[], reachedMs: number): void;
  end(runId: number, wallMs: number): void;
  get(runId: number): LiveRun | undefined;
  /** The JSON of the run's stored decisions in the order they were stored. Lazy: finish before writing. */
  storedDecisions(runId: number): IterableIterator<string>;
}

interface Row {
  id: number;
  source: string;
  started_wall_ms: number;
  first_input_ms: number | null;
  reached_ms: number | null;
  recoveries: number;
  ended_wall_ms: number | null;
}

function toRun(row: Row): LiveRun {
  return {
    id: row.id,
    source: row.source,
    startedWallMs: row.started_wall_ms,
    recoveries: row.recoveries,
    ...(row.first_input_ms !== null ? { firstInputMs: row.first_input_ms } : {}),
    ...(row.reached_ms !== null ? { reachedMs: row.reached_ms } : {}),
    ...(row.ended_wall_ms !== null ? { endedWallMs: row.ended_wall_ms } : {}),
  };
}

export function createLiveRunsRepository(db: BetterSqlite3.Database, decisions: DecisionsRepository): LiveRunsRepository {
  const selectLatest = db.prepare(`SELECT * FROM live_runs ORDER BY id DESC LIMIT 1`);
  const selectOne = db.prepare(`SELECT * FROM live_runs WHERE id = ?`);
  const insert = db.prepare(`INSERT INTO live_runs (source, started_wall_ms) VALUES (?, ?)`);
  const countRecovery = db.prepare(`UPDATE live_runs SET recoveries = recoveries + 1 WHERE id = ?`);
  const setFirstInput = db.prepare(`UPDATE live_runs SET first_input_ms = ? WHERE id = ? AND first_input_ms IS NULL`);
  const setReached = db.prepare(`UPDATE live_runs SET reached_ms = max(coalesce(reached_ms, ?), ?) WHERE id = ?`);
  const setEnded = db.prepare(`UPDATE live_runs SET ended_wall_ms = ? WHERE id = ? AND ended_wall_ms IS NULL`);
  const selectDecisions = db.prepare(`SELECT json FROM decisions WHERE run_id = ? ORDER BY id`).pluck();

  const openOrResume = db.transaction((source: string, wallMs: number) => {
    const latest = selectLatest.get() as Row | undefined;
    if (latest && latest.ended_wall_ms === null) {
      if (latest.source === source) {
        countRecovery.run(latest.id);
        return { run: toRun(selectOne.get(latest.id) as Row), resumed: true };
      }
      setEnded.run(wallMs, latest.id);
    }
    const id = Number(insert.run(source, wallMs).lastInsertRowid);
    return { run: toRun(selectOne.get(id) as Row), resumed: false };
  });
  const commit = db.transaction((runId: number, list: readonly StoredDecisionInput[], reachedMs: number) => {
    decisions.appendMany(list.map((d) => ({ ...d, runId })));
    setReached.run(reachedMs, reachedMs, runId);
  });

  return {
    // IMMEDIATE: two processes starting at once must not both resume the same run.
    openOrResume: (source, wallMs) => openOrResume.immediate(source, wallMs),
    markFirstInput: (runId, t) => void setFirstInput.run(t, runId),
    commit: (runId, list, reachedMs) => commit(runId, list, reachedMs),
    end: (runId, wallMs) => void setEnded.run(wallMs, runId),
    get: (runId) => {
      const row = selectOne.get(runId) as Row | undefined;
      return row ? toRun(row) : undefined;
    },
    storedDecisions: (runId) => selectDecisions.iterate(runId) as IterableIterator<string>,
  };
}
