// `walkout export`: sessions, receipts, shelf events and zone visits of a day range as Hive-
// partitioned Parquet (TABLE/store=ID/date=DAY/) or CSV, or the PDF report, with progress on
// stderr and a JSON summary on stdout.
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { exportTables as tableNames, type ExportTable } from '../../../../native-bridge/contract/analytics';
import { defaultDataDir } from '../../../app/config';
import { openStoreDatabase } from '../../../db';
import { exportStore, type StoreExportFormat } from '../../../exports/export-store';
import { loadStore } from '../../../store/load';
import { progressReporter } from '../progress';
import { resolveStoreDir } from '../store-option';

interface ExportOptions {
  store: string;
  dataDir: string;
  db?: string;
  format: StoreExportFormat;
  from?: string;
  to?: string;
  tables: ExportTable[];
  out: string;
}

function tableList(value: string): ExportTable[] {
  const names = value.split(',').map((t) => t.trim());
  const unknown = names.filter((t) => !(tableNames as readonly string[]).includes(t));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown table ${unknown.join(', ')}; the tables are ${tableNames.join(', ')}`);
  return names as ExportTable[];
}

function format(value: string): StoreExportFormat {
  if (value !== 'parquet' && value !== 'csv' && value !== 'pdf') throw new InvalidArgumentError('expected parquet, csv or pdf');
  return value;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export sessions, receipts, shelf events and zone visits (Parquet, Hive-partitioned, or CSV; shoppers pseudonymised) or the PDF report')
    .option('--store <demo|DIR>', 'the store', 'demo')
    .option('--data-dir <dir>', 'folder holding the store database', defaultDataDir())
    .option('--db <file>', 'export from this database file instead (e.g. a run folder\'s recording.sqlite)')
    .option('--format <parquet|csv|pdf>', 'what to write', format, 'parquet')
    .option('--from <YYYY-MM-DD>', 'first store-local day (default: six days before --to)')
    .option('--to <YYYY-MM-DD>', 'last store-local day (default: the last day with sessions)')
    .option('--tables <list>', `comma-separated, of ${tableNames.join(', ')}`, tableList, [...tableNames])
    .option('--out <dir>', 'output folder', join('out', 'export'))
    .action(async (opts: ExportOptions) => {
      const store = loadStore(resolveStoreDir(opts.store));
      const db = openStoreDatabase(opts.db ?? join(opts.dataDir, `${store.layout.id}.sqlite`), { storeId: store.layout.id });
      const progress = progressReporter();
      try {
        const { range, files } = await exportStore({ store, db, format: opts.format, outDir: opts.out, tables: opts.tables, now: () => new Date(), progress, ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) });
        progress.end();
        for (const f of files) console.error(`${f.path}  ${f.rows} rows  ${f.bytes} bytes`);
        console.log(JSON.stringify({ store: store.layout.id, format: opts.format, from: range.fromDay, to: range.toDay, files: files.length, rows: files.reduce((n, f) => n + f.rows, 0), bytes: files.reduce((n, f) => n + f.bytes, 0), out: opts.out }));
      } finally {
        db.close();
      }
    });
}
