// `walkout bench plate-signal`: samples per second through the plate signal (calibration, health,
// plots) that every live plate sample passes before the engine, on the demo store's plates.
import type { Command } from 'commander';
import { benchPlateSignal } from '../../../devices/shelves/bench-plate-signal';
import { loadStore } from '../../../store/load';
import { positiveNumber } from '../option-parsers';
import { resolveStoreDir } from '../store-option';

export function registerBenchPlateSignal(bench: Command): void {
  bench
    .command('plate-signal')
    .description('samples per second through the plate signal (calibration, plate health, live plots) before the engine')
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--seconds <n>', 'seconds of data per run', positiveNumber(), 20)
    .option('--hz <n>', 'samples per second per plate', positiveNumber(), 60)
    .option('--runs <n>', 'timed runs per case (the first warms the JIT up)', positiveNumber(), 3)
    .action((opts: { store: string; seconds: number; hz: number; runs: number }) => {
      const store = loadStore(resolveStoreDir(opts.store));
      const results: Record<string, number> = {};
      for (const calibrated of [false, true]) {
        const rates: number[] = [];
        let plates = 0;
        for (let i = 0; i < opts.runs; i++) {
          const r = benchPlateSignal(store, { seconds: opts.seconds, hz: opts.hz, calibrated });
          rates.push(r.samplesPerSecond);
          plates = r.plates;
        }
        const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)]!;
        const name = calibrated ? 'controller counts, calibrated' : 'simulator grams, passed through';
        console.log(`plate signal, ${name}, ${plates} plates at ${opts.hz} Hz, ${opts.seconds} s per run: median ${(median / 1e6).toFixed(1)} M samples/s (runs: ${rates.map((r) => (r / 1e6).toFixed(1)).join(', ')})`);
        results[calibrated ? 'calibratedSamplesPerSecond' : 'passThroughSamplesPerSecond'] = median;
      }
      console.log(JSON.stringify(results));
    });
}
