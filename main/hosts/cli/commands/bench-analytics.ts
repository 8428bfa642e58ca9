// `walkout bench analytics`: a month of a busy store (2,000 sessions a day) generated into a fresh
// database through the facts projection, then each analytics query over the whole month, timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { benchAnalytics } from '../../../analytics/bench-analytics';
import { isIsoDay } from '../../../facts/local-time';
import { loadStore } from '../../../store/load';
import { wholeNumber } from '../option-parsers';
import { progressReporter } from '../progress';
import { resolveStoreDir } from '../store-option';

const GOAL_MS = 300;

export function registerBenchAnalytics(bench: Command): void {
  bench
    .command('analytics')
    .description(`analytics queries over 30 days of a busy store (2,000 sessions a day); goal ≤ ${GOAL_MS} ms each`)
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--days <n>', 'days of data', wholeNumber(1, 366), 30)
    .option('--sessions-per-day <n>', 'sessions a day', wholeNumber(1, 100_000), 2000)
    .option('--runs <n>', 'timed runs of every query (after one warm-up)', wholeNumber(1, 100), 5)
    .option('--seed <n>', 'seed of the generated month', wholeNumber(0, 2 ** 31), 1)
    .option('--first-day <YYYY-MM-DD>', 'first day of the month', '2026-10-01')
    .option('--keep <file>', 'write the database here and keep it (default: a temporary file, removed)')
    .action((opts: { store: string; days: number; sessionsPerDay: number; runs: number; seed: number; firstDay: string; keep?: string }) => {
      if (!isIsoDay(opts.firstDay)) throw new Error(`--first-day ${opts.firstDay} is not a date written YYYY-MM-DD`);
      const dir = opts.keep ? undefined : mkdtempSync(join(tmpdir(), 'walkout-bench-analytics-'));
      const progress = progressReporter();
      try {
        const r = benchAnalytics({
          store: loadStore(resolveStoreDir(opts.store)),
          dbPath: opts.keep ?? join(dir!, 'bench.sqlite'),
          days: opts.days,
          sessionsPerDay: opts.sessionsPerDay,
          seed: opts.seed,
          runs: opts.runs,
          firstDay: opts.firstDay,
          progress,
        });
        progress.end();
        console.log(`${r.days} days, ${r.sessions.toLocaleString('en')} sessions, ${r.zoneVisits.toLocaleString('en')} zone visits, ${r.shelfEvents.toLocaleString('en')} shelf events; generated in ${r.generateS.toFixed(1)} s; database ${r.databaseMB.toFixed(0)} MB`);
        console.log(`\n| query (${r.days} days) | median ms | worst ms | ≤ ${GOAL_MS} ms |`);
        console.log('| --- | --- | --- | --- |');
        for (const q of r.queries) console.log(`| ${q.query} | ${q.medianMs.toFixed(1)} | ${q.maxMs.toFixed(1)} | ${q.maxMs <= GOAL_MS ? 'yes' : 'NO'} |`);
        console.log(`| whole report | ${r.reportMedianMs.toFixed(1)} | | |`);
        console.log(JSON.stringify(r));
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    });
}
