// Exports from the Analytics view: one table (sessions, receipts, shelf events, zone visits) of the
// range shown, as Parquet or CSV, or the PDF report; the host makes the file and the browser saves
// it. Shoppers appear in exports only as pseudonyms.
import { exportFormats, exportTables, type ExportedFile, type ExportFormat, type ExportTable } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { formatBytes } from './analytics-selectors';

const tableLabels: Record<ExportTable, string> = { sessions: 'Sessions', receipts: 'Receipts (one row per line)', 'shelf-events': 'Shelf events', 'zone-visits': 'Zone visits' };
const formatLabels: Record<ExportFormat, string> = { parquet: 'Parquet', csv: 'CSV' };

/** Hands the file to the browser's download. */
function save(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportPanel() {
  const table = useAppStore((s) => s.analytics.exportTable);
  const format = useAppStore((s) => s.analytics.exportFormat);
  const exporting = useAppStore((s) => s.analytics.exporting);
  const range = useAppStore((s) => s.analytics.range);
  const setTable = useAppStore((s) => s.analytics.setExportTable);
  const setFormat = useAppStore((s) => s.analytics.setExportFormat);
  const exportTableFile = useAppStore((s) => s.analytics.exportTableFile);
  const exportReportFile = useAppStore((s) => s.analytics.exportReportFile);
  const busy = exporting.status === 'working';
  return (
    <section className="panel analytics__export" aria-labelledby="analytics-export-title">
      <h2 id="analytics-export-title" className="panel__subtitle">
        Export {range.from} to {range.to}
      </h2>
      <div className="analytics__export-row">
        <label>
          Table{' '}
          <select value={table} onChange={(e) => setTable(e.target.value as ExportTable)} data-testid="export-table">
            {exportTables.map((t) => (
              <option key={t} value={t}>
                {tableLabels[t]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)} data-testid="export-format">
            {exportFormats.map((f) => (
              <option key={f} value={f}>
                {formatLabels[f]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void exportTableFile().then((f) => f && save(f))} data-testid="export-download">
          Download
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void exportReportFile().then((f) => f && save(f))} data-testid="export-report">
          PDF report
        </button>
      </div>
      <p className="analytics__muted">
        Parquet opens in DuckDB, Spark or pandas. Shoppers appear as pseudonyms (a keyed hash kept by this store), never as accounts. For a chain-wide, partitioned export use
        <code> walkout export</code>.
      </p>
      {exporting.status === 'working' ? (
        <p className="analytics__status" role="status" data-testid="export-status">
          Making {exporting.what}…
        </p>
      ) : null}
      {exporting.status === 'done' ? (
        <p className="analytics__status" role="status" data-testid="export-status">
          Saved {exporting.file.fileName} ({exporting.file.rows > 0 ? `${exporting.file.rows.toLocaleString('en')} rows, ` : ''}
          {formatBytes(exporting.file.bytes)}).
        </p>
      ) : null}
      {exporting.status === 'error' ? (
        <p className="analytics__error" role="alert" data-testid="export-error">
          Could not export {exporting.what}: {exporting.error.message}
        </p>
      ) : null}
    </section>
  );
}
