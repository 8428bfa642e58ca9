// The facts tables behind a typed repository (schema 8): the projection writes batches in one
// transaction each; replay, review, exports and the analytics read sessions, lines, events, visits
// and paths back. Sessions are addressed by their row id (stable in a database) and also carry their
// engine run and engine session id, which is how the decisions table names them.
import type BetterSqlite3 from 'better-sqlite3';
import type { FlagReason } from '../engine/decisions';
import { decodePath, type PathPoints } from './path-chunks';
import type {
  AttributionKind,
  FactsBatch,
  SessionFact,
  SessionKind,
  SessionLineFact,
  SessionState,
  SessionTrackFact,
  ShelfEventFact,
  ZoneVisitFact,
} from './types';

export type FactsSource = 'live' | 'replay' | 'bench';

export interface StoredSession extends SessionFact {
  /** Row id: the session's handle in this database. */
  id: number;
  runId: number;
}

export interface StoredSessionLine extends Omit<SessionLineFact, 'sessionId'> {
  session: number;
}

export interface StoredShelfEvent extends Omit<ShelfEventFact, 'sessionId'> {
  runId: number;
  session?: number;
}

export interface StoredZoneVisit extends Omit<ZoneVisitFact, 'sessionId'> {
  runId: number;
  session?: number;
}

export interface StoredSessionTrack extends Omit<SessionTrackFact, 'sessionId'> {
  runId: number;
}

export interface TrackPath {
  runId: number;
  trackId: number;
  points: PathPoints;
}

export interface SessionQuery {
  /** Store-local days, inclusive. */
  fromDay?: string;
  toDay?: string;
  state?: SessionState;
  flagged?: boolean;
  /** Sessions whose engine id or account starts with this. */
  search?: string;
  /** Sessions with this SKU on their receipt. */
  sku?: string;
  limit?: number;
  offset?: number;
}

export interface DayRange {
  fromDay: string;
  toDay: string;
}

export interface FactsRepository {
  /** Starts an engine run whose sessions and tracks are numbered afresh; returns its id. */
  beginRun(source: FactsSource, startedMs: number): number;
  /**
   * Starts run `runId` afresh under that id, deleting whatever facts it had: a live run (numbered by
   * live_runs) resumed after a crash is projected again from its first input.
   */
  resetRun(runId: number, source: FactsSource, startedMs: number): void;
  /** Writes one projection batch of run `runId` in one transaction. */
  write(runId: number, batch: FactsBatch): void;
  /** Replaces every fact with one new run's batches in one transaction (a replay); returns the run id. */
  replaceAll(source: FactsSource, startedMs: number, batches: Iterable<FactsBatch>): number;
  /** Newest first. */
  listSessions(query?: SessionQuery): StoredSession[];
  getSession(id: number): StoredSession | undefined;
  sessionLines(id: number): StoredSessionLine[];
  sessionTracks(id: number): StoredSessionTrack[];
  sessionShelfEvents(id: number): StoredShelfEvent[];
  sessionZoneVisits(id: number): StoredZoneVisit[];
  /** The floor paths of the session's member tracks (2 Hz), each in time order. */
  sessionPaths(id: number): TrackPath[];
  trackPaths(runId: number, trackIds: readonly number[], fromMs?: number, toMs?: number): TrackPath[];
  /** The first and last store-local day holding sessions; undefined when there are none. */
  dayBounds(): DayRange | undefined;
  iterateSessions(range: DayRange): IterableIterator<StoredSession>;
  iterateLines(range: DayRange): IterableIterator<StoredSessionLine & { sessionId: string; runId: number; account?: string }>;
  iterateShelfEvents(range: DayRange): IterableIterator<StoredShelfEvent & { sessionId?: string }>;
  iterateZoneVisits(range: DayRange): IterableIterator<StoredZoneVisit & { sessionId?: string }>;
  counts(range: DayRange): { sessions: number; lines: number; shelfEvents: number; zoneVisits: number };
}

interface SessionRow {
  id: number;
  run_id: number;
  session_id: string;
  kind: SessionKind;
  account: string | null;
  token_nonce: string | null;
  gate: string | null;
  group_size: number;
  people: number;
  entered_ms: number;
  exited_ms: number | null;
  closed_ms: number | null;
  day: string;
  hour: number;
  state: SessionState;
  reasons: string;
  units: number;
  value_minor: number;
  picked_units: number;
  put_back_units: number;
}

