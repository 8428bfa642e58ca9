// The analytics report against figures computed independently from the facts rows: a generated
// store of two days, then every figure checked by counting the rows it summarises.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStoreDatabase } from '../db';
import { loadDemoStore } from '../store/load';
import { BusyStore } from './busy-store';
import { binCounts, buildAnalyticsReport, DWELL_BIN_EDGES_S, percentileOfCounts } from './report';

describe('percentiles and bins from counts', () => {
  it('finds the value a share of observations reaches', () => {
    // values 1,1,2,3,3,3,10 (counts per value)
    const values = [1, 2, 3, 10];
    const counts = [2, 1, 3, 1];
    expect(percentileOfCounts(values, counts, 0.5)).toBe(3);
    expect(percentileOfCounts(values, counts, 0.25)).toBe(1);
    expect(percentileOfCounts(values, counts, 0.9)).toBe(10);
    expect(percentileOfCounts([], [], 0.5)).toBe(0);
  });

  it('bins per-second counts, the last bin open-ended', () => {
    expect(binCounts([0, 4, 5, 59, 60, 3600], [1, 1, 1, 1, 1, 2], DWELL_BIN_EDGES_S)).toEqual([2, 1, 0, 0, 1, 1, 0, 0, 2]);
  });
});

describe('analytics report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'walkout-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const store = loadDemoStore();
  const db = openStoreDatabase(join(dir, 'store.sqlite'), { storeId: store.layout.id });
  new BusyStore(store).generate(db.facts, { firstDay: '2026-11-16', days: 2, sessionsPerDay: 80, seed: 9 });
  const report = buildAnalyticsReport(store, db, { from: '2026-11-16', to: '2026-11-17' });
  const range = { fromDay: '2026-11-16', toDay: '2026-11-17' };
  const sessions = [...db.facts.iterateSessions(range)];
  const lines = [...db.facts.iterateLines(range)];

  it('counts footfall by hour and day in the store calendar', () => {
    expect(report.footfall.sessions).toBe(160);
    expect(report.footfall.people).toBe(sessions.reduce((n, s) => n + s.people, 0));
    expect(report.footfall.byDay).toEqual([
      { day: '2026-11-16', sessions: 80, people: sessions.filter((s) => s.day === '2026-11-16').reduce((n, s) => n + s.people, 0) },
      { day: '2026-11-17', sessions: 80, people: sessions.filter((s) => s.day === '2026-11-17').reduce((n, s) => n + s.people, 0) },
    ]);
    expect(report.footfall.byHour.reduce((n, h) => n + h.sessions, 0)).toBe(160);
    // The store opens at 07:00: nothing before.
    expect(report.footfall.byHour.slice(0, 7).every((h) => h.sessions === 0)).toBe(true);
  });

  it('computes conversion, baskets and put-backs as their definitions say', () => {
    const closed = sessions.filter((s) => s.state !== 'open');
    const buying = closed.filter((s) => s.units > 0);
    expect(report.conversion).toEqual({ sessions: closed.length, purchasing: buying.length, rate: buying.length / closed.length });
    expect(report.basket.purchasing).toBe(buying.length);
    expect(report.basket.meanUnits).toBeCloseTo(buying.reduce((n, s) => n + s.units, 0) / buying.length, 9);
    expect(report.basket.meanValueMinor).toBeCloseTo(buying.reduce((n, s) => n + s.valueMinor, 0) / buying.length, 9);
    const picked = closed.reduce((n, s) => n + s.pickedUnits, 0);
    expect(report.putBacks).toEqual({ pickedUnits: picked, putBackUnits: closed.reduce((n, s) => n + s.putBackUnits, 0), rate: expect.any(Number) });
    expect(report.putBacks.rate!).toBeGreaterThan(0);
  });

  it('ranks products by units on receipts', () => {
    const units = new Map<string, number>();
    for (const l of lines) if (l.quantity > 0) units.set(l.sku, (units.get(l.sku) ?? 0) + l.quantity);
    const best = Math.max(...units.values());
    expect(report.topProducts[0]!.units).toBe(best);
    expect(report.topProducts).toHaveLength(10);
    for (const p of report.topProducts) expect(p.units).toBe(units.get(p.sku));
    expect(report.topProducts[0]!.name).not.toBe(report.topProducts[0]!.sku);
  });

  it('nests the funnel steps and counts each dwell visit once', () => {
    expect(report.funnel.length).toBeGreaterThan(5);
    for (const z of report.funnel) {
      expect(z.visited).toBeGreaterThanOrEqual(z.dwelt);
      expect(z.dwelt).toBeGreaterThanOrEqual(z.picked);
      expect(z.picked).toBeGreaterThanOrEqual(z.purchased);
    }
    expect(report.funnel.some((z) => z.purchased > 0)).toBe(true);
    const visits = [...db.facts.iterateZoneVisits(range)];
    expect(report.dwell.zones.reduce((n, z) => n + z.visits, 0)).toBe(visits.length);
    for (const z of report.dwell.zones) {
      expect(z.counts.reduce((a, b) => a + b, 0)).toBe(z.visits);
      expect(z.p10 <= z.p25 && z.p25 <= z.median && z.median <= z.p75 && z.p75 <= z.p90).toBe(true);
    }
  });

  it('sums shoppers’ time on the floor into the heatmap', () => {
    const total = report.heatmap.seconds.reduce((a, b) => a + b, 0);
    const inStore = sessions.reduce((n, s) => n + ((s.exitedMs ?? s.enteredMs) - s.enteredMs) / 1000 * s.people, 0);
    // Half-second samples of every member's walk: within a few percent of their time inside.
    expect(total / inStore).toBeGreaterThan(0.9);
    expect(total / inStore).toBeLessThan(1.1);
    expect(report.heatmap.maxSeconds).toBe(Math.max(...report.heatmap.seconds));
  });

  it('keeps to the range asked for', () => {
    const one = buildAnalyticsReport(store, db, { from: '2026-11-17', to: '2026-11-20' });
    expect(one.footfall.sessions).toBe(80);
    expect(one.days).toBe(4);
    const none = buildAnalyticsReport(store, db, { from: '2026-12-01', to: '2026-12-07' });
    expect(none.footfall.sessions).toBe(0);
    expect(none.dataBounds).toEqual({ from: '2026-11-16', to: '2026-11-17' });
    expect(none.timings.map((t) => t.query)).toHaveLength(9);
  });
});
