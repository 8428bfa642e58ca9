// `walkout bench …`: benchmarks that print figures (speed, memory, accuracy). Numbers come from here,
// never from timed unit tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { benchRecording } from '../../../recording';
import { accuracyTable, benchAccuracy } from '../../../runs/bench-accuracy';
import { findScenario, scenarios } from '../../../sim/scenarios';
import { loadStore } from '../../../store/load';
import { resolveStoreDir } from '../store-option';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`expected a positive number, got "${value}"`);
  return n;
};

export function registerBench(program: Command): void {
  const bench = program.command('bench').description('benchmarks: accuracy on the simulator scenarios, recording speed');

  bench
    .command('accuracy')
    .description('every scenario through sim, replay and eval: a table of metrics against shoppers, speed and memory')
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--scenarios <names>', 'comma-separated scenario names (default: all)')
    .option('--tuning', 'use the tuning seeds instead of the table seeds')
    .option('--work-dir <dir>', 'where run folders go', join(tmpdir(), 'walkout-bench'))
    .option('--json <file>', 'also write the rows as JSON here', 'out/bench/accuracy.json')
    .action((opts: { store: string; scenarios?: string; tuning?: boolean; workDir: string; json: string }) => {
      const chosen = opts.scenarios ? opts.scenarios.split(',').map((name) => findScenario(name.trim())) : scenarios;
      const rows = benchAccuracy({
        store: loadStore(resolveStoreDir(opts.store)),
        scenarios: chosen,
        workDir: opts.workDir,
        seedOf: (s) => (opts.tuning ? s.tuningSeeds[0]! : s.tableSeed),
        replayCommand: (dir) => ({ command: process.execPath, args: [...process.execArgv, process.argv[1]!, 'replay', dir] }),
        log: (line) => console.error(line),
      });
      mkdirSync(dirname(opts.json), { recursive: true });
      writeFileSync(opts.json, `${JSON.stringify(rows, null, 1)}\n`);
      console.log(accuracyTable(rows));
      console.log(`\n(rows written to ${opts.json}; — = stage not built yet)`);
    });

  bench
    .command('recording')
    .description('bytes per weight sample and write/read speed of the input log')
    .option('--plates <n>', 'plates', positive, 400)
    .option('--seconds <n>', 'seconds of data', positive, 60)
    .option('--hz <n>', 'samples per second per plate', positive, 60)
    .action((opts: { plates: number; seconds: number; hz: number }) => {
      const r = benchRecording({ plates: opts.plates, seconds: opts.seconds, hz: opts.hz, samplesPerRun: 15, noiseGrams: 1.5 });
      console.log(`${r.samples.toLocaleString('en')} weight samples (${opts.plates} plates × ${opts.seconds} s × ${opts.hz} Hz)`);
      console.log(`payload ${r.bytesPerSample.toFixed(2)} B/sample; database file ${r.fileBytesPerSample.toFixed(2)} B/sample`);
      console.log(`write ${(r.writeSamplesPerSecond / 1e6).toFixed(2)} M samples/s; read ${(r.readSamplesPerSecond / 1e6).toFixed(2)} M samples/s`);
      console.log(JSON.stringify(r));
    });
}