interface EventRow {
  run_id: number;
  event_id: string;
  session: number | null;
  session_id?: string | null;
  start_ms: number;
  end_ms: number;
  day: string;
  hour: number;
  fixture: string;
  shelf: string;
  plates: string;
  zone: string | null;
  delta_grams: number;
  sku: string | null;
  quantity: number;
  probability: number | null;
  attribution: AttributionKind;
  attribution_probability: number | null;
}

interface VisitRow {
  run_id: number;
  session: number | null;
  session_id?: string | null;
  track_id: number;
  zone: string;
  entered_ms: number;
  exited_ms: number;
  day: string;
  hour: number;
}

interface LineRow {
  session: number;
  session_id?: string;
  run_id?: number;
  account?: string | null;
  sku: string;
  day: string;
  quantity: number;
  confidence: number;
  unit_price_minor: number | null;
}

const SESSION_COLUMNS = `id, run_id, session_id, kind, account, token_nonce, gate, group_size, people, entered_ms, exited_ms, closed_ms, day, hour, state, reasons, units, value_minor, picked_units, put_back_units`;

function toSession(r: SessionRow): StoredSession {
  return {
    id: r.id,
    runId: r.run_id,
    sessionId: r.session_id,
    kind: r.kind,
    ...(r.account !== null ? { account: r.account } : {}),
    ...(r.token_nonce !== null ? { tokenNonce: r.token_nonce } : {}),
    ...(r.gate !== null ? { gate: r.gate } : {}),
    groupSize: r.group_size,
    people: r.people,
    enteredMs: r.entered_ms,
    ...(r.exited_ms !== null ? { exitedMs: r.exited_ms } : {}),
    ...(r.closed_ms !== null ? { closedMs: r.closed_ms } : {}),
    day: r.day,
    hour: r.hour,
    state: r.state,
    flags: JSON.parse(r.reasons) as FlagReason[],
    units: r.units,
    valueMinor: r.value_minor,
    pickedUnits: r.picked_units,
    putBackUnits: r.put_back_units,
  };
}

function toEvent(r: EventRow): StoredShelfEvent & { sessionId?: string } {
  return {
    runId: r.run_id,
    eventId: r.event_id,
    ...(r.session !== null ? { session: r.session } : {}),
    ...(r.session_id ? { sessionId: r.session_id } : {}),
    startMs: r.start_ms,
    endMs: r.end_ms,
    day: r.day,
    hour: r.hour,
    fixture: r.fixture,
    shelf: r.shelf,
    plates: JSON.parse(r.plates) as string[],
    ...(r.zone !== null ? { zone: r.zone } : {}),
    deltaGrams: r.delta_grams,
    ...(r.sku !== null ? { sku: r.sku } : {}),
    quantity: r.quantity,
    ...(r.probability !== null ? { probability: r.probability } : {}),
    attribution: r.attribution,
    ...(r.attribution_probability !== null ? { attributionProbability: r.attribution_probability } : {}),
  };
}

function toVisit(r: VisitRow): StoredZoneVisit & { sessionId?: string } {
  return {
    runId: r.run_id,
    ...(r.session !== null ? { session: r.session } : {}),
    ...(r.session_id ? { sessionId: r.session_id } : {}),
    trackId: r.track_id,
    zone: r.zone,
    enteredMs: r.entered_ms,
    exitedMs: r.exited_ms,
    day: r.day,
    hour: r.hour,
  };
}

function toLine(r: LineRow): StoredSessionLine {
  return {
    session: r.session,
    sku: r.sku,
    day: r.day,
    quantity: r.quantity,
    confidence: r.confidence,
    ...(r.unit_price_minor !== null ? { unitPriceMinor: r.unit_price_minor } : {}),
  };
}

const nullable = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

