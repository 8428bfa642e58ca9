// The Restock view end to end, on the real host with its simulated shelves (global setup starts it
// with --simulate): the engine weighs the demo store's plates, the depleted ones show up most urgent
// first; a manager acknowledges one with a note and switches restock mode on at its gondola; both
// reach the host (read back over its API, and after a reload) and restock mode is switched off again.
// A host of its own is stopped with restock mode on and started again: the view shows it switched
// back on, restored after the restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test } from '@playwright/test';
import type { RestockOverview } from '../native-bridge/contract';
import { callHost, hostUrl } from './live-helpers';

const restockUrl = () => {
  const url = new URL(hostUrl());
  url.hash = '#/restock';
  return url.toString();
};

test('low plates are listed by urgency, acknowledged with a note, and restock mode reaches the engine', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(restockUrl());
  await expect(page.getByRole('heading', { name: 'Restock', level: 1 })).toBeVisible();

  // The simulated store opens with some plates depleted; they appear once the engine has weighed them.
  const table = page.getByTestId('restock-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('restock-meta')).toContainText(/plates weighed/);

  // The order itself is the selectors' unit test; here, the rows are the host's alerts.
  const overview = await callHost<RestockOverview>('getRestock');
  expect(overview.source).toBe('simulator');
  expect(overview.alerts.length).toBeGreaterThan(0);
  const firstRow = table.locator('tbody tr').first();
  const plate = ((await firstRow.getAttribute('data-testid')) ?? '').replace('restock-alert-', '');
  expect(overview.alerts.map((a) => a.plate)).toContain(plate);

  await firstRow.getByRole('button', { name: 'Acknowledge…' }).click();
  await firstRow.getByLabel(`Note for plate ${plate}`).fill('crate on its way');
  await firstRow.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByTestId('restock-notice')).toContainText(`plate ${plate}`);
  const acknowledged = page.getByTestId(`restock-alert-${plate}`).getByTestId('restock-acknowledged');
  await expect(acknowledged).toContainText('crate on its way');

  // Restock mode at the gondola of that plate.
  const fixture = (await callHost<RestockOverview>('getRestock')).alerts.find((a) => a.plate === plate)?.fixture ?? overview.fixtures[0]!.id;
  const modeSwitch = page.getByTestId(`restock-fixture-${fixture}`).getByRole('switch');
  // The switch shows the host's state, so it turns on when the engine has taken the staff action.
  await modeSwitch.click();
  await expect(modeSwitch).toBeChecked();
  await expect(page.getByTestId('restock-notice')).toContainText('charged to nobody');
  const after = await callHost<RestockOverview>('getRestock');
  expect(after.fixtures.find((f) => f.id === fixture)?.restocking).toBe(true);
  expect(after.alerts.find((a) => a.plate === plate)?.acknowledged?.note ?? 'restocked since').toMatch(/crate on its way|restocked since/);

  await page.screenshot({ path: 'test-results/screenshots/restock.png' });
  if (await acknowledged.isVisible()) {
    await acknowledged.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/restock-acknowledged.png' });
  }

  // Stored on the host, not in the page: a reload shows the same.
  await page.reload();
  await expect(page.getByTestId(`restock-fixture-${fixture}`).getByRole('switch')).toBeChecked({ timeout: 30_000 });

  await page.getByTestId(`restock-fixture-${fixture}`).getByRole('switch').click();
  await expect(page.getByTestId(`restock-fixture-${fixture}`).getByRole('switch')).not.toBeChecked();
  expect((await callHost<RestockOverview>('getRestock')).fixtures.find((f) => f.id === fixture)?.restocking).toBe(false);
});

test('the host refuses a stale acknowledgement and malformed input, and the page keeps its list', async ({ page }) => {
  await page.goto(restockUrl());
  await expect(page.getByTestId('restock-table')).toBeVisible({ timeout: 60_000 });
  // Acknowledging an episode that is not the plate's current one is refused by the host.
  const { alerts } = await callHost<RestockOverview>('getRestock');
  const error = await callHost('acknowledgeRestockAlert', { plate: alerts[0]!.plate, since: alerts[0]!.since - 1 }).then(
    () => null,
    (e: Error) => e.message,
  );
  expect(error).toMatch(/conflict/);
  const malformed = await callHost('setRestockMode', { fixture: 'x', on: 'yes' }).then(
    () => null,
    (e: Error) => e.message,
  );
  expect(malformed).toMatch(/invalid_input/);
  await expect(page.getByTestId('restock-table')).toBeVisible();
});

/** A simulated host of its own on `dataDir`; resolves with its URL once it serves. */
async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/walkout.js', 'serve', '--store', 'demo', '--port', '0', '--json', '--data-dir', dataDir, '--simulate', '--speed', '10', '--shoppers', '5'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`walkout serve exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));

test('restock mode left on when the host stops is switched back on at start, and the view says so', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'walkout-e2e-restock-restart-'));
  let host = await startHost(dataDir);
  try {
    // The engine takes staff actions once it has had its first input.
    await expect.poll(async () => (await callHost<RestockOverview>('getRestock', {}, host.url)).t, { timeout: 30_000 }).not.toBeNull();
    await callHost('setRestockMode', { fixture: 'G02', on: true, note: 'night fill' }, host.url);
    host.child.kill('SIGTERM');
    await stopped(host.child);

    host = await startHost(dataDir);
    const url = new URL(host.url);
    url.hash = '#/restock';
    await page.goto(url.toString());
    const fixture = page.getByTestId('restock-fixture-G02');
    await expect(fixture.getByRole('switch')).toBeChecked({ timeout: 30_000 });
    await expect(fixture.getByTestId('restock-fixture-restored')).toHaveText('restored after restart');
    await expect(fixture.getByTestId('restock-fixture-on')).toContainText(/^on since \d\d:\d\d · \S+/);
    await expect(page.getByTestId('restock-restored')).toContainText(/^Restock mode was still on at .+ when the host last stopped, so it was switched back on at \d\d:\d\d\./);
    await fixture.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/restock-restored.png' });

    // Switched off by staff, it stays off: the notice goes.
    await fixture.getByRole('switch').click();
    await expect(fixture.getByRole('switch')).not.toBeChecked();
    await expect(page.getByTestId('restock-restored')).toHaveCount(0);
  } finally {
    host.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
