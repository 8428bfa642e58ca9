// Facts from the real engine: a short simulated run replayed by `walkout replay` must leave facts
// that agree with the decisions stored beside them (one session per receipt, the receipt's lines,
// every shelf event), paths at 2 Hz, and the same facts again when replayed a second time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReceiptDecision } from '../engine/decisions';
import { replayRunDir } from '../runs/replay';
import { openRunDatabase, readJson, type RunMeta } from '../runs/run-dir';
import { simulateToDir } from '../runs/simulate';
import { loadDemoStore } from '../store/load';

const dir = join(mkdtempSync(join(tmpdir(), 'walkout-facts-')), 'run');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function snapshot() {
  const db = openRunDatabase(dir, readJson<RunMeta>(dir, 'meta'));
  try {
    const receipts = db.decisions.list({ kinds: ['receipt'] }).map((d) => JSON.parse(d.json) as ReceiptDecision);
    const shelfEvents = db.decisions.list({ kinds: ['shelf-event'] }).length;
    const range = db.facts.dayBounds()!;
    const sessions = db.facts.listSessions({ limit: 10_000 });
    const detail = sessions.map((s) => ({
      session: s,
      lines: db.facts.sessionLines(s.id),
      visits: db.facts.sessionZoneVisits(s.id),
      paths: db.facts.sessionPaths(s.id),
    }));
    return { receipts, shelfEvents, range, sessions, detail, events: [...db.facts.iterateShelfEvents(range)], counts: db.facts.counts(range) };
  } finally {
    db.close();
  }
}

describe('facts of a replayed run', () => {
  simulateToDir(loadDemoStore(), { outDir: dir, scenario: null, seed: 11, shoppers: 8, minutes: 3 });
  replayRunDir(dir);
  const first = snapshot();

  it('has one closed session per receipt, with its state and lines', () => {
    expect(first.receipts.length).toBeGreaterThan(3);
    const closed = first.sessions.filter((s) => s.state !== 'open');
    expect(closed).toHaveLength(first.receipts.length);
    for (const receipt of first.receipts) {
      const { session, lines } = first.detail.find((d) => d.session.sessionId === receipt.sessionId)!;
      expect(session.state).toBe(receipt.status);
      expect(lines.map((l) => [l.sku, l.quantity]).sort()).toEqual(receipt.lines.map((l) => [l.sku, l.quantity]).sort());
      expect(session.units).toBe(receipt.lines.reduce((n, l) => n + Math.max(0, l.quantity), 0));
      expect(session.flags.length > 0).toBe(receipt.flags.length > 0);
    }
  });

  it('has every shelf event, and shoppers who visited zones along 2 Hz paths', () => {
    expect(first.events).toHaveLength(first.shelfEvents);
    const withVisits = first.detail.filter((d) => d.visits.length > 0);
    expect(withVisits.length).toBeGreaterThan(first.sessions.length / 2);
    const walked = first.detail.flatMap((d) => d.paths).filter((p) => p.points.t.length > 10);
    expect(walked.length).toBeGreaterThan(0);
    for (const path of walked) {
      for (let i = 1; i < path.points.t.length; i++) expect(path.points.t[i]! - path.points.t[i - 1]!).toBeGreaterThanOrEqual(500);
    }
  });

  it('replays to the same facts', () => {
    replayRunDir(dir);
    const again = snapshot();
    expect(again.counts).toEqual(first.counts);
    const strip = (s: ReturnType<typeof snapshot>) => s.detail.map((d) => ({ ...d, session: { ...d.session, id: 0, runId: 0 }, lines: d.lines.map((l) => ({ ...l, session: 0 })), visits: d.visits.map((v) => ({ ...v, session: 0, runId: 0 })), paths: d.paths.map((p) => ({ ...p, runId: 0 })) }));
    expect(strip(again)).toEqual(strip(first));
  });
});
