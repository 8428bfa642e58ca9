import { describe, expect, it } from 'vitest';
import { ApiError, type ExportedFile } from '../../../../native-bridge/contract';
import { createAppStore } from '../../state/app-store';
import { deferred, TestDoubleApiClient } from '../../testing/test-double-api-client';
import type { AnalyticsReport } from '../../../../native-bridge/contract';
import { sampleReport } from './analytics-test-data';

function setup() {
  const client = new TestDoubleApiClient();
  const store = createAppStore({ client });
  return { client, store, analytics: () => store.getState().analytics };
}

const file: ExportedFile = { fileName: 'walkout_demo_sessions_2026-11-16_2026-11-17.parquet', mimeType: 'application/vnd.apache.parquet', base64: 'UEFSMQ==', bytes: 4, rows: 30 };

describe('analytics slice', () => {
  it('starts on the last seven days and loads their report', async () => {
    const { client, analytics } = setup();
    const { from, to } = analytics().range;
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(6);
    client.answer('getAnalytics', () => sampleReport());
    await analytics().load();
    expect(client.callsOf('getAnalytics')).toEqual([{ from, to }]);
    expect(analytics().report).toEqual({ status: 'ready', data: sampleReport() });
  });

  it('applies a valid draft range, and refuses a bad one without asking the host', async () => {
    const { client, analytics } = setup();
    client.answer('getAnalytics', (range) => sampleReport({ range }));
    analytics().setDraft({ from: '2026-11-18', to: '2026-11-17' });
    expect(await analytics().apply()).toMatch(/comes after/);
    expect(client.callsOf('getAnalytics')).toEqual([]);
    analytics().setDraft({ from: '2026-11-10' });
    expect(await analytics().apply()).toBeNull();
    expect(analytics().range).toEqual({ from: '2026-11-10', to: '2026-11-17' });
    expect(analytics().report).toMatchObject({ status: 'ready', data: { range: { from: '2026-11-10' } } });
  });

  it('keeps only the latest answer when ranges change quickly, and shows a failure to retry', async () => {
    const { client, analytics } = setup();
    const slow = deferred<AnalyticsReport>();
    client.answer('getAnalytics', () => slow.promise);
    const first = analytics().showRange({ from: '2026-10-01', to: '2026-10-31' });
    client.answer('getAnalytics', () => sampleReport());
    await analytics().showRange({ from: '2026-11-16', to: '2026-11-17' });
    slow.resolve(sampleReport({ days: 31 }));
    await first;
    expect(analytics().report).toMatchObject({ status: 'ready', data: { days: 2 } });
    client.answer('getAnalytics', () => {
      throw new ApiError('internal', 'database is locked');
    });
    await analytics().load();
    expect(analytics().report).toEqual({ status: 'error', error: { code: 'internal', message: 'database is locked' } });
  });

  it('exports the chosen table and format for the range shown, and says how it went', async () => {
    const { client, analytics } = setup();
    client.answer('getAnalytics', () => sampleReport());
    await analytics().showRange({ from: '2026-11-16', to: '2026-11-17' });
    analytics().setExportTable('zone-visits');
    analytics().setExportFormat('csv');
    const pending = deferred<ExportedFile>();
    client.answer('exportTable', () => pending.promise);
    const made = analytics().exportTableFile();
    expect(analytics().exporting).toEqual({ status: 'working', what: 'zone-visits as CSV' });
    pending.resolve(file);
    expect(await made).toEqual(file);
    expect(client.callsOf('exportTable')).toEqual([{ from: '2026-11-16', to: '2026-11-17', table: 'zone-visits', format: 'csv' }]);
    expect(analytics().exporting).toEqual({ status: 'done', what: 'zone-visits as CSV', file: { fileName: file.fileName, bytes: 4, rows: 30 } });

    client.answer('exportReport', () => {
      throw new ApiError('invalid_input', 'too many rows');
    });
    expect(await analytics().exportReportFile()).toBeNull();
    expect(analytics().exporting).toEqual({ status: 'error', what: 'the PDF report', error: { code: 'invalid_input', message: 'too many rows' } });
  });

  it('resets to its first state', async () => {
    const { client, analytics } = setup();
    client.answer('getAnalytics', () => sampleReport());
    await analytics().showRange({ from: '2026-01-01', to: '2026-01-02' });
    analytics().setExportFormat('csv');
    analytics().reset();
    expect(analytics().report).toEqual({ status: 'idle' });
    expect(analytics().exportFormat).toBe('parquet');
    expect(analytics().range.to).not.toBe('2026-01-02');
  });
});
