// `walkout bench ui`: frame time of the live floor map with N moving shoppers in Chromium (see
// main/runs/bench-ui.ts for what is measured and how). Needs a built renderer (`npm run build`).
import { cpus } from 'node:os';
import type { Command } from 'commander';
import { benchUi, uiBenchTable } from '../../../runs/bench-ui';
import { resolveStoreDir } from '../store-option';
import { positiveNumber } from '../option-parsers';

/** The target: a frame in at most 16 ms with 100 shoppers on the map. */
const TARGET_MS = 16;

export function registerBenchUi(bench: Command): void {
  bench
    .command('ui')
    .description('frame time of the live floor map with 100 and 300 moving shoppers in Chromium (target: ≤ 16 ms per frame at 100)')
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--shoppers <list>', 'comma-separated crowd sizes', '100,300')
    .option('--seconds <n>', 'seconds measured per crowd size and mode', positiveNumber(), 8)
    .option('--warmup <n>', 'seconds before measuring', positiveNumber(), 3)
    .option('--width <px>', 'browser viewport width', positiveNumber(), 1440)
    .option('--height <px>', 'browser viewport height', positiveNumber(), 900)
    .action(async (opts: { store: string; shoppers: string; seconds: number; warmup: number; width: number; height: number }) => {
      const shoppers = opts.shoppers.split(',').map((n) => {
        const value = Number(n.trim());
        if (!Number.isInteger(value) || value < 1) throw new Error(`--shoppers: "${n}" is not a whole number of shoppers`);
        return value;
      });
      const rows = await benchUi({
        storeDir: resolveStoreDir(opts.store),
        shoppers,
        seconds: opts.seconds,
        warmupSeconds: opts.warmup,
        viewport: { width: opts.width, height: opts.height },
        log: (line) => console.error(line),
      });
      console.log(uiBenchTable(rows));
      for (const row of rows.filter((r) => r.shoppers === 100 && r.cost)) {
        const cpu = row.cost!.cpuMs.p95;
        console.log(
          `\n100 shoppers: ${cpu.toFixed(1)} ms of main-thread CPU per frame at p95, ${cpu <= TARGET_MS ? 'within' : 'over'} the ${TARGET_MS} ms target;` +
            ` wall time between frames p95 ${row.frameMs.p95.toFixed(1)} ms with the machine's load average at ${row.loadAverage.toFixed(1)} on ${cpus().length} cores`,
        );
      }
      console.log(JSON.stringify(rows));
    });
}
