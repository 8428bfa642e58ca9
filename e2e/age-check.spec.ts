// Staff check a shopper's ID on the floor: on the real host with the simulator running (global
// setup), a manager clicks a shopper whose live cart holds an age-restricted product, sees "ID check
// needed", presses "ID checked", and the panel then says who checked — the host's answer, as the
// live engine recorded it.
import { expect, test, type Page } from '@playwright/test';
import type { LiveSessionDetail } from '../native-bridge/contract';
import { callHost, clickShopper, hostUrl, watchLiveFloor } from './live-helpers';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

/** A shopper on the floor now whose open, unchecked session has an age-restricted product in the cart. */
async function shopperNeedingIdCheck(): Promise<{ trackId: number; sessionId: string } | undefined> {
  const shoppers = await watchLiveFloor((frame) => frame.shoppers.filter((s) => s.sessionId !== undefined && s.cartUnits > 0), 30_000);
  for (const shopper of shoppers) {
    const detail = await callHost<LiveSessionDetail>('getLiveSession', { sessionId: shopper.sessionId });
    if (detail.status === 'open' && !detail.ageCheck && detail.cart.some((line) => line.ageRestricted)) return { trackId: shopper.trackId, sessionId: shopper.sessionId! };
  }
  return undefined;
}

test('a manager confirms a shopper’s ID check from the live cart panel', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(hostUrl());
  await expect(page.getByTestId('live-source')).toHaveText(/Simulated sensors/, { timeout: 60_000 });
  const panel = page.getByTestId('shopper-panel');
  let clicked: string | undefined;
  const until = Date.now() + 240_000;
  while (!clicked && Date.now() < until) {
    const target = await shopperNeedingIdCheck();
    if (!target) continue;
    try {
      await clickShopper(page, target.trackId);
      await expect(panel.getByTestId('shopper-session')).toHaveText(target.sessionId, { timeout: 5000 });
      await expect(panel.getByTestId('shopper-age-needed')).toContainText('ID check needed', { timeout: 5000 });
      clicked = target.sessionId;
    } catch {
      // Walked out (or left the floor) before the click landed; pick again.
    }
  }
  expect(clicked, 'a shopper with an age-restricted product was clicked').toBeDefined();
  await shot(page, 'floor-map-id-check-needed');
  await panel.getByRole('button', { name: 'ID checked' }).click();
  await expect(panel.getByTestId('shopper-age-checked')).toHaveText(/^ID checked by \S+ at /, { timeout: 10_000 });
  await expect(panel.getByTestId('shopper-age-needed')).toHaveCount(0);
  // The host's copy follows with the worker's next session update.
  await expect.poll(async () => (await callHost<LiveSessionDetail>('getLiveSession', { sessionId: clicked })).ageCheck?.by, { timeout: 10_000 }).toBeTruthy();
  await shot(page, 'floor-map-id-checked');
});
