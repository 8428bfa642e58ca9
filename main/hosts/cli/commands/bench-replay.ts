// `walkout bench replay DIR`: a replay's speed by phase (reading the recording, the engine, the
// facts a replay also projects), each as × real time on one core.
import type { Command } from 'commander';
import { benchReplay } from '../../../runs/replay-bench';
import { wholeNumber } from '../option-parsers';

export function registerBenchReplay(bench: Command): void {
  bench
    .command('replay')
    .argument('<dir>', 'a run folder written by "walkout sim"')
    .description('replay speed by phase: reading the recording, + engine, + facts (what "walkout replay" times), as × real time')
    .option('--runs <n>', 'passes of each phase, taken in turns; the median is reported', wholeNumber(1, 100), 3)
    .action((dir: string, opts: { runs: number }) => {
      const result = benchReplay(dir, opts.runs, (line) => console.error(line));
      for (const { phase, wallMs, realtimeFactor } of result.phases) {
        console.log(`${phase.padEnd(6)} ${(wallMs / 1000).toFixed(2).padStart(7)} s  ${realtimeFactor.toFixed(1).padStart(6)} × real time (median of ${opts.runs})`);
      }
      console.log(JSON.stringify(result));
    });
}
