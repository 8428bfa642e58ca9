// `walkout export`: the store's facts over a day range into a folder — Hive-partitioned Parquet,
// one CSV per table, or the PDF report — with shoppers pseudonymised by the store's secret. With
// no range given it takes the last seven days that hold data.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportTable } from '../../native-bridge/contract/analytics';
import { buildAnalyticsReport } from '../analytics/report';
import type { StoreDatabase } from '../db';
import { addDays, isIsoDay } from '../facts/local-time';
import type { DayRange } from '../facts/repository';
import type { StoreModel } from '../store/schema';
import { exportToDirectory, type WrittenFile } from './export-files';
import { pseudonymiser, pseudonymKey } from './pseudonym';
import { analyticsReportPdf } from './report-pdf';
import { exportTables } from './tables';

export type StoreExportFormat = 'parquet' | 'csv' | 'pdf';

export interface StoreExportOptions {
  store: StoreModel;
  db: StoreDatabase;
  format: StoreExportFormat;
  outDir: string;
  from?: string;
  to?: string;
  tables: readonly ExportTable[];
  now: () => Date;
  progress?: (phase: string, done: number) => void;
}

export class ExportRangeError extends Error {}

/** The range asked for, or the last seven days with sessions; a clear error for nonsense. */
export function exportRange(db: StoreDatabase, from?: string, to?: string): DayRange {
  for (const [name, day] of [['--from', from], ['--to', to]] as const) {
    if (day !== undefined && !isIsoDay(day)) throw new ExportRangeError(`${name} ${day} is not a date written YYYY-MM-DD`);
  }
  const bounds = db.facts.dayBounds();
  const toDay = to ?? bounds?.toDay;
  if (toDay === undefined) throw new ExportRangeError('the database holds no sessions yet: nothing to export (give --from and --to to export an empty range)');
  const fromDay = from ?? addDays(toDay, -6);
  if (fromDay > toDay) throw new ExportRangeError(`--from ${fromDay} is after --to ${toDay}`);
  return { fromDay, toDay };
}

export async function exportStore(o: StoreExportOptions): Promise<{ range: DayRange; files: WrittenFile[] }> {
  const range = exportRange(o.db, o.from, o.to);
  if (o.format === 'pdf') {
    o.progress?.('report', 0);
    const bytes = await analyticsReportPdf(buildAnalyticsReport(o.store, o.db, { from: range.fromDay, to: range.toDay }), { generatedAt: o.now() });
    mkdirSync(o.outDir, { recursive: true });
    const path = join(o.outDir, `walkout_${o.store.layout.id}_report_${range.fromDay}_${range.toDay}.pdf`);
    writeFileSync(`${path}.partial`, bytes);
    renameSync(`${path}.partial`, path);
    o.progress?.('report', 1);
    return { range, files: [{ path, rows: 0, bytes: bytes.byteLength }] };
  }
  const all = exportTables({ store: o.store, db: o.db, pseudonym: pseudonymiser(pseudonymKey(o.db.settings)) });
  const files = exportToDirectory({ outDir: o.outDir, storeId: o.store.layout.id, tables: o.tables.map((t) => all[t]), format: o.format, range, ...(o.progress ? { progress: o.progress } : {}) });
  return { range, files };
}
