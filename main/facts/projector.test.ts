// The projection on a scripted shopper in the demo store: admitted, walks to the crisps gondola,
// picks two, puts one back, leaves; a member of staff walks in the stock-room door. The facts
// written to a real store database must say exactly that.
import { describe, expect, it } from 'vitest';
import { openStoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import type { EngineDecision } from '../engine/decisions';
import { locatePlates } from '../store/geometry';
import { loadDemoStore } from '../store/load';
import { FactsProjector } from './projector';
import { batchSize, type FactsBatch } from './types';

const store = loadDemoStore();
const plates = locatePlates(store.layout);
const g01Plate = [...plates.values()].find((p) => p.fixture.id === 'G01')!;
const sku = store.planogram.find((f) => f.plate === g01Plate.plate.id)!.sku;
const price = store.catalog.find((p) => p.sku === sku)!.priceMinor;

// 2026-11-21 10:00 in Dublin (UTC+0 in November).
const T0 = Date.parse('2026-11-21T10:00:00Z');

/** Points every 100 ms walking straight from a to b at 1 m/s, then standing for `standMs`. */
function walk(trackId: number, t0: number, a: [number, number], b: [number, number], standMs = 0): EngineDecision[] {
  const out: EngineDecision[] = [];
  const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const walkMs = Math.round(d * 1000);
  for (let dt = 0; dt <= walkMs + standMs; dt += 100) {
    const f = Math.min(1, dt / Math.max(walkMs, 1));
    out.push({ kind: 'track-point', t: t0 + dt, trackId, x: a[0] + f * (b[0] - a[0]), y: a[1] + f * (b[1] - a[1]) });
  }
  return out;
}

function shelfEvent(id: string, t: number, quantity: number): EngineDecision {
  return {
    kind: 'shelf-event', id, t, startMs: t - 1500, endMs: t - 200, fixture: 'G01', shelf: g01Plate.shelf.id, plates: [g01Plate.plate.id],
    deltaGrams: [-quantity * 50], hypotheses: [{ sku, quantity, probability: 0.93 }],
  };
}

function script(): EngineDecision[] {
  const shopper = [
    ...walk(1, T0 + 500, [3, 9.6], [3.6, 3.6], 20_000),
    ...walk(1, T0 + 27_000, [3.6, 3.6], [14, 9.7]),
  ];
  const staff = walk(2, T0 + 2000, [16.5, 0.6], [16.6, 0.7], 8000);
  const events: EngineDecision[] = [
    { kind: 'gate-admitted', t: T0, gate: 'entry-1', sessionId: 'S1', account: 'acct-1', groupSize: 1, tokenNonce: 'n1', expiresAtMs: T0 + 60_000 },
    { kind: 'session-member', t: T0 + 1500, sessionId: 'S1', trackId: 1, via: 'admission', gate: 'entry-1' },
    shelfEvent('E1', T0 + 15_000, 2),
    { kind: 'attribution', t: T0 + 15_000, eventId: 'E1', sessionId: 'S1', probability: 0.97, basis: 'posterior', candidates: [], nobody: { probability: 0.03 }, flags: [] },
    { kind: 'cart-change', t: T0 + 15_000, sessionId: 'S1', eventId: 'E1', sku, quantity: 2, confidence: 0.9, hypothesisRank: 0 },
    shelfEvent('E2', T0 + 20_000, -1),
    { kind: 'attribution', t: T0 + 20_000, eventId: 'E2', sessionId: 'S1', probability: 0.6, basis: 'posterior', candidates: [], nobody: { probability: 0.1 }, flags: ['close-second'] },
    { kind: 'cart-change', t: T0 + 20_000, sessionId: 'S1', eventId: 'E2', sku, quantity: -1, confidence: 0.8, hypothesisRank: 0 },
    { kind: 'session-flag', t: T0 + 20_000, sessionId: 'S1', reason: 'close-second', eventId: 'E2', detail: 'test' },
    shelfEvent('E3', T0 + 22_000, 1),
    { kind: 'attribution', t: T0 + 22_000, eventId: 'E3', sessionId: 'nobody', probability: 1, basis: 'restock-mode', candidates: [], nobody: { probability: 1 }, flags: [] },
    { kind: 'receipt', t: T0 + 45_000, sessionId: 'S1', tokenNonce: 'n1', status: 'held-for-review', lines: [{ sku, quantity: 1, confidence: 0.8 }], flags: ['close-second'] },
    { kind: 'track-ended', t: T0 + 46_000, trackId: 1, x: 14, y: 9.7 },
    { kind: 'track-ended', t: T0 + 46_000, trackId: 2, x: 16.6, y: 0.7 },
  ];
  return [...shopper, ...staff, ...events].sort((a, b) => a.t - b.t);
}

function project(decisions: EngineDecision[], drainEveryMs: number): FactsBatch[] {
  const projector = new FactsProjector(store);
  const batches: FactsBatch[] = [];
  let lastDrain = T0;
  for (const d of decisions) {
    projector.observe(d);
    if (d.t - lastDrain >= drainEveryMs) batches.push(projector.drain((lastDrain = d.t)));
  }
  batches.push(projector.finish(T0 + 60_000));
  return batches;
}

describe('FactsProjector', () => {
  const batches = project(script(), 2000);
  const db = openStoreDatabase(tempDbPath(), { storeId: store.layout.id });
  const runId = db.facts.beginRun('live', T0);
  for (const batch of batches) db.facts.write(runId, batch);
  const [session] = db.facts.listSessions();

  it('writes the session as its receipt closed it', () => {
    expect(db.facts.listSessions()).toHaveLength(1);
    expect(session).toMatchObject({
      runId, sessionId: 'S1', kind: 'shopper', account: 'acct-1', gate: 'entry-1', groupSize: 1, people: 1,
      enteredMs: T0, closedMs: T0 + 45_000, day: '2026-11-21', hour: 10, state: 'held-for-review', flags: ['close-second'],
      units: 1, valueMinor: price, pickedUnits: 2, putBackUnits: 1,
    });
    // Exited = the last point of its track before the receipt.
    expect(session!.exitedMs).toBeGreaterThan(T0 + 35_000);
    expect(session!.exitedMs).toBeLessThanOrEqual(T0 + 45_000);
    expect(db.facts.sessionLines(session!.id)).toEqual([{ session: session!.id, sku, day: '2026-11-21', quantity: 1, confidence: 0.8, unitPriceMinor: price }]);
    expect(db.facts.sessionTracks(session!.id)).toEqual([{ runId, trackId: 1, via: 'admission', tMs: T0 + 1500 }]);
  });

  it('writes shelf events with what the cart got and who was charged', () => {
    const events = db.facts.sessionShelfEvents(session!.id);
    expect(events.map((e) => [e.eventId, e.quantity, e.attribution, e.zone])).toEqual([
      ['E1', 2, 'session', 'dept-g01'],
      ['E2', -1, 'session', 'dept-g01'],
    ]);
    expect(events[1]).toMatchObject({ sku, probability: 0.8, attributionProbability: 0.6, fixture: 'G01', plates: [g01Plate.plate.id] });
    const all = [...db.facts.iterateShelfEvents({ fromDay: '2026-11-21', toDay: '2026-11-21' })];
    expect(all.find((e) => e.eventId === 'E3')).toMatchObject({ attribution: 'restock', quantity: 1 });
    expect(all.find((e) => e.eventId === 'E3')!.session).toBeUndefined();
  });

  it('writes zone visits with hysteresis and the funnel row of each zone', () => {
    const visits = db.facts.sessionZoneVisits(session!.id);
    const g01 = visits.filter((v) => v.zone === 'dept-g01');
    expect(g01).toHaveLength(1);
    expect(g01[0]!.exitedMs - g01[0]!.enteredMs).toBeGreaterThan(20_000);
    expect(visits.some((v) => v.zone === 'entrance')).toBe(true);
    // The staff track's visits are kept without a session and left out of the shopper export.
    const exported = [...db.facts.iterateZoneVisits({ fromDay: '2026-11-21', toDay: '2026-11-21' })];
    expect(exported.every((v) => v.sessionId === 'S1')).toBe(true);
    expect(exported).toHaveLength(visits.length);
    const zoneDays = batches.flatMap((b) => b.zoneDays);
    expect(zoneDays.find((z) => z.zone === 'dept-g01')).toEqual({ day: '2026-11-21', zone: 'dept-g01', visited: 1, dwelt: 1, picked: 1, purchased: 1 });
    // Walked through, never stood 5 s: visited only.
    expect(zoneDays.find((z) => z.zone === 'aisle-cross-1')).toMatchObject({ visited: 1, dwelt: 0, picked: 0 });
    const dwell = batches.flatMap((b) => b.dwell);
    expect(dwell.reduce((n, d) => n + d.visits, 0)).toBe(visits.length);
    const g01Dwell = dwell.find((d) => d.zone === 'dept-g01')!;
    expect(g01Dwell.seconds).toBe(Math.floor(g01Dwell.totalMs / 1000));
  });

  it('stores the path at 2 Hz and decodes it', () => {
    const [path] = db.facts.sessionPaths(session!.id);
    expect(path!.trackId).toBe(1);
    const n = path!.points.t.length;
    expect(n).toBeGreaterThan(70);
    for (let i = 1; i < n; i++) expect(path!.points.t[i]! - path!.points.t[i - 1]!).toBeGreaterThanOrEqual(500);
    expect(path!.points.x[0]).toBeCloseTo(3, 4);
    expect(path!.points.y[n - 1]).toBeCloseTo(9.7, 1);
  });

  it('drains nothing twice and the same facts whatever the drain rhythm', () => {
    const once = project(script(), Infinity);
    const strip = (bs: FactsBatch[]) => {
      const merged = bs.flatMap((b) => [...b.lines, ...b.shelfEvents, ...b.zoneVisits, ...b.zoneDays, ...b.dwell, ...b.sessionTracks]);
      return merged.map((r) => JSON.stringify(r)).sort();
    };
    expect(strip(batches)).toEqual(strip(once));
    const heat = (bs: FactsBatch[]) => bs.flatMap((b) => b.heat).reduce((s, h) => s + h.seconds, 0);
    expect(heat(batches)).toBeCloseTo(heat(once), 6);
    expect(batches.reduce((n, b) => n + batchSize(b), 0)).toBeGreaterThan(0);
  });

  it('counts heat for the shopper only, half a second per kept point', () => {
    const seconds = batches.flatMap((b) => b.heat).reduce((s, h) => s + h.seconds, 0);
    const shopperPoints = db.facts.sessionPaths(session!.id)[0]!.points.t.length;
    // Points before the track joined the session (1 s at the gate) are not a shopper's yet.
    expect(seconds).toBeGreaterThan((shopperPoints - 4) * 0.5);
    expect(seconds).toBeLessThanOrEqual(shopperPoints * 0.5);
  });
});
