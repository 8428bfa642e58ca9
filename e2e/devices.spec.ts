// The Devices view end to end on the real host's simulated feed (global setup starts it with
// --simulate): every shelf and plate with a live status, the selected shelf's weights plotted as
// they stream; a tare of a loaded plate refused outside restock mode (the step would be charged to a
// shopper), then done with restock mode switched on from this view, audited and applied at once;
// and a calibration the host refuses with its reason (no reference weight lies on a simulated plate).
import { expect, test, type Page } from '@playwright/test';

const url = () => process.env.WALKOUT_E2E_URL!;

async function openDevices(page: Page): Promise<void> {
  await page.goto(url());
  await page.getByRole('link', { name: /^Devices/ }).click();
  await expect(page.getByRole('heading', { name: 'Devices', level: 1 })).toBeVisible();
}

test('shelves and plates report live, the plot streams, and a plate is tared', async ({ page }) => {
  test.setTimeout(120_000);
  await openDevices(page);
  await expect(page.getByTestId('devices-source')).toHaveText('Simulated sensors', { timeout: 30_000 });
  // The simulated plates report: most are online within a few seconds of the feed starting.
  await expect.poll(async () => Number((await page.getByTestId('devices-count-online').textContent())?.split(' ')[0]), { timeout: 30_000 }).toBeGreaterThan(1000);

  // The first shelf is selected; its plot fills with streamed weights.
  const shelf = page.getByTestId('shelf-G01-F1');
  await expect(shelf).toHaveAttribute('aria-current', 'true');
  const plot = page.getByTestId('weight-plot');
  await expect.poll(async () => Number(await plot.getAttribute('data-points')), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect(page.locator('.devices__plot canvas')).toBeVisible();

  const row = page.getByTestId('plate-row-G01-F1-03');
  await expect(row.getByTestId('plate-status')).toHaveText('Online');
  await expect(row.getByTestId('plate-grams')).toHaveText(/\d+(\.\d+)? (g|kg)/);
  await expect(row.getByTestId('plate-calibration')).toHaveText('simulated load cell (1 g per unit)');

  // Another shelf, by filter and by click.
  await page.getByTestId('shelf-G01-F2').click();
  await expect(page.getByTestId('shelf-G01-F2')).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('plate-row-G01-F2-01')).toBeVisible();
  await page.getByTestId('shelf-G01-F1').click();

  // Tare of a loaded plate outside restock mode: the form says it will be refused, and the host does
  // refuse it (a shopper at the shelf may make it "moving" instead; either way nothing changes).
  const restockSwitch = page.getByRole('switch', { name: 'Restock mode at Crisps & chips' });
  await expect(restockSwitch).not.toBeChecked();
  await expect(page.getByTestId('devices-restock-mode')).toContainText('would be charged to a shopper, so they are refused');
  await row.getByRole('button', { name: 'Tare plate G01-F1-03' }).click();
  await expect(row.getByTestId('plate-step-advice')).toContainText(/not empty: the step would be charged to a shopper as a shelf event, so it is refused/);
  await page.screenshot({ path: 'test-results/screenshots/devices-tare-refused-advice.png' });
  await row.getByRole('button', { name: 'Tare now' }).click();
  await expect(page.getByTestId('devices-change-error')).toContainText(/plate G01-F1-03: tare: (the plate reads .* not empty\. .*switch restock mode on at Crisps & chips|the plate is moving)/);
  await row.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByTestId('plate-calibration')).toHaveText('simulated load cell (1 g per unit)');

  // Restock mode on at the shelf's gondola, from here: the step is staff work now.
  await restockSwitch.click();
  await expect(restockSwitch).toBeChecked();
  await expect(page.getByTestId('devices-notice')).toHaveText(/^Restock mode on at Crisps & chips: .*charged to nobody\.$/);

  // Tare: asked first, then audited by the host. A shopper may be at the shelf (the plate moving),
  // which the host refuses with its reason; try again until the plate is still.
  await expect
    .poll(
      async () => {
        await row.getByRole('button', { name: 'Tare plate G01-F1-03' }).click();
        await expect(row.getByTestId('plate-step-advice')).toHaveText('Restock mode is on at Crisps & chips: the step to zero is staff work, charged to nobody.');
        await page.getByLabel('Reason for the tare of plate G01-F1-03').fill('e2e: zero the plate');
        await row.getByRole('button', { name: 'Tare now' }).click();
        await expect(page.getByTestId('devices-notice').or(page.getByTestId('devices-change-error'))).toBeVisible();
        if (await page.getByTestId('devices-notice').isVisible()) return 'tared';
        await row.getByRole('button', { name: 'Cancel' }).click();
        return (await page.getByTestId('devices-change-error').textContent()) ?? '';
      },
      { timeout: 40_000, intervals: [2000] },
    )
    .toBe('tared');
  await expect(page.getByTestId('devices-notice')).toHaveText('Plate G01-F1-03 tared: it reads zero, and the step was staff work at Crisps & chips (restock mode), charged to nobody.');
  await expect(row.getByTestId('plate-calibration')).toHaveText(/^1\.000 g\/unit, by \S+$/);
  // What the plate holds now reads as (about) zero, from the live feed.
  const grams = async () => {
    const [value = 'NaN', unit] = ((await row.getByTestId('plate-grams').textContent()) ?? '').split(' ');
    return Math.abs(parseFloat(value) * (unit === 'kg' ? 1000 : 1));
  };
  await expect.poll(grams, { timeout: 15_000 }).toBeLessThan(20);

  // Calibrate with a reference weight that is not there: refused, with the reason, nothing changed.
  await row.getByRole('button', { name: 'Calibrate plate G01-F1-03' }).click();
  const submit = row.getByRole('button', { name: 'Calibrate now' });
  await expect(submit).toBeDisabled();
  await page.getByLabel('Reference weight on plate G01-F1-03, grams').fill('500');
  await submit.click();
  await expect(page.getByTestId('devices-change-error')).toContainText(/plate G01-F1-03: calibrate: (the plate reads the same as empty|the plate is moving)/);
  await expect(row.getByTestId('plate-calibration')).toHaveText(/^1\.000 g\/unit, by \S+$/);
  await page.getByTestId('devices-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/devices.png' });
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/devices-plate-row.png' });

  // Staff are done: restock mode off again, and the store's other tests see it as they left it.
  await restockSwitch.click();
  await expect(restockSwitch).not.toBeChecked();
  await expect(page.getByTestId('devices-notice')).toHaveText('Restock mode off at Crisps & chips.');
});

