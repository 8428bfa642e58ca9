// Facts on the live path: the live pipeline projects its decisions as it goes, and a live run cut
// short by a crash and resumed ends with the very facts of a run never interrupted — nothing
// counted twice (heat, funnel and product counts are sums, so a double would show).
import { beforeAll, describe, expect, it } from 'vitest';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { DEMO_STORE_KEY } from '../store/demo-key';
import { createLivePipeline } from '../live/live-pipeline';
import { feed, testWorld, type TestWorld } from '../live/live-test-world';
import { buildAnalyticsReport } from '../analytics/report';

let w: TestWorld;
beforeAll(() => {
  w = testWorld({ seed: 4, shoppers: 2, minutes: 1.5, plateHz: 15, chunkMs: 1000 });
}, 120_000);

const open = (file: string) => openStoreDatabase(file, { storeId: w.store.layout.id });
const pipelineOn = (db: StoreDatabase) => createLivePipeline({ store: w.store, db, storeKey: DEMO_STORE_KEY, source: 'simulator', speed: 1 });

/** What the facts say, without row ids. */
function factsOf(db: StoreDatabase) {
  const range = db.facts.dayBounds()!;
  const report = buildAnalyticsReport(w.store, db, { from: range.fromDay, to: range.toDay });
  const sessions = db.facts.listSessions().map((s) => ({ ...s, id: 0, runId: 0 }));
  return {
    sessions,
    counts: db.facts.counts(range),
    footfall: report.footfall,
    funnel: report.funnel,
    dwell: report.dwell,
    heat: report.heatmap.seconds,
    products: report.topProducts,
  };
}

describe('facts of the live pipeline', () => {
  it('are written as the run goes, and a resumed run ends with the facts of an uninterrupted one', () => {
    const reference = open(tempDbPath());
    const uninterrupted = pipelineOn(reference);
    feed(uninterrupted, w.inputs);
    uninterrupted.close();
    const expected = factsOf(reference);
    const receipts = reference.decisions.list({ kinds: ['receipt'] }).length;
    expect(expected.sessions.filter((s) => s.state !== 'open')).toHaveLength(receipts);
    expect(expected.counts.zoneVisits).toBeGreaterThan(5);
    expect(expected.heat.reduce((a, b) => a + b, 0)).toBeGreaterThan(60);

    const file = tempDbPath();
    const first = open(file);
    const crashing = pipelineOn(first);
    let firstTick: number | undefined;
    const crashAt = feed(crashing, w.inputs, { onTick: (t) => (firstTick ??= t) !== undefined && t - firstTick >= 60_000 && (t - firstTick) % 5000 === 0 });
    // Sessions were already there, open, while the run went on.
    expect(first.facts.listSessions().length).toBeGreaterThan(0);
    first.close(); // killed: no close, nothing finished

    const second = open(file);
    const resumed = pipelineOn(second);
    feed(resumed, w.inputs, { fromMs: crashAt + 1e-9 });
    resumed.close();
    expect(factsOf(second)).toEqual(expected);
    reference.close();
    second.close();
  }, 300_000);
});
