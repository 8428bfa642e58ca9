// `walkout import autocheckout`: the 2020 AutoCheckout competition's weight data into a run folder
// (store model and recording); `walkout import autocheckout-sample`: synthetic data in that exact
// format, with the truth of what happened, to try the import without the real data.
import type { Command } from 'commander';
import { importAutoCheckout } from '../../../import/autocheckout-import';
import { writeAutoCheckoutSample } from '../../../import/autocheckout-sample';
import { positiveNumber, wholeNumber } from '../option-parsers';
import { progressReporter } from '../progress';

interface ImportOptions {
  weights: string;
  products: string;
  out: string;
  hz: number;
  storeId?: string;
  timezone?: string;
}

export function registerImport(program: Command): void {
  const command = program.command('import').description('import public data sets into run folders');
  command
    .command('autocheckout')
    .description('AutoCheckout 2020 weight files and product file → a store model and a recording in --out')
    .requiredOption('--weights <dir>', 'folder of gondola_G_shelf_S_plate_P.csv files (unix_ts,grams)')
    .requiredOption('--products <file>', 'product file (Name,Gondola,Shelf,Plate,Weight,Price,Image)')
    .requiredOption('--out <dir>', 'a folder without a recording in it')
    .option('--hz <n>', 'the plates\' sample rate', positiveNumber(), 60)
    .option('--store-id <id>', 'id of the imported store', 'autocheckout')
    .option('--timezone <zone>', 'the store\'s time zone', 'America/Los_Angeles')
    .action(async (opts: ImportOptions) => {
      const progress = progressReporter();
      const report = await importAutoCheckout({
        weightsDir: opts.weights,
        productsFile: opts.products,
        outDir: opts.out,
        hz: opts.hz,
        store: { ...(opts.storeId ? { id: opts.storeId } : {}), ...(opts.timezone ? { timezone: opts.timezone } : {}) },
        progress,
      });
      progress.end();
      for (const warning of report.warnings) console.error(`warning: ${warning}`);
      if (report.ignoredFiles.length > 0) console.error(`ignored (not a plate's weight file): ${report.ignoredFiles.join(', ')}`);
      console.log(JSON.stringify(report));
    });
  command
    .command('autocheckout-sample')
    .description('write synthetic data in the AutoCheckout format (weights/, products.csv) and its truth.json into --out')
    .requiredOption('--out <dir>', 'where to write')
    .option('--seed <n>', 'random seed', wholeNumber(0, 2 ** 31), 1)
    .option('--minutes <n>', 'length of the recording', wholeNumber(1, 240), 5)
    .option('--gondolas <n>', 'gondolas', wholeNumber(1, 20), 2)
    .option('--shelves <n>', 'shelves per gondola', wholeNumber(1, 12), 3)
    .option('--plates <n>', 'plates per shelf', wholeNumber(1, 24), 6)
    .action((opts: { out: string; seed: number; minutes: number; gondolas: number; shelves: number; plates: number }) => {
      const files = writeAutoCheckoutSample(opts.out, { seed: opts.seed, minutes: opts.minutes, gondolas: opts.gondolas, shelves: opts.shelves, platesPerShelf: opts.plates });
      console.log(JSON.stringify({ weightsDir: files.weightsDir, productsFile: files.productsFile, truthFile: files.truthFile, events: files.truth.events.length }));
    });
}