/**
 * The real host, except that its answers to `method` are an error on the wire until the returned
 * function is called.
 */
async function failCalls(page: Page, method: string, message: string): Promise<() => void> {
  let failing = true;
  await page.routeWebSocket(/\/api/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((frameText) => {
      const frame = JSON.parse(String(frameText)) as { t: string; i?: string; m?: string };
      if (frame.t === 'q' && frame.m === method && failing) {
        ws.send(JSON.stringify({ t: 's', i: frame.i, e: { code: 'internal', message } }));
      } else server.send(frameText);
    });
    server.onMessage((frameText) => ws.send(frameText));
  });
  return () => {
    failing = false;
  };
}

test('a devices call that fails shows the error state, and Retry recovers', async ({ page }) => {
  const recover = await failCalls(page, 'getDevices', 'getDevices failed: the database is locked');
  await page.goto(url());
  await page.getByRole('link', { name: /^Devices/ }).click();
  const error = page.getByTestId('devices-error');
  await expect(error).toContainText('getDevices failed: the database is locked');
  await page.screenshot({ path: 'test-results/screenshots/devices-error.png' });
  recover();
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('devices-summary')).toBeVisible({ timeout: 10_000 });
});

test('a cameras call that fails shows the same error panel on the Cameras tab, and Retry recovers', async ({ page }) => {
  const recover = await failCalls(page, 'listCameras', 'listCameras failed: the database is locked');
  await openDevices(page);
  await page.getByRole('tab', { name: 'Cameras' }).click();
  const error = page.getByTestId('cameras-error');
  await expect(error).toContainText('Cameras could not be loaded');
  await expect(error).toContainText('listCameras failed: the database is locked');
  await page.screenshot({ path: 'test-results/screenshots/cameras-error.png' });
  recover();
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('cameras-tab')).toBeVisible({ timeout: 10_000 });
});
