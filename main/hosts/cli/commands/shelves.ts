// `walkout shelves events DIR`: the shelf stage over a run folder's recording, one JSON object per
// detected shelf event on stdout; `walkout shelves score DIR --truth FILE`: those events against a
// truth file (an AutoCheckout sample's truth.json); `walkout shelves accuracy`: the shelf stage on
// the simulator's scenarios.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { SampleTruth } from '../../../import/autocheckout-sample';
import { scoreShelfEvents } from '../../../import/score-events';
import { shelfEventsOfRun } from '../../../import/shelf-events';
import { shelfAccuracy, shelfAccuracyTable } from '../../../runs/shelf-accuracy';
import { findScenario, scenarios } from '../../../sim/scenarios';
import { loadStore } from '../../../store/load';
import { resolveStoreDir } from '../store-option';
import { numberBetween } from '../option-parsers';
import { progressReporter } from '../progress';

export function registerShelves(program: Command): void {
  const shelves = program.command('shelves').description('the shelf stage on its own');
  shelves
    .command('events')
    .argument('<dir>', 'a run folder (walkout import autocheckout or walkout sim)')
    .description('print each shelf event as one JSON object per line: start, end (unix s), gondola, shelf, plates, grams, product, quantity, confidence')
    .action((dir: string) => {
      const progress = progressReporter();
      for (const event of shelfEventsOfRun(dir, (done) => progress('shelf stage', done))) console.log(JSON.stringify(event));
      progress.end();
    });
  shelves
    .command('score')
    .argument('<dir>', 'a run folder imported from AutoCheckout-format data')
    .requiredOption('--truth <file>', 'truth.json of that data (walkout import autocheckout-sample writes one)')
    .option('--tolerance <s>', 'seconds an event may be off the true action and still match it', numberBetween(0, 60), 1.5)
    .description('event precision and recall, product and quantity accuracy against the truth, as one JSON object')
    .action((dir: string, opts: { truth: string; tolerance: number }) => {
      const truth = JSON.parse(readFileSync(opts.truth, 'utf8')) as SampleTruth;
      if (!Array.isArray(truth.events)) throw new Error(`${opts.truth} has no "events" list: is it a truth.json from walkout import autocheckout-sample?`);
      const progress = progressReporter();
      const events = [...shelfEventsOfRun(dir, (done) => progress('shelf stage', done))];
      progress.end();
      console.log(JSON.stringify(scoreShelfEvents(events, truth.events, opts.tolerance)));
    });
  shelves
    .command('accuracy')
    .description('the shelf stage alone on the simulator scenarios: event precision, recall and product accuracy (as bench accuracy scores them)')
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--scenarios <names>', 'comma-separated scenario names (default: all)')
    .option('--tuning', 'use the tuning seeds instead of the table seeds')
    .action((opts: { store: string; scenarios?: string; tuning?: boolean }) => {
      const chosen = opts.scenarios ? opts.scenarios.split(',').map((name) => findScenario(name.trim())) : scenarios;
      const store = loadStore(resolveStoreDir(opts.store));
      const rows = chosen.map((scenario) => {
        console.error(`${scenario.name}: simulating ${scenario.minutes} min and running the shelf stage…`);
        const row = shelfAccuracy(store, scenario, opts.tuning ? scenario.tuningSeeds[0]! : scenario.tableSeed);
        console.error(`${scenario.name}: done in ${(row.wallMs / 1000).toFixed(1)} s`);
        return row;
      });
      console.log(shelfAccuracyTable(rows));
      console.log(JSON.stringify(rows));
    });
}
