// `walkout bench analytics`: a month of a busy store written through the facts projection into a
// fresh store database, then every analytics query over the whole month, timed. Figures: the median
// and worst of `runs` timed runs per query (a first, untimed run warms the page cache and the JIT).
import { performance } from 'node:perf_hooks';
import { openStoreDatabase } from '../db';
import { addDays } from '../facts/local-time';
import type { StoreModel } from '../store/schema';
import { BusyStore } from './busy-store';
import { buildAnalyticsReport } from './report';

export interface BenchAnalyticsOptions {
  store: StoreModel;
  /** A database file that does not exist yet. */
  dbPath: string;
  days: number;
  sessionsPerDay: number;
  seed: number;
  runs: number;
  firstDay: string;
  progress?: (phase: string, done: number) => void;
}

export interface BenchAnalyticsResult {
  days: number;
  sessions: number;
  zoneVisits: number;
  shelfEvents: number;
  generateS: number;
  databaseMB: number;
  /** Per query: median and worst of the timed runs, ms. */
  queries: { query: string; medianMs: number; maxMs: number }[];
  /** The whole report (every query plus assembly), median ms. */
  reportMedianMs: number;
}

export function benchAnalytics(o: BenchAnalyticsOptions): BenchAnalyticsResult {
  const db = openStoreDatabase(o.dbPath, { storeId: o.store.layout.id });
  try {
    const started = performance.now();
    const sessions = new BusyStore(o.store).generate(db.facts, {
      firstDay: o.firstDay,
      days: o.days,
      sessionsPerDay: o.sessionsPerDay,
      seed: o.seed,
      onDay: (day, days) => o.progress?.('generating', day / days),
    });
    const generateS = (performance.now() - started) / 1000;
    const range = { from: o.firstDay, to: addDays(o.firstDay, o.days - 1) };
    const counts = db.facts.counts({ fromDay: range.from, toDay: range.to });

    buildAnalyticsReport(o.store, db, range);
    const perQuery = new Map<string, number[]>();
    const reports: number[] = [];
    for (let run = 0; run < o.runs; run++) {
      const t0 = performance.now();
      const report = buildAnalyticsReport(o.store, db, range);
      reports.push(performance.now() - t0);
      for (const { query, ms } of report.timings) perQuery.set(query, [...(perQuery.get(query) ?? []), ms]);
      o.progress?.('querying', (run + 1) / o.runs);
    }
    const { sizeBytes, walBytes } = db.sizes();
    return {
      days: o.days,
      sessions,
      zoneVisits: counts.zoneVisits,
      shelfEvents: counts.shelfEvents,
      generateS,
      databaseMB: (sizeBytes + walBytes) / 1e6,
      queries: [...perQuery].map(([query, ms]) => ({ query, medianMs: median(ms), maxMs: Math.max(...ms) })),
      reportMedianMs: median(reports),
    };
  } finally {
    db.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
