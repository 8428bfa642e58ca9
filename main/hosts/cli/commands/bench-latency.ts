// `walkout bench latency`: the live path against the clock — the weight went still → a pending line
// on the shopper's cart (goal ≤ 250 ms), → the settled cart line, and exit → receipt issued (goal
// ≤ 2 s) — on a simulated store played in real time, with how often the pending lines were right.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { benchLatency, latencyTable } from '../../../live/latency-bench';
import { pendingAgreementLines } from '../../../live/latency-pending';
import { loadStore } from '../../../store/load';
import { positiveNumber, wholeNumber } from '../option-parsers';
import { resolveStoreDir } from '../store-option';

export function registerBenchLatency(bench: Command): void {
  bench
    .command('latency')
    .description('live latency in real time: weight still → pending cart line shown (goal 250 ms) and → settled line, exit → receipt issued (goal 2 s)')
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--shoppers <n>', 'typical shoppers in the store', wholeNumber(1, 200), 20)
    .option('--minutes <n>', 'simulated minutes of arrivals (played in real time, plus the last shoppers leaving)', positiveNumber(), 3)
    .option('--seed <n>', 'seed', wholeNumber(0, 2 ** 31), 11)
    .option('--speed <n>', 'store seconds per wall second (1 = real time)', positiveNumber(), 1)
    .option('--work-dir <dir>', 'where the recording and the live database go', join(tmpdir(), 'walkout-bench-latency'))
    .action(async (opts: { store: string; shoppers: number; minutes: number; seed: number; speed: number; workDir: string }) => {
      const report = await benchLatency({ ...opts, store: loadStore(resolveStoreDir(opts.store)), log: (line) => console.error(line) });
      console.log(latencyTable(report));
      console.log(`\n${pendingAgreementLines(report.pending).join('\n')}`);
      console.log(`\n${report.shoppers} shoppers, ${Math.round(report.storeSeconds)} s of store time played in ${Math.round(report.wallSeconds)} s; ${report.lateTicks} ticks ran late (over 200 ms)`);
      console.log(JSON.stringify(report));
    });
}
