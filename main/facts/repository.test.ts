// The facts repository: a batch is written whole or not at all, a run can be reset (a resumed live
// run) without touching others, and session search filters as the replay and review lists need.
import { describe, expect, it } from 'vitest';
import { openStoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { emptyBatch, type SessionFact } from './types';

const session = (sessionId: string, over: Partial<SessionFact> = {}): SessionFact => ({
  sessionId, kind: 'shopper', account: `acct_${sessionId}`, groupSize: 1, people: 1, enteredMs: 1000, state: 'charged', flags: [],
  units: 1, valueMinor: 250, pickedUnits: 1, putBackUnits: 0, day: '2026-11-20', hour: 9, ...over,
});

function openDb() {
  return openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
}

describe('facts repository', () => {
  it('writes a batch whole or not at all', () => {
    const db = openDb();
    const run = db.facts.beginRun('live', 0);
    const bad = { ...emptyBatch(), sessions: [session('S1')], lines: [{ sessionId: 'S404', day: '2026-11-20', sku: 'x', quantity: 1, confidence: 1 }] };
    expect(() => db.facts.write(run, bad)).toThrow(/session S404 of run 1 was never opened/);
    expect(db.facts.listSessions()).toEqual([]);
    db.close();
  });

  it('resets one run without touching another', () => {
    const db = openDb();
    const a = db.facts.beginRun('live', 0);
    const b = db.facts.beginRun('live', 5);
    const batch = (id: string) => ({
      ...emptyBatch(),
      sessions: [session(id)],
      lines: [{ sessionId: id, day: '2026-11-20', sku: 'cola', quantity: 2, confidence: 0.9 }],
      heat: [{ day: '2026-11-20', ix: 1, iy: 2, seconds: 3 }],
      paths: [{ trackId: 1, t0Ms: 0, t1Ms: 0, count: 1, points: new Uint8Array(12), day: '2026-11-20' }],
    });
    db.facts.write(a, batch('S1'));
    db.facts.write(b, batch('S1'));
    expect(db.facts.counts({ fromDay: '2026-11-20', toDay: '2026-11-20' })).toMatchObject({ sessions: 2, lines: 2 });
    db.facts.resetRun(a, 'live', 0);
    expect(db.facts.listSessions().map((s) => s.runId)).toEqual([b]);
    expect(db.facts.trackPaths(a, [1])[0]!.points.t.length).toBe(0);
    expect(db.facts.trackPaths(b, [1])[0]!.points.t.length).toBe(1);
    // The run is writable again under the same id, as a resumed live run is.
    db.facts.write(a, batch('S1'));
    expect(db.facts.listSessions()).toHaveLength(2);
    db.close();
  });

  it('lists sessions newest first, filtered by day, state, flags, id or account prefix and SKU', () => {
    const db = openDb();
    const run = db.facts.beginRun('replay', 0);
    db.facts.write(run, {
      ...emptyBatch(),
      sessions: [
        session('S1', { enteredMs: 1, day: '2026-11-19' }),
        session('S2', { enteredMs: 2, state: 'held-for-review', flags: ['close-second'] }),
        session('S10', { enteredMs: 3, account: 'a%b' }),
        session('A1', { enteredMs: 4, kind: 'anonymous', account: undefined }),
      ],
      lines: [{ sessionId: 'S10', day: '2026-11-20', sku: 'cola', quantity: 1, confidence: 1 }],
    });
    const ids = (q: Parameters<typeof db.facts.listSessions>[0]) => db.facts.listSessions(q).map((s) => s.sessionId);
    expect(ids({})).toEqual(['A1', 'S10', 'S2', 'S1']);
    expect(ids({ fromDay: '2026-11-20' })).toEqual(['A1', 'S10', 'S2']);
    expect(ids({ state: 'held-for-review' })).toEqual(['S2']);
    expect(ids({ flagged: false })).toEqual(['A1', 'S10', 'S1']);
    expect(ids({ search: 'S1' })).toEqual(['S10', 'S1']);
    // LIKE wildcards in the search are literal characters.
    expect(ids({ search: 'a%' })).toEqual(['S10']);
    expect(ids({ search: '%' })).toEqual([]);
    expect(ids({ sku: 'cola' })).toEqual(['S10']);
    expect(ids({ limit: 1, offset: 1 })).toEqual(['S10']);
    expect(db.facts.getSession(999)).toBeUndefined();
    expect(db.facts.dayBounds()).toEqual({ fromDay: '2026-11-19', toDay: '2026-11-20' });
    db.close();
  });
});
