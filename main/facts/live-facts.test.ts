// Facts on the live path: the live pipeline projects its decisions as it goes, and a live run cut
// short by a crash and resumed ends with the very facts of a run never interrupted — nothing
// counted twice (heat, funnel and product counts are sums, so a double would show).
import { beforeAll, describe, expect, it } from 'vitest';
import type { StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { feed, type TestWorld } from '../live/live-test-world';
import { crashAfter, crashTestWorld, simulatedRuns } from '../live/test-support/live-harness';
import { buildAnalyticsReport } from '../analytics/report';

let w: TestWorld;
beforeAll(() => {
  w = crashTestWorld();
}, 120_000);
const runs = simulatedRuns(() => w);

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
    const reference = runs.uninterrupted();
    const expected = factsOf(reference);
    const receipts = reference.decisions.list({ kinds: ['receipt'] }).length;
    expect(expected.sessions.filter((s) => s.state !== 'open')).toHaveLength(receipts);
    expect(expected.counts.zoneVisits).toBeGreaterThan(5);
    expect(expected.heat.reduce((a, b) => a + b, 0)).toBeGreaterThan(60);

    const file = tempDbPath();
    const first = runs.open(file);
    const crashing = runs.pipelineOn(first);
    const crashAt = feed(crashing, w.inputs, { onTick: crashAfter(60_000, { atCommit: true }) });
    // Sessions were already there, open, while the run went on.
    expect(first.facts.listSessions().length).toBeGreaterThan(0);
    first.close(); // killed: no close, nothing finished

    const second = runs.open(file);
    const resumed = runs.pipelineOn(second);
    feed(resumed, w.inputs, { fromMs: crashAt + 1e-9 });
    resumed.close();
    expect(factsOf(second)).toEqual(expected);
    reference.close();
    second.close();
  }, 300_000);
});
