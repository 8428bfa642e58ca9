// The Analytics view end to end, on the real host fed by the simulator (global setup starts it with
// --simulate): the live engine's decisions are projected into facts as shoppers come and go, so an
// analyst opening Analytics sees today's footfall; they export the sessions as Parquet, and the
// downloaded file reads back in DuckDB with the host's own figures and pseudonymised shoppers. A range
// with no data shows the empty state with a way back to the days that have some; a backwards range
// is refused in words.
import { mkdirSync, readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test, type Page } from '@playwright/test';
import type { AnalyticsReport, DayRange, SystemStatus } from '../native-bridge/contract';
import { callHost, hostUrl } from './live-helpers';

const analyticsUrl = () => {
  const url = new URL(hostUrl());
  url.hash = '#/analytics';
  return url.toString();
};

async function readParquet(path: string, sql: (table: string) => string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql(`read_parquet('${path.replaceAll("'", "''")}')`))).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
  }
}

/** Waits, asking the host as the page would, until `count` sessions of the page's range have closed; returns the range. */
async function awaitClosedSessions(page: Page, count: number): Promise<DayRange> {
  const [, from, to] = (await page.getByTestId('analytics-range').textContent())!.match(/(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/)!;
  const range = { from: from!, to: to! };
  const closedSessions = async () => (await callHost<AnalyticsReport>('getAnalytics', range)).conversion.sessions;
  await expect.poll(closedSessions, { timeout: 150_000, intervals: [3000] }).toBeGreaterThanOrEqual(count);
  return range;
}

test('an analyst sees the simulated store’s figures and exports sessions as Parquet that DuckDB reads back', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(analyticsUrl());
  await expect(page.getByRole('heading', { name: 'Analytics' })).toBeVisible();

  // Sessions are recorded as shoppers scan in and closed as they leave: wait until a few have come
  // and gone, then show them.
  const range = await awaitClosedSessions(page, 4);
  await page.getByTestId('range-apply').click();
  const footfall = page.getByTestId('kpi-footfall');
  await expect(footfall).toBeVisible();
  await expect(page.getByTestId('kpi-conversion')).toContainText(/of [1-9]\d* sessions bought/);
  for (const figure of ['figure-footfall-hour', 'figure-funnel', 'figure-dwell', 'figure-heatmap', 'figure-basket', 'figure-products']) {
    await expect(page.getByTestId(figure)).toBeVisible();
  }
  await expect(page.getByTestId('kpi-conversion')).toContainText('Conversion = sessions with a purchase ÷ sessions');
  await page.waitForTimeout(500); // let the canvases finish their first paint
  await page.screenshot({ path: 'test-results/screenshots/analytics.png' });
  for (const [figure, file] of [['figure-funnel', 'analytics-funnel'], ['figure-dwell', 'analytics-dwell'], ['figure-heatmap', 'analytics-heatmap'], ['figure-products', 'analytics-products']] as const) {
    await page.getByTestId(figure).scrollIntoViewIfNeeded();
    await page.getByTestId(figure).screenshot({ path: `test-results/screenshots/${file}.png` });
  }

  // Export the sessions of the range as Parquet, through the browser's own download.
  await page.getByTestId('export-table').selectOption('sessions');
  await page.getByTestId('export-format').selectOption('parquet');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^walkout_demo-[a-z-]+_sessions_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.parquet$/);
  mkdirSync('test-results/downloads', { recursive: true });
  const path = `test-results/downloads/${download.suggestedFilename()}`;
  await download.saveAs(path);
  await expect(page.getByTestId('export-status')).toContainText(/Saved walkout_.*\.parquet \(\d[\d,]* rows/);
  await page.getByTestId('export-status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/analytics-export.png' });

  const status = await callHost<SystemStatus>('getSystemStatus');
  const [summary] = await readParquet(path, (t) => `SELECT count(*) AS n, min(store) AS store, count(*) FILTER (WHERE shopper IS NOT NULL AND NOT regexp_matches(shopper, '^sh_[0-9a-f]{20}$')) AS raw_accounts FROM ${t}`);
  expect(summary).toMatchObject({ store: status.store.id, raw_accounts: '0' });
  expect(Number(summary!.n)).toBeGreaterThan(0);
  // The file holds the sessions the host counted for that range when it was made (more may have come since).
  const report = await callHost<AnalyticsReport>('getAnalytics', range);
  expect(Number(summary!.n)).toBeLessThanOrEqual(report.footfall.sessions);
  const [columns] = await readParquet(path, (t) => `SELECT * FROM ${t} LIMIT 1`);
  expect(Object.keys(columns!)).toEqual(expect.arrayContaining(['session_id', 'shopper', 'entered_at', 'state', 'units', 'value_minor']));
  expect(Object.keys(columns!)).not.toContain('account');

  // The managers' PDF report of the same range.
  const reporting = page.waitForEvent('download');
  await page.getByTestId('export-report').click();
  const pdf = await reporting;
  expect(pdf.suggestedFilename()).toMatch(/_report_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = `test-results/downloads/${pdf.suggestedFilename()}`;
  await pdf.saveAs(pdfPath);
  const bytes = readFileSync(pdfPath);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(4);
});

test('a range without sessions shows the empty state and leads back to the days with data; a backwards range is refused', async ({ page }) => {
  await page.goto(analyticsUrl());
  await page.getByTestId('range-from').fill('2020-01-06');
  await page.getByTestId('range-to').fill('2020-01-01');
  await page.getByTestId('range-apply').click();
  await expect(page.getByTestId('range-problem')).toHaveText('The first day comes after the last.');

  await page.getByTestId('range-from').fill('2020-01-01');
  await page.getByTestId('range-apply').click();
  const empty = page.getByTestId('analytics-empty');
  await expect(empty).toContainText('No shopping sessions in this range');
  await page.screenshot({ path: 'test-results/screenshots/analytics-empty.png' });
  const back = page.getByTestId('analytics-show-data');
  if (await back.isVisible()) {
    await back.click();
    await expect(page.getByTestId('kpi-footfall')).toBeVisible();
  } else {
    await expect(empty).toContainText('No session has been recorded yet');
  }
});

test('the charts’ code downloads only with the first chart: loading, then an error with Retry when the download fails, then the charts', async ({ page }) => {
  test.setTimeout(180_000);
  // Hold the chart chunk's request, then answer 404 — as a host rebuilt under an open page would.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const chartChunk = '**/assets/EChart-*.js';
  await page.route(chartChunk, async (route) => {
    await held;
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
  });
  await page.goto(analyticsUrl());
  await awaitClosedSessions(page, 1);
  await page.getByTestId('range-apply').click();

  await expect(page.getByTestId('kpi-footfall')).toBeVisible();
  await expect(page.getByTestId('chart-loading')).toHaveCount(6);
  await page.getByTestId('figure-footfall-hour').screenshot({ path: 'test-results/screenshots/analytics-chart-loading.png' });

  release();
  const failed = page.getByTestId('chart-error');
  await expect(failed).toHaveCount(6);
  await expect(failed.first()).toContainText('The chart could not be loaded');
  await expect(failed.first()).toContainText('If Walkout was updated since this page opened, reload the page.');
  await page.getByTestId('figure-footfall-hour').screenshot({ path: 'test-results/screenshots/analytics-chart-error.png' });

  // One Retry fetches the code again for every chart.
  await page.unroute(chartChunk);
  await failed.first().getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('heatmap')).toBeVisible();
  await expect(failed).toHaveCount(0);
  await expect(page.locator('.analytics__figure').filter({ has: page.locator('canvas') })).toHaveCount(6);
});
