// Devices → Cameras end to end on the real host (global setup starts it on the demo store with the
// simulator): the demo's cameras are simulated and say they have no video; the gate camera is given
// a real store clip as its video source, and its still shows people with boxes and track ids from
// the real detector; its floor calibration is clicked on the still and the plan, the reprojection
// error shown and saved; a missing video file is refused with the host's reason.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadStore } from '../main/store/load';
import { projectToImage } from '../main/store/geometry';
import type { Point } from '../main/store/schema';

const url = () => process.env.WALKOUT_E2E_URL!;
const clip = resolve('../shared/data/video/cps-test-2-all-cam6.mp4');
const demo = loadStore(resolve('main/store/demo'));
const gateCamera = demo.cameras.find((c) => c.id === 'cam-25')!;

async function openCameras(page: Page): Promise<void> {
  await page.goto(url());
  await page.getByRole('link', { name: /^Devices/ }).click();
  await page.getByRole('tab', { name: 'Cameras' }).click();
  await expect(page.getByTestId('cameras-tab')).toBeVisible({ timeout: 20_000 });
}

/** Clicks a point given in an SVG's own units (still pixels, or plan metres), scrolling it into view. */
async function clickSvg(svg: Locator, point: Point): Promise<void> {
  const position = await svg.evaluate((element, [x, y]) => {
    // The SVG's user units to the screen (its current transformation matrix), then relative to its box.
    type Svg = { getScreenCTM(): { a: number; b: number; c: number; d: number; e: number; f: number }; getBoundingClientRect(): { left: number; top: number } };
    const m = (element as unknown as Svg).getScreenCTM();
    const box = (element as unknown as Svg).getBoundingClientRect();
    return { x: m.a * x + m.c * y + m.e - box.left, y: m.b * x + m.d * y + m.f - box.top };
  }, point);
  await svg.click({ position });
}

test('a simulated camera says it has no video; a clip gives real frames, people and tracks; a calibration is clicked and saved', async ({ page }) => {
  test.skip(!existsSync(clip), `the store clip ${clip} is absent (shared data folder)`);
  test.setTimeout(180_000);
  await openCameras(page);

  // 26 cameras, all simulated on the demo store.
  await expect(page.getByTestId('camera-list').getByRole('button')).toHaveCount(26);
  await page.getByTestId('camera-item-cam-01').click();
  await expect(page.getByTestId('camera-state')).toHaveText('simulated (no video)');
  await expect(page.getByTestId('camera-no-video')).toContainText('No video source');
  await expect(page.getByTestId('camera-plan-fov')).toBeVisible();

  // The gate camera: a missing file is refused, the real clip accepted.
  await page.getByTestId('camera-item-cam-25').click();
  await expect(page.getByTestId('camera-title')).toContainText('cam-25');
  const form = page.getByTestId('camera-source-form');
  await form.getByLabel('source address').fill('/nonexistent/clip.mp4');
  await form.getByLabel('source reason').fill('trying a clip');
  await form.getByTestId('camera-source-apply').click();
  await expect(page.getByTestId('camera-change-error')).toHaveText('no video file at /nonexistent/clip.mp4 on the computer running Walkout');
  await form.getByLabel('source address').fill(clip);
  await form.getByLabel('source reason').fill('demo: the gate camera plays a store clip');
  await form.getByTestId('camera-source-apply').click();
  await expect(page.getByTestId('camera-notice')).toContainText(`now reads ${clip}`);

  // Frames flow; the detector finds people and the tracker gives them ids.
  await expect(page.getByTestId('camera-state')).toHaveText('running', { timeout: 30_000 });
  await expect(page.getByTestId('detector-status')).toHaveText(/^Detector yolox_nano on cpu/, { timeout: 60_000 });
  await expect(page.getByTestId('camera-still')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.locator('[data-testid="detection"]:not([data-track=""])').count(), { timeout: 60_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('camera-figures')).toContainText(/fps processed of .* captured · \d+ dropped · \d+ ms\/frame detection · \d+ tracks?/);
  await page.screenshot({ path: 'test-results/screenshots/cameras-still.png' });

  // Calibration: six floor points in the gate camera's view, clicked on the plan and where the
  // camera's pose puts them on the still (the clip is another store's: the points are the demo's).
  const still = page.getByTestId('camera-still-overlay');
  const plan = page.getByTestId('camera-plan');
  const floor: Point[] = [[1.5, 9], [3.5, 9], [3.8, 9.8], [1.2, 9.8], [2.5, 9.4], [0.8, 8.8]];
  for (const [i, p] of floor.entries()) {
    const [u, v] = projectToImage(gateCamera, [p[0], p[1], 0])!;
    await clickSvg(still, [(u * 640) / gateCamera.resolution.width, (v * 360) / gateCamera.resolution.height]);
    await clickSvg(plan, p);
    if (i === 3) await expect(page.getByTestId('calibration-error')).toContainText('4 pairs fit exactly');
  }
  await expect(page.getByTestId('calibration-pairs').locator('tbody tr')).toHaveCount(6);
  // Clicks land on whole screen pixels: a few centimetres of error, not zero.
  await expect(page.getByTestId('calibration-error')).toHaveText(/Reprojection error: \d+\.\d cm RMS, \d+\.\d cm at worst\./);
  await expect(page.getByTestId('camera-plan-fit-fov')).toBeVisible();
  await page.getByLabel('calibration reason').fill('gate camera remounted');
  await page.getByTestId('calibration-save').click();
  await expect(page.getByTestId('camera-notice')).toContainText('calibration saved');
  await expect(page.getByTestId('calibration-placement')).toContainText(/Calibrated here by \S+ .*6 pairs, reprojection error \d+\.\d cm RMS/);
  await expect(page.getByTestId('camera-item-cam-25')).toContainText('calibrated');
  await page.screenshot({ path: 'test-results/screenshots/cameras-calibrated.png' });

  // Back as it was, for the other tests sharing this host (and audited as well).
  await page.getByLabel('calibration reason').fill('end of the test');
  await page.getByTestId('calibration-clear').click();
  await expect(page.getByTestId('calibration-placement')).toContainText("Placed by the store's installed pose");
  await form.getByLabel('source reason').fill('end of the test');
  await form.getByTestId('camera-source-remove').click();
  await expect(page.getByTestId('camera-state')).toHaveText('simulated (no video)');
});
