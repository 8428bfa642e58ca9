// `walkout bench …`: benchmarks that print figures (speed, memory, accuracy). Numbers come from here,
// never from timed unit tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { benchSegmentation } from '../../../engine/shelves/bench';
import { benchRecording } from '../../../recording';
import { benchTracking } from '../../../runs/bench-tracking';
import { accuracyTable, benchAccuracy } from '../../../runs/bench-accuracy';
import { findScenario, scenarios } from '../../../sim/scenarios';
import { loadStore } from '../../../store/load';
import { registerBenchUi } from './bench-ui';
import { resolveStoreDir } from '../store-option';
import { positiveNumber } from '../option-parsers';
import { registerFitAttribution } from './fit-attribution';
import { registerBenchAnalytics } from './bench-analytics';
import { registerBenchDetector } from './bench-detector';
import { registerBenchLatency } from './bench-latency';
import { registerBenchReplay } from './bench-replay';
import { registerBenchPlateSignal } from './bench-devices';

export function registerBench(program: Command): void {
  const bench = program.command('bench').description('benchmarks: accuracy on the simulator scenarios, shelves, tracking, recording');
  registerFitAttribution(bench);
  registerBenchAnalytics(bench);

  registerBenchUi(bench);

  bench
    .command('accuracy')
    .description('every scenario through sim, replay and eval: a table of metrics against shoppers, speed and memory')
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--scenarios <names>', 'comma-separated scenario names (default: all)')
    .option('--tuning [which]', 'use a tuning seed instead of the table seed: the first, or 2 or 3 to check on seeds a fit did not see')
    .option('--work-dir <dir>', 'where run folders go', join(tmpdir(), 'walkout-bench'))
    .option('--json <file>', 'also write the rows as JSON here', 'out/bench/accuracy.json')
    .action((opts: { store: string; scenarios?: string; tuning?: boolean | string; workDir: string; json: string }) => {
      const which = opts.tuning === undefined ? undefined : opts.tuning === true ? 1 : Number(opts.tuning);
      if (which !== undefined && ![1, 2, 3].includes(which)) throw new InvalidArgumentError(`--tuning takes 1, 2 or 3, not "${String(opts.tuning)}"`);
      const chosen = opts.scenarios ? opts.scenarios.split(',').map((name) => findScenario(name.trim())) : scenarios;
      const rows = benchAccuracy({
        store: loadStore(resolveStoreDir(opts.store)),
        scenarios: chosen,
        workDir: opts.workDir,
        seedOf: (s) => (which !== undefined ? s.tuningSeeds[which - 1]! : s.tableSeed),
        replayCommand: (dir) => ({ command: process.execPath, args: [...process.execArgv, process.argv[1]!, 'replay', dir] }),
        log: (line) => console.error(line),
      });
      mkdirSync(dirname(opts.json), { recursive: true });
      writeFileSync(opts.json, `${JSON.stringify(rows, null, 1)}\n`);
      console.log(accuracyTable(rows));
      console.log(`\n(rows written to ${opts.json}; — = stage not built yet)`);
    });

  bench
    .command('shelves')
    .description('samples per second through the shelf stage\'s segmentation (target: 5 million on one core)')
    .option('--plates <n>', 'plates', positiveNumber(), 1362)
    .option('--seconds <n>', 'seconds of data', positiveNumber(), 60)
    .option('--hz <n>', 'samples per second per plate', positiveNumber(), 60)
    .option('--runs <n>', 'timed runs (the first warms the JIT up)', positiveNumber(), 5)
    .action((opts: { plates: number; seconds: number; hz: number; runs: number }) => {
      const rates: number[] = [];
      for (let i = 0; i < opts.runs; i++) rates.push(benchSegmentation({ plates: opts.plates, seconds: opts.seconds, hz: opts.hz }));
      const sorted = [...rates].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      console.log(`segmentation, ${opts.plates} plates at ${opts.hz} Hz, ${opts.seconds} s per run: median ${(median / 1e6).toFixed(1)} M samples/s (runs: ${rates.map((r) => (r / 1e6).toFixed(1)).join(', ')})`);
      console.log(JSON.stringify({ samplesPerSecondMedian: median, runs: rates }));
    });

  bench
    .command('tracking')
    .description('HOTA, IDF1 and MOTA of the floor tracks (1 m and 2 m) against the number of shoppers, with tracker cost')
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--shoppers <list>', 'comma-separated shopper counts', '5,20,40,60')
    .option('--minutes <n>', 'simulated minutes per count', positiveNumber(), 5)
    .option('--seed <n>', 'seed (tracking was tuned on seeds 1-3)', positiveNumber(), 101)
    .action((opts: { store: string; shoppers: string; minutes: number; seed: number }) => {
      const store = loadStore(resolveStoreDir(opts.store));
      const rows = opts.shoppers.split(',').map((n) => {
        console.error(`tracking: ${n} shoppers, ${opts.minutes} min, seed ${opts.seed}…`);
        return benchTracking(store, { shoppers: Number(n), minutes: opts.minutes, seed: opts.seed });
      });
      const f = (v: number) => v.toFixed(3);
      console.log('| shoppers | people | HOTA 1 m | IDF1 1 m | MOTA 1 m | HOTA 2 m | IDF1 2 m | MOTA 2 m | ID switches / shopper-hour | ms / camera frame | ms / floor tick |');
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const r of rows) {
        console.log(`| ${r.shoppers} | ${r.people} | ${f(r.hota1)} | ${f(r.idf11)} | ${f(r.mota1)} | ${f(r.hota2)} | ${f(r.idf12)} | ${f(r.mota2)} | ${r.idswPerShopperHour.toFixed(1)} | ${r.msPerFrame.toFixed(3)} | ${r.msPerTick.toFixed(2)} |`);
      }
      console.log(JSON.stringify(rows));
    });

  registerBenchDetector(bench);
  registerBenchPlateSignal(bench);
  registerBenchLatency(bench);
  registerBenchReplay(bench);

  bench
    .command('recording')
    .description('bytes per weight sample and write/read speed of the input log')
    .option('--plates <n>', 'plates', positiveNumber(), 400)
    .option('--seconds <n>', 'seconds of data', positiveNumber(), 60)
    .option('--hz <n>', 'samples per second per plate', positiveNumber(), 60)
    .action((opts: { plates: number; seconds: number; hz: number }) => {
      const r = benchRecording({ plates: opts.plates, seconds: opts.seconds, hz: opts.hz, samplesPerRun: 15, noiseGrams: 1.5 });
      console.log(`${r.samples.toLocaleString('en')} weight samples (${opts.plates} plates × ${opts.seconds} s × ${opts.hz} Hz)`);
      console.log(`payload ${r.bytesPerSample.toFixed(2)} B/sample; database file ${r.fileBytesPerSample.toFixed(2)} B/sample`);
      console.log(`write ${(r.writeSamplesPerSecond / 1e6).toFixed(2)} M samples/s; read ${(r.readSamplesPerSecond / 1e6).toFixed(2)} M samples/s`);
      console.log(JSON.stringify(r));
    });
}
