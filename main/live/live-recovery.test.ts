// Resuming a live run after a crash, in process (the SIGKILL test is main/payments/crash.test.ts):
// the resumed engine re-makes exactly the decisions it had stored, stores none of them twice, and —
// when the crash lost no input — ends with the very decisions of a run never interrupted.
import { beforeAll, describe, expect, it } from 'vitest';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import type { ReceiptDecision } from '../engine/decisions';
import { RecordingWriter } from '../recording';
import { DecisionJournal } from './decision-journal';
import { StoredDecisionMatcher } from './live-recovery';
import { feed, type TestWorld } from './live-test-world';
import { crashAfter, crashTestWorld, simulatedRuns } from './test-support/live-harness';

let w: TestWorld;
beforeAll(() => {
  w = crashTestWorld();
}, 120_000);
const runs = simulatedRuns(() => w);

const sortedDecisions = (db: StoreDatabase) => db.decisions.list().map((d) => d.json).sort();
const receipts = (db: StoreDatabase) => db.decisions.list({ kinds: ['receipt'] }).map((d) => JSON.parse(d.json) as ReceiptDecision);

describe('a live run resumed after a crash', () => {
  it('re-makes what it had stored without storing it twice, and ends as if never interrupted', () => {
    const reference = runs.uninterrupted();
    expect(receipts(reference).map((r) => r.sessionId)).toEqual(['S1', 'S3', 'S2']);

    // Killed right after a tick that committed everything (the recorder flushes every 5 s of store time).
    const file = tempDbPath();
    const first = runs.open(file);
    const crashing = runs.pipelineOn(first);
    const crashAt = feed(crashing, w.inputs, { onTick: crashAfter(60_000, { atCommit: true }) });
    const storedBefore = first.decisions.count();
    expect(storedBefore).toBeGreaterThan(10);
    first.close(); // no pipeline.close(): nothing is finished, flushed or ended

    const second = runs.open(file);
    const resumed = runs.pipelineOn(second);
    expect(resumed.run).toMatchObject({ id: crashing.run.id, recoveries: 1 });
    expect(resumed.recovery).toMatchObject({ runId: crashing.run.id, alreadyStored: storedBefore, notRemade: 0 });
    expect(second.decisions.count()).toBe(storedBefore);
    feed(resumed, w.inputs, { fromMs: crashAt + 1e-9 });
    resumed.close();
    expect(sortedDecisions(second)).toEqual(sortedDecisions(reference));
    expect(second.liveRuns.get(resumed.run.id)).toMatchObject({ endedWallMs: expect.any(Number) });
    reference.close();
    second.close();
  }, 300_000);

  it('loses only the inputs it had not committed, and still issues each receipt exactly once', () => {
    const file = tempDbPath();
    const first = runs.open(file);
    const crashing = runs.pipelineOn(first);
    // Mid-tick of the recorder's cadence: the last second or two of inputs are still in memory.
    feed(crashing, w.inputs, { onTick: crashAfter(62_300) });
    const stored = first.decisions.list().map((d) => d.json);
    first.close();

    const second = runs.open(file);
    const resumed = runs.pipelineOn(second);
    expect(resumed.recovery).toMatchObject({ alreadyStored: stored.length, notRemade: 0 });
    feed(resumed, w.inputs, { fromMs: resumed.earliestInputMs });
    resumed.close();
    const after = second.decisions.list().map((d) => d.json);
    // Everything stored before the crash is still there, once.
    const counts = new Map<string, number>();
    for (const json of after) counts.set(json, (counts.get(json) ?? 0) + 1);
    for (const json of stored) expect(counts.get(json)).toBeGreaterThanOrEqual(1);
    expect(receipts(second).map((r) => r.sessionId).sort()).toEqual(['S1', 'S2', 'S3']);
    expect(second.decisions.list({ kinds: ['gate-admitted'] })).toHaveLength(3);
    second.close();
  }, 300_000);

  it('starts a new run after a clean stop, its inputs after everything recorded', () => {
    const file = tempDbPath();
    const db = runs.open(file);
    const a = runs.pipelineOn(db);
    feed(a, w.inputs, { toMs: w.world.startMs + 10_000 });
    a.close();
    const b = runs.pipelineOn(db);
    expect(b.run.id).toBe(a.run.id + 1);
    expect(b.recovery).toBeUndefined();
    expect(b.earliestInputMs).toBeGreaterThan(w.world.startMs + 9_000);
    b.close();
    db.close();
  }, 120_000);
});

describe('the decision journal', () => {
  it('stores a decision only once the inputs it rests on are committed, and makes a receipt commit them at once', () => {
    const db = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    const { run } = db.liveRuns.openOrResume('simulator', 1);
    const writer = new RecordingWriter(db);
    const journal = new DecisionJournal(db, run.id, writer);
    writer.write({ kind: 'gate-scan', gate: 'entry-1', t: 1000, token: 'x' });
    expect(writer.committedThroughMs).toBe(1000);
    journal.add({ t: 1000, kind: 'gate-refused', sessionId: undefined, json: '{"kind":"gate-refused"}' }, 1000);
    expect(journal.commit(1000).size).toBe(0);
    expect(db.decisions.count()).toBe(0);
    journal.add({ t: 1200, kind: 'receipt', sessionId: 'S1', json: '{"kind":"receipt"}' }, 1200);
    expect([...journal.commit(1200)].sort()).toEqual(['gate-refused', 'receipt']);
    expect(writer.committedThroughMs).toBe(Infinity);
    expect(db.inputLog.stats().batches).toBe(1);
    expect(db.decisions.list({ runId: run.id }).map((d) => d.kind)).toEqual(['gate-refused', 'receipt']);
    expect(db.liveRuns.get(run.id)).toMatchObject({ reachedMs: 1200 });
    db.close();
  });
});

describe('the stored-decision matcher', () => {
  it('recognises stored decisions in any order within its window, each as often as stored', () => {
    const matcher = new StoredDecisionMatcher(['a', 'b', 'a', 'c'][Symbol.iterator](), 3);
    expect(['c', 'a', 'b', 'a', 'a', 'd'].map((json) => matcher.alreadyStored(json))).toEqual([false, true, true, true, false, false]);
    // 'c' was beyond the window of 3 when it came; it is counted as not re-made.
    expect(matcher.finish()).toBe(1);
    expect(matcher.matched).toBe(3);
  });
});
