// The Analytics view's state: the date range asked for, the report the host computed for it, and
// the export being made (which table, which format, and how that went). Downloads come back as
// files; saving them is the view's business, so this slice stays free of the DOM.
import type { AnalyticsReport, DayRange, ExportedFile, ExportFormat, ExportTable } from '../../../../native-bridge/contract';
import type { StoreDeps } from '../../state/deps';
import { idle, toErrorInfo, type ErrorInfo, type LoadState } from '../../state/load-state';
import type { SliceApi } from '../../state/slice';
import { lastDays, rangeProblem } from './analytics-selectors';

export type ExportStatus =
  | { status: 'idle' }
  | { status: 'working'; what: string }
  | { status: 'done'; what: string; file: Pick<ExportedFile, 'fileName' | 'bytes' | 'rows'> }
  | { status: 'error'; what: string; error: ErrorInfo };

export interface AnalyticsState {
  /** The range in the form, possibly not applied yet. */
  draft: DayRange;
  /** The range of the report shown (or being loaded). */
  range: DayRange;
  report: LoadState<AnalyticsReport>;
  exportTable: ExportTable;
  exportFormat: ExportFormat;
  exporting: ExportStatus;
}

export interface AnalyticsActions {
  setDraft: (draft: Partial<DayRange>) => void;
  /** Applies the draft (when valid) and loads its report; returns the problem when not valid. */
  apply: () => Promise<string | null>;
  /** Sets and loads a range at once (presets, "show the days with data"). */
  showRange: (range: DayRange) => Promise<void>;
  load: () => Promise<void>;
  setExportTable: (table: ExportTable) => void;
  setExportFormat: (format: ExportFormat) => void;
  /** Makes the chosen table's file; null when it failed (the state says why). */
  exportTableFile: () => Promise<ExportedFile | null>;
  exportReportFile: () => Promise<ExportedFile | null>;
  reset: () => void;
}

export type AnalyticsSlice = AnalyticsState & AnalyticsActions;

export function initialAnalyticsState(today: Date = new Date()): AnalyticsState {
  const range = lastDays(today, 7);
  return { draft: range, range, report: idle, exportTable: 'sessions', exportFormat: 'parquet', exporting: { status: 'idle' } };
}

export function createAnalyticsSlice({ set, get }: SliceApi<AnalyticsSlice>, { client }: StoreDeps): AnalyticsSlice {
  // Only the latest load may write its answer: a slow month must not replace the week asked after it.
  let request = 0;

  const load = async (): Promise<void> => {
    const mine = ++request;
    set({ report: { status: 'loading' } });
    try {
      const report = await client.call('getAnalytics', get().range);
      if (mine === request) set({ report: { status: 'ready', data: report } });
    } catch (error) {
      if (mine === request) set({ report: { status: 'error', error: toErrorInfo(error) } });
    }
  };

  const showRange = async (range: DayRange): Promise<void> => {
    set({ draft: range, range });
    await load();
  };

  const make = async (what: string, call: () => Promise<ExportedFile>): Promise<ExportedFile | null> => {
    set({ exporting: { status: 'working', what } });
    try {
      const file = await call();
      set({ exporting: { status: 'done', what, file: { fileName: file.fileName, bytes: file.bytes, rows: file.rows } } });
      return file;
    } catch (error) {
      set({ exporting: { status: 'error', what, error: toErrorInfo(error) } });
      return null;
    }
  };

  return {
    ...initialAnalyticsState(),
    setDraft: (draft) => set(({ draft: current }) => ({ draft: { ...current, ...draft } })),
    apply: async () => {
      const { draft } = get();
      const problem = rangeProblem(draft);
      if (problem) return problem;
      await showRange(draft);
      return null;
    },
    showRange,
    load,
    setExportTable: (exportTable) => set({ exportTable }),
    setExportFormat: (exportFormat) => set({ exportFormat }),
    exportTableFile: () => {
      const { range, exportTable: table, exportFormat: format } = get();
      return make(`${table} as ${format === 'csv' ? 'CSV' : 'Parquet'}`, () => client.call('exportTable', { ...range, table, format }));
    },
    exportReportFile: () => make('the PDF report', () => client.call('exportReport', get().range)),
    reset: () => {
      request++;
      set(initialAnalyticsState());
    },
  };
}