export function createFactsRepository(db: BetterSqlite3.Database): FactsRepository {
  const insertRun = db.prepare(`INSERT INTO fact_runs (source, started_ms) VALUES (?, ?) RETURNING id`).pluck();
  const upsertSession = db
    .prepare(
      `INSERT INTO fact_sessions (run_id, session_id, kind, account, token_nonce, gate, group_size, people, entered_ms, exited_ms, closed_ms, day, hour, state, flagged, reasons, units, value_minor, picked_units, put_back_units)
       VALUES (@runId, @sessionId, @kind, @account, @tokenNonce, @gate, @groupSize, @people, @enteredMs, @exitedMs, @closedMs, @day, @hour, @state, @flagged, @reasons, @units, @valueMinor, @pickedUnits, @putBackUnits)
       ON CONFLICT (run_id, session_id) DO UPDATE SET
         people = excluded.people, exited_ms = excluded.exited_ms, closed_ms = excluded.closed_ms, state = excluded.state,
         flagged = excluded.flagged, reasons = excluded.reasons, units = excluded.units, value_minor = excluded.value_minor,
         picked_units = excluded.picked_units, put_back_units = excluded.put_back_units
       RETURNING id`,
    )
    .pluck();
  const selectSessionId = db.prepare(`SELECT id FROM fact_sessions WHERE run_id = ? AND session_id = ?`).pluck();
  const insertTrack = db.prepare(`INSERT OR IGNORE INTO fact_session_tracks (session, run_id, track_id, via, t_ms) VALUES (?, ?, ?, ?, ?)`);
  const upsertLine = db.prepare(
    `INSERT INTO fact_session_lines (session, sku, day, quantity, confidence, unit_price_minor) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (session, sku) DO UPDATE SET quantity = excluded.quantity, confidence = excluded.confidence, unit_price_minor = excluded.unit_price_minor`,
  );
  const upsertEvent = db.prepare(
    `INSERT INTO fact_shelf_events (run_id, event_id, session, start_ms, end_ms, day, hour, fixture, shelf, plates, zone, delta_grams, sku, quantity, probability, attribution, attribution_probability)
     VALUES (@runId, @eventId, @session, @startMs, @endMs, @day, @hour, @fixture, @shelf, @plates, @zone, @deltaGrams, @sku, @quantity, @probability, @attribution, @attributionProbability)
     ON CONFLICT (run_id, event_id) DO UPDATE SET session = excluded.session, sku = excluded.sku, quantity = excluded.quantity,
       probability = excluded.probability, attribution = excluded.attribution, attribution_probability = excluded.attribution_probability`,
  );
  const insertVisit = db.prepare(
    `INSERT INTO fact_zone_visits (run_id, session, track_id, zone, entered_ms, exited_ms, dwell_ms, day, hour) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addSessionHour = db.prepare(
    `INSERT INTO fact_session_hours (day, run_id, hour, sessions, people, closed, purchasing, picked_units, put_back_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, run_id, hour) DO UPDATE SET sessions = sessions + excluded.sessions, people = people + excluded.people,
       closed = closed + excluded.closed, purchasing = purchasing + excluded.purchasing,
       picked_units = picked_units + excluded.picked_units, put_back_units = put_back_units + excluded.put_back_units`,
  );
  const addBasket = db.prepare(
    `INSERT INTO fact_basket_days (day, run_id, units, sessions, value_minor) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day, run_id, units) DO UPDATE SET sessions = sessions + excluded.sessions, value_minor = value_minor + excluded.value_minor`,
  );
  const addZoneDay = db.prepare(
    `INSERT INTO fact_zone_days (day, run_id, zone, visited, dwelt, picked, purchased) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, run_id, zone) DO UPDATE SET visited = visited + excluded.visited, dwelt = dwelt + excluded.dwelt,
       picked = picked + excluded.picked, purchased = purchased + excluded.purchased`,
  );
  const addProductDay = db.prepare(
    `INSERT INTO fact_product_days (day, run_id, sku, units, revenue_minor, receipts) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, run_id, sku) DO UPDATE SET units = units + excluded.units, revenue_minor = revenue_minor + excluded.revenue_minor,
       receipts = receipts + excluded.receipts`,
  );
  const addDwell = db.prepare(
    `INSERT INTO fact_dwell_seconds (day, run_id, zone, seconds, visits, total_ms) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (day, run_id, zone, seconds) DO UPDATE SET visits = visits + excluded.visits, total_ms = total_ms + excluded.total_ms`,
  );
  const insertPath = db.prepare(`INSERT INTO fact_track_paths (run_id, track_id, t0_ms, t1_ms, day, count, points) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const addHeat = db.prepare(
    `INSERT INTO fact_heat_cells (day, run_id, ix, iy, seconds) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (day, run_id, ix, iy) DO UPDATE SET seconds = seconds + excluded.seconds`,
  );
  const selectSession = db.prepare(`SELECT ${SESSION_COLUMNS} FROM fact_sessions WHERE id = ?`);
  const selectLines = db.prepare(`SELECT * FROM fact_session_lines WHERE session = ? ORDER BY sku`);
  const selectTracks = db.prepare(`SELECT * FROM fact_session_tracks WHERE session = ? ORDER BY t_ms, track_id`);
  const selectEvents = db.prepare(`SELECT * FROM fact_shelf_events WHERE session = ? ORDER BY start_ms, id`);
  const selectVisits = db.prepare(`SELECT * FROM fact_zone_visits WHERE session = ? ORDER BY entered_ms, id`);
  const selectChunks = db.prepare(
    `SELECT t0_ms, count, points FROM fact_track_paths WHERE run_id = ? AND track_id = ? AND t1_ms >= ? AND t0_ms <= ? ORDER BY t0_ms`,
  );
  const selectDayBounds = db.prepare(`SELECT min(day) AS fromDay, max(day) AS toDay FROM fact_sessions`);

  /** Row ids of sessions already seen, so a batch's children need no lookup per row. */
  const sessionIds = new Map<string, number>();
  const sessionRowId = (runId: number, sessionId: string): number | undefined => {
    const key = `${runId}:${sessionId}`;
    let id = sessionIds.get(key);
    if (id === undefined) {
      id = selectSessionId.get(runId, sessionId) as number | undefined;
      if (id !== undefined) sessionIds.set(key, id);
    }
    return id;
  };

  const writeBatch = (runId: number, batch: FactsBatch): void => {
    if (sessionIds.size > 100_000) sessionIds.clear();
    for (const s of batch.sessions) {
      const id = upsertSession.get({
        runId,
        sessionId: s.sessionId,
        kind: s.kind,
        account: nullable(s.account),
        tokenNonce: nullable(s.tokenNonce),
        gate: nullable(s.gate),
        groupSize: s.groupSize,
        people: s.people,
        enteredMs: Math.round(s.enteredMs),
        exitedMs: s.exitedMs === undefined ? null : Math.round(s.exitedMs),
        closedMs: s.closedMs === undefined ? null : Math.round(s.closedMs),
        day: s.day,
        hour: s.hour,
        state: s.state,
        flagged: s.flags.length > 0 ? 1 : 0,
        reasons: JSON.stringify(s.flags),
        units: s.units,
        valueMinor: s.valueMinor,
        pickedUnits: s.pickedUnits,
        putBackUnits: s.putBackUnits,
      }) as number;
      sessionIds.set(`${runId}:${s.sessionId}`, id);
    }
    const required = (sessionId: string): number => {
      const id = sessionRowId(runId, sessionId);
      if (id === undefined) throw new Error(`facts: session ${sessionId} of run ${runId} was never opened`);
      return id;
    };
    const optional = (sessionId: string | undefined): number | null => (sessionId === undefined ? null : (sessionRowId(runId, sessionId) ?? null));
    for (const t of batch.sessionTracks) insertTrack.run(required(t.sessionId), runId, t.trackId, t.via, Math.round(t.tMs));
    for (const l of batch.lines) upsertLine.run(required(l.sessionId), l.sku, l.day, l.quantity, l.confidence, nullable(l.unitPriceMinor));
    for (const e of batch.shelfEvents) {
      upsertEvent.run({
        runId,
        eventId: e.eventId,
        session: optional(e.sessionId),
        startMs: Math.round(e.startMs),
        endMs: Math.round(e.endMs),
        day: e.day,
        hour: e.hour,
        fixture: e.fixture,
        shelf: e.shelf,
        plates: JSON.stringify(e.plates),
        zone: nullable(e.zone),
        deltaGrams: e.deltaGrams,
        sku: nullable(e.sku),
        quantity: e.quantity,
        probability: nullable(e.probability),
        attribution: e.attribution,
        attributionProbability: nullable(e.attributionProbability),
      });
    }
    for (const v of batch.zoneVisits) {
      const entered = Math.round(v.enteredMs);
      const exited = Math.round(v.exitedMs);
      insertVisit.run(runId, optional(v.sessionId), v.trackId, v.zone, entered, exited, exited - entered, v.day, v.hour);
    }
    for (const h of batch.sessionHours) addSessionHour.run(h.day, runId, h.hour, h.sessions, h.people, h.closed, h.purchasing, h.pickedUnits, h.putBackUnits);
    for (const b of batch.baskets) addBasket.run(b.day, runId, b.units, b.sessions, b.valueMinor);
    for (const z of batch.zoneDays) addZoneDay.run(z.day, runId, z.zone, z.visited, z.dwelt, z.picked, z.purchased);
    for (const p of batch.productDays) addProductDay.run(p.day, runId, p.sku, p.units, p.revenueMinor, p.receipts);
    for (const d of batch.dwell) addDwell.run(d.day, runId, d.zone, d.seconds, d.visits, d.totalMs);
    for (const p of batch.paths) insertPath.run(runId, p.trackId, Math.round(p.t0Ms), Math.round(p.t1Ms), p.day, p.count, p.points);
    for (const h of batch.heat) addHeat.run(h.day, runId, h.ix, h.iy, h.seconds);
  };

  const write = db.transaction(writeBatch);
  const deleteRun = db.prepare(`DELETE FROM fact_runs WHERE id = ?`);
  const insertRunWithId = db.prepare(`INSERT INTO fact_runs (id, source, started_ms) VALUES (?, ?, ?)`);
  const resetRun = db.transaction((runId: number, source: FactsSource, startedMs: number) => {
    deleteRun.run(runId);
    for (const key of sessionIds.keys()) if (key.startsWith(`${runId}:`)) sessionIds.delete(key);
    insertRunWithId.run(runId, source, Math.round(startedMs));
  });
  const replaceAll = db.transaction((source: FactsSource, startedMs: number, batches: Iterable<FactsBatch>): number => {
    // Children first, so the cascade has nothing left to search for row by row.
    for (const table of ['fact_heat_cells', 'fact_dwell_seconds', 'fact_product_days', 'fact_zone_days', 'fact_basket_days', 'fact_session_hours', 'fact_track_paths', 'fact_zone_visits', 'fact_shelf_events', 'fact_session_lines', 'fact_session_tracks', 'fact_sessions', 'fact_runs']) {
      db.exec(`DELETE FROM ${table}`);
    }
    sessionIds.clear();
    const runId = insertRun.get(source, Math.round(startedMs)) as number;
    for (const batch of batches) writeBatch(runId, batch);
    return runId;
  });

  const paths = (runId: number, trackIds: readonly number[], fromMs = -Infinity, toMs = Infinity): TrackPath[] =>
    trackIds.map((trackId) => ({
      runId,
      trackId,
      points: decodePath(
        (selectChunks.all(runId, trackId, Number.isFinite(fromMs) ? fromMs : Number.MIN_SAFE_INTEGER, Number.isFinite(toMs) ? toMs : Number.MAX_SAFE_INTEGER) as {
          t0_ms: number;
          count: number;
          points: Buffer;
        }[]).map((c) => ({ t0Ms: c.t0_ms, count: c.count, points: c.points })),
      ),
    }));

  return {
    beginRun: (source, startedMs) => insertRun.get(source, Math.round(startedMs)) as number,
    resetRun: (runId, source, startedMs) => resetRun(runId, source, startedMs),
    write: (runId, batch) => write(runId, batch),
    replaceAll: (source, startedMs, batches) => replaceAll(source, startedMs, batches),
    listSessions(query = {}) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: string, ...values: unknown[]) => {
        where.push(clause);
        params.push(...values);
      };
      if (query.fromDay !== undefined) add('day >= ?', query.fromDay);
      if (query.toDay !== undefined) add('day <= ?', query.toDay);
      if (query.state !== undefined) add('state = ?', query.state);
      if (query.flagged !== undefined) add('flagged = ?', query.flagged ? 1 : 0);
      if (query.search) {
        const like = `${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        add(`(session_id LIKE ? ESCAPE '\\' OR account LIKE ? ESCAPE '\\')`, like, like);
      }
      if (query.sku !== undefined) add('id IN (SELECT session FROM fact_session_lines WHERE sku = ? AND quantity > 0)', query.sku);
      const limit = Math.max(0, Math.min(query.limit ?? 100, 10_000));
      const sql = `SELECT ${SESSION_COLUMNS} FROM fact_sessions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY entered_ms DESC, id DESC LIMIT ? OFFSET ?`;
      return (db.prepare(sql).all(...params, limit, Math.max(0, query.offset ?? 0)) as SessionRow[]).map(toSession);
    },
    getSession(id) {
      const row = selectSession.get(id) as SessionRow | undefined;
      return row ? toSession(row) : undefined;
    },
    sessionLines: (id) => (selectLines.all(id) as LineRow[]).map(toLine),
    sessionTracks: (id) =>
      (selectTracks.all(id) as { run_id: number; track_id: number; via: SessionTrackFact['via']; t_ms: number }[]).map((r) => ({
        runId: r.run_id,
        trackId: r.track_id,
        via: r.via,
        tMs: r.t_ms,
      })),
    sessionShelfEvents: (id) => (selectEvents.all(id) as EventRow[]).map(toEvent),
    sessionZoneVisits: (id) => (selectVisits.all(id) as VisitRow[]).map(toVisit),
    sessionPaths(id) {
      const tracks = (selectTracks.all(id) as { run_id: number; track_id: number }[]);
      if (tracks.length === 0) return [];
      return paths(tracks[0]!.run_id, tracks.map((t) => t.track_id));
    },
    trackPaths: paths,
    dayBounds() {
      const row = selectDayBounds.get() as { fromDay: string | null; toDay: string | null };
      return row.fromDay !== null && row.toDay !== null ? { fromDay: row.fromDay, toDay: row.toDay } : undefined;
    },
    *iterateSessions({ fromDay, toDay }) {
      for (const row of db.prepare(`SELECT ${SESSION_COLUMNS} FROM fact_sessions WHERE day BETWEEN ? AND ? ORDER BY day, entered_ms, id`).iterate(fromDay, toDay)) {
        yield toSession(row as SessionRow);
      }
    },
    *iterateLines({ fromDay, toDay }) {
      const sql = `SELECT l.*, s.session_id, s.run_id, s.account FROM fact_session_lines l JOIN fact_sessions s ON s.id = l.session
                   WHERE l.day BETWEEN ? AND ? ORDER BY l.day, l.session, l.sku`;
      for (const row of db.prepare(sql).iterate(fromDay, toDay)) {
        const r = row as LineRow;
        yield { ...toLine(r), sessionId: r.session_id!, runId: r.run_id!, ...(r.account ? { account: r.account } : {}) };
      }
    },
    *iterateShelfEvents({ fromDay, toDay }) {
      const sql = `SELECT e.*, s.session_id FROM fact_shelf_events e LEFT JOIN fact_sessions s ON s.id = e.session
                   WHERE e.day BETWEEN ? AND ? ORDER BY e.day, e.start_ms, e.id`;
      for (const row of db.prepare(sql).iterate(fromDay, toDay)) yield toEvent(row as EventRow);
    },
    *iterateZoneVisits({ fromDay, toDay }) {
      const sql = `SELECT v.*, s.session_id FROM fact_zone_visits v LEFT JOIN fact_sessions s ON s.id = v.session
                   WHERE v.day BETWEEN ? AND ? AND v.session IS NOT NULL ORDER BY v.day, v.entered_ms, v.id`;
      for (const row of db.prepare(sql).iterate(fromDay, toDay)) yield toVisit(row as VisitRow);
    },
    counts({ fromDay, toDay }) {
      const one = (sql: string) => db.prepare(sql).pluck().get(fromDay, toDay) as number;
      return {
        sessions: one(`SELECT count(*) FROM fact_sessions WHERE day BETWEEN ? AND ?`),
        lines: one(`SELECT count(*) FROM fact_session_lines WHERE day BETWEEN ? AND ?`),
        shelfEvents: one(`SELECT count(*) FROM fact_shelf_events WHERE day BETWEEN ? AND ?`),
        zoneVisits: one(`SELECT count(*) FROM fact_zone_visits WHERE day BETWEEN ? AND ? AND session IS NOT NULL`),
      };
    },
  };
}
