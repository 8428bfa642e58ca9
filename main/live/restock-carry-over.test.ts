// Restock mode across restarts, on the live pipeline over a real database: the staff actions that
// take the engine to the recorded state, a record that does not parse, and a run resumed after a
// crash, whose replay already restores the mode (nothing is applied twice) or whose lost last
// second is made good from the record.
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { syntheticSamples } from '../engine/shelves/synthetic';
import { testStore } from '../engine/shelves/test-store';
import { createLivePipeline, type LivePipeline } from './live-pipeline';
import { recordedRestock, recordRestock, restockDifference } from './restock-carry-over';

const store = testStore([
  { id: 'F1', shelves: [{ id: 'S1', plates: [{ id: 'A', sku: 'CRI-0001' }] }] },
  { id: 'F2', shelves: [{ id: 'S2', plates: [{ id: 'B', sku: 'BIS-0003' }] }] },
]);
const T0 = 1_780_000_000_000;
const opened: StoreDatabase[] = [];
const open = (file: string) => {
  const db = openStoreDatabase(file, { storeId: store.layout.id });
  opened.push(db);
  return db;
};
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const pipelineOn = (db: StoreDatabase, log?: (line: string) => void) => createLivePipeline({ store, db, storeKey: new Uint8Array(32), source: 'simulator', speed: 1, log });

/** Plate samples from `fromMs` to `toMs`, advancing every 100 ms as the live runner does. */
function feed(pipeline: LivePipeline, fromMs: number, toMs: number): void {
  const samples = syntheticSamples({ plates: [{ plate: 'A', levelG: 1000 }, { plate: 'B', levelG: 2000 }], startMs: fromMs, endMs: toMs, hz: 10, steps: [], seed: 3 });
  let next = fromMs;
  for (const input of samples) {
    while (input.t0 > next) pipeline.advance((next += 100));
    pipeline.push(input);
  }
  pipeline.advance(toMs);
}

describe('restockDifference', () => {
  it('starts what the record holds and the engine lacks, and ends what the record no longer holds, per actor', () => {
    const current = [{ fixture: 'F1', actors: ['ann', 'bob'], since: 5 }];
    const recorded = [
      { fixture: 'F1', actors: ['ann'], since: 5 },
      { fixture: 'F2', actors: ['cat'], since: 7 },
    ];
    expect(restockDifference(current, recorded, 100)).toEqual([
      { kind: 'staff-action', t: 100, actor: 'cat', action: 'restock-start', fixture: 'F2' },
      { kind: 'staff-action', t: 100, actor: 'bob', action: 'restock-end', fixture: 'F1' },
    ]);
    expect(restockDifference(recorded, recorded, 100)).toEqual([]);
  });
});

describe('restock mode over restarts of the live pipeline', () => {
  it('reads an unreadable record as none, says so, and starts without restock mode', () => {
    const db = open(tempDbPath());
    db.settings.set('live.restock-mode.simulator', [{ fixture: 'F1', actors: [], since: 'yesterday' }]);
    const lines: string[] = [];
    expect(recordedRestock(db, 'simulator', (line) => lines.push(line))).toEqual([]);
    expect(lines[0]).toMatch(/^walkout: the recorded restock mode \(live\.restock-mode\.simulator\) is unreadable and was ignored/);
    const pipeline = pipelineOn(db, () => undefined);
    feed(pipeline, T0, T0 + 2000);
    expect(pipeline.stock().restocking).toEqual([]);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 0 });
  });

  it('keeps each source’s record apart', () => {
    const db = open(tempDbPath());
    recordRestock(db, 'devices', [{ fixture: 'F1', actors: ['ann'], since: T0 }]);
    const pipeline = pipelineOn(db);
    feed(pipeline, T0, T0 + 2000);
    expect(pipeline.stock().restocking).toEqual([]);
  });

  it('applies nothing twice to a run resumed after a crash: its replay already holds the mode', () => {
    const file = tempDbPath();
    const first = open(file);
    const crashing = pipelineOn(first);
    feed(crashing, T0, T0 + 3000);
    crashing.staffAction('ann', 'restock-start', 'F1');
    feed(crashing, T0 + 3000, T0 + 12_000); // the recorder has committed the staff action
    first.close(); // killed: no close()

    const second = open(file);
    const resumed = pipelineOn(second);
    expect(resumed.recovery).toBeDefined();
    expect(resumed.stock().restocking).toEqual([{ fixture: 'F1', actors: ['ann'], since: T0 + 3000 }]);
    expect(resumed.stock().restored).toEqual([]);
    expect(second.audit.verify()).toEqual({ ok: true, entries: 0 });
  });

  it('makes good a switch-off that the crash took from the input log, from the record', () => {
    const file = tempDbPath();
    const first = open(file);
    const crashing = pipelineOn(first);
    feed(crashing, T0, T0 + 3000);
    crashing.staffAction('ann', 'restock-start', 'F1');
    feed(crashing, T0 + 3000, T0 + 10_100); // the start is committed…
    crashing.staffAction('ann', 'restock-end', 'F1'); // …the end is recorded as state, not yet in the log
    first.close();

    const second = open(file);
    const resumed = pipelineOn(second);
    expect(resumed.stock().restocking).toEqual([]);
    expect(second.audit.list({ limit: 1 })[0]).toMatchObject({
      actor: 'walkout',
      action: 'restock-mode.restore',
      subject: 'fixture:F1',
      before: { restocking: true, actors: ['ann'] },
      after: { restocking: false, actors: [] },
    });
  });

  it('switches restock mode back on at the first input of a new run, recorded for replay', () => {
    const file = tempDbPath();
    const first = open(file);
    const before = pipelineOn(first);
    feed(before, T0, T0 + 2000);
    before.staffAction('ann', 'restock-start', 'F2');
    before.staffAction('bob', 'restock-start', 'F2');
    before.close();

    const after = pipelineOn(first);
    expect(after.run.id).toBe(before.run.id + 1);
    expect(after.stock().restocking).toEqual([]); // nothing before the engine's first moment
    feed(after, T0 + 5000, T0 + 7000);
    expect(after.stock().restocking).toEqual([{ fixture: 'F2', actors: ['ann', 'bob'], since: T0 + 5000 }]);
    expect(after.stock().restored).toEqual([{ fixture: 'F2', actors: ['ann', 'bob'], at: T0 + 5000, since: T0 + 2000 }]);
    after.close();
    expect(first.liveRuns.get(after.run.id)).toMatchObject({ firstInputMs: T0 + 5000 });
  });
});
