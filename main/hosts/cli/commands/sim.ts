// `walkout sim`, `walkout replay`, `walkout eval`: the simulator's contract with scripts. The last
// line each prints on stdout is one JSON object.
import type { Command } from 'commander';
import { evaluateRunDir } from '../../../runs/evaluate';
import { replayRunDir } from '../../../runs/replay';
import { simulateToDir } from '../../../runs/simulate';
import { findScenario } from '../../../sim/scenarios';
import { loadStore } from '../../../store/load';
import { progressReporter } from '../progress';
import { resolveStoreDir } from '../store-option';
import { wholeNumber } from '../option-parsers';

interface SimOptions {
  store: string;
  shoppers?: number;
  minutes?: number;
  seed?: number;
  scenario?: string;
  out: string;
}

export function registerSimulation(program: Command): void {
  program
    .command('sim')
    .description('simulate shoppers and sensors; write a recording and its ground truth into --out')
    .option('--store <demo|DIR>', 'the store to simulate', 'demo')
    .option('--scenario <name>', 'a named scenario (sets shoppers, minutes, seed and behaviour)')
    .option('--shoppers <n>', 'typical number of shoppers in the store at once', wholeNumber(0, 200))
    .option('--minutes <n>', 'length of the recording', wholeNumber(1, 24 * 60))
    .option('--seed <n>', 'random seed: the same seed gives byte-identical files', wholeNumber(0, 2 ** 31))
    .requiredOption('--out <dir>', 'an empty folder for the run')
    .action((opts: SimOptions) => {
      const scenario = opts.scenario ? findScenario(opts.scenario) : undefined;
      const progress = progressReporter();
      const report = simulateToDir(loadStore(resolveStoreDir(opts.store)), {
        outDir: opts.out,
        scenario: scenario?.name ?? null,
        seed: opts.seed ?? scenario?.tableSeed ?? 1,
        shoppers: opts.shoppers ?? scenario?.behaviour.shoppers ?? 20,
        minutes: opts.minutes ?? scenario?.minutes ?? 10,
        behaviour: scenario?.behaviour ?? {},
        ...(scenario?.sensors ? { sensors: scenario.sensors } : {}),
        progress,
      });
      progress.end();
      console.log(JSON.stringify(report));
    });

  program
    .command('replay')
    .argument('<dir>', 'a run folder written by "walkout sim"')
    .description("run the engine over the folder's recording as fast as possible and store its decisions there")
    .action((dir: string) => {
      const progress = progressReporter();
      const summary = replayRunDir(dir, (done) => progress('replaying', done));
      progress.end();
      console.log(JSON.stringify(summary));
    });

  program
    .command('eval')
    .argument('<dir>', 'a replayed run folder')
    .description('score the decisions against the ground truth; the last line is one JSON object (null = stage not built)')
    .action((dir: string) => {
      console.log(JSON.stringify(evaluateRunDir(dir)));
    });
}
