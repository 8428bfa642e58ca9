// Downloads from the Analytics view: one table as CSV or Parquet, or the PDF report, made on the
// host and handed to the renderer as base64. A download is held in memory on both sides, so it is
// capped; bigger exports are what `walkout export` (streamed, partitioned by day) is for.
import { ApiError } from '../../native-bridge/contract/errors';
import type { DayRange, ExportedFile, ExportFormat, ExportTable } from '../../native-bridge/contract/analytics';
import type { StoreDatabase } from '../db';
import type { StoreModel } from '../store/schema';
import { buildAnalyticsReport } from '../analytics/report';
import { tableFile, type MadeFile } from './export-files';
import { pseudonymiser, pseudonymKey } from './pseudonym';
import { analyticsReportPdf } from './report-pdf';
import { exportTables } from './tables';

export const MAX_DOWNLOAD_ROWS = 300_000;

export interface ExportService {
  table(input: DayRange & { table: ExportTable; format: ExportFormat }): ExportedFile;
  report(range: DayRange): Promise<ExportedFile>;
}

const asExported = (file: MadeFile): ExportedFile => ({
  fileName: file.fileName,
  mimeType: file.mimeType,
  base64: Buffer.from(file.bytes).toString('base64'),
  bytes: file.bytes.byteLength,
  rows: file.rows,
});

export function createExportService(deps: { store: StoreModel; db: StoreDatabase; now: () => Date }): ExportService {
  const tables = () => exportTables({ store: deps.store, db: deps.db, pseudonym: pseudonymiser(pseudonymKey(deps.db.settings)) });
  return {
    table({ from, to, table, format }) {
      const range = { fromDay: from, toDay: to };
      const definition = tables()[table];
      const rows = definition.count(range);
      if (rows > MAX_DOWNLOAD_ROWS) {
        throw new ApiError(
          'invalid_input',
          `${rows.toLocaleString('en')} ${table} rows between ${from} and ${to} are more than a download holds (${MAX_DOWNLOAD_ROWS.toLocaleString('en')}); pick fewer days, or run "walkout export --from ${from} --to ${to}" on the host`,
        );
      }
      return asExported(tableFile(definition, deps.store.layout.id, range, format));
    },
    async report(range) {
      const bytes = await analyticsReportPdf(buildAnalyticsReport(deps.store, deps.db, range), { generatedAt: deps.now() });
      return asExported({ fileName: `walkout_${deps.store.layout.id}_report_${range.from}_${range.to}.pdf`, mimeType: 'application/pdf', bytes, rows: 0 });
    },
  };
}
