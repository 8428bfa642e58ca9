// The suite opens in a browser from the URL the host printed, connects, and draws the demo store.
import { expect, test } from '@playwright/test';
import { routes } from '../renderer/src/app/routes';

const url = () => process.env.WALKOUT_E2E_URL!;

test('opens the demo store floor plan, connected, and takes the token out of the address bar', async ({ page }) => {
  await page.goto(url());
  await expect(page.getByTestId('connection-state')).toHaveText(/^connected$/i);
  await expect(page.getByTestId('store-name')).toContainText('Walkout Demo');
  const plan = page.getByTestId('floor-plan');
  await expect(plan).toBeVisible();
  expect(await plan.locator('[data-testid^="fixture-"]').count()).toBeGreaterThanOrEqual(8);
  expect(await plan.locator('[data-testid^="camera-"]').count()).toBeGreaterThanOrEqual(16);
  expect(await plan.locator('[data-testid^="gate-"]').count()).toBeGreaterThanOrEqual(2);
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: 'test-results/screenshots/floor-map.png' });
});

test('every feature of the navigation opens with its own page title', async ({ page }) => {
  await page.goto(url());
  for (const route of routes.filter((r) => r.id !== 'floor-map' && !r.fullScreen)) {
    await page.getByTestId(`nav-${route.id}`).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(route.label);
  }
  await page.screenshot({ path: 'test-results/screenshots/navigation.png' });
});

test('a page opened without the token shows that the host refused it', async ({ page }) => {
  await page.goto(process.env.WALKOUT_E2E_ORIGIN!);
  await expect(page.getByTestId('connection-state')).toHaveText(/refused|unauthori[sz]ed/i);
  await page.screenshot({ path: 'test-results/screenshots/no-token.png' });
});

test('the floor plan zooms with the buttons', async ({ page }) => {
  await page.goto(url());
  const plan = page.getByTestId('floor-plan');
  await expect(plan).toBeVisible();
  const before = await plan.getAttribute('viewBox');
  await page.getByRole('button', { name: /zoom in/i }).click();
  await expect.poll(() => plan.getAttribute('viewBox')).not.toBe(before);
});
