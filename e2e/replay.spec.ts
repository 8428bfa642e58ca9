// Shopper replay end to end on the real host with the simulator: a manager finds a session that has
// left the store, opens its replay, plays it, seeks with the slider, the keyboard and the timeline,
// changes speed, and opens the evidence (with the plates' weight curve) of one of its shelf events.
import { expect, test } from '@playwright/test';
import type { SessionReplay, SessionSearchResult } from '../native-bridge/contract';
import { callHost, hostUrl } from './live-helpers';

const replayUrl = () => {
  const url = new URL(hostUrl());
  url.hash = '#/replay';
  return url.toString();
};

/** A closed session with a recorded path and at least one shelf event in its cart. */
async function closedSessionWithEvents(): Promise<SessionReplay> {
  let found: SessionReplay | undefined;
  await expect
    .poll(
      async () => {
        const result = await callHost<SessionSearchResult>('searchSessions', { limit: 100 });
        for (const s of result.sessions.filter((x) => x.closedAt !== undefined && x.units > 0)) {
          const replay = await callHost<SessionReplay>('getSessionReplay', { sessionId: s.sessionId });
          if (replay.pathsRecorded && replay.cartSteps.length > 0) found = replay;
          if (found) break;
        }
        return found !== undefined;
      },
      { timeout: 200_000, intervals: [3000] },
    )
    .toBe(true);
  return found!;
}

test('a manager finds a session, plays its replay, seeks and reads the evidence of a decision', async ({ page }) => {
  test.setTimeout(300_000);
  const wanted = await closedSessionWithEvents();
  const id = wanted.session.sessionId;

  await page.goto(replayUrl());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Replay', { timeout: 30_000 });
  await expect(page.getByTestId('replay-none-selected')).toBeVisible();
  await page.getByTestId('replay-search-text').fill(id);
  await page.getByTestId('replay-search-go').click();
  const result = page.getByTestId(`replay-result-${id}`);
  await expect(result).toBeVisible();
  await result.click();

  const player = page.getByTestId('replay-player');
  await expect(player).toBeVisible();
  await expect(page.getByTestId('replay-map')).toBeVisible();
  await expect(page.getByTestId('replay-cart-empty')).toBeVisible();
  const clock = page.getByTestId('replay-clock');
  await expect(clock).toHaveText(/^0:00 \//);

  // Play at 16×: the playhead moves and the shopper appears on the plan.
  await page.getByTestId('replay-speed').selectOption('16');
  await page.getByTestId('replay-play').click();
  await expect(clock).not.toHaveText(/^0:00 \//, { timeout: 10_000 });
  await expect(page.locator('[data-testid^="replay-shopper-"]').first()).toBeVisible();
  await page.getByTestId('replay-play').click();
  await expect(page.getByTestId('replay-play')).toHaveText(/Play/);

  // Seek with the slider to just after the last cart change: the cart shows the final cart.
  const lastStep = wanted.cartSteps.at(-1)!;
  const seek = page.getByTestId('replay-seek');
  await seek.fill(String(Math.ceil((lastStep.t - wanted.startMs) / 100) * 100 + 100));
  const cart = page.getByTestId('replay-cart');
  await expect(cart.locator('li')).toHaveCount(lastStep.cart.length);
  await page.screenshot({ path: 'test-results/screenshots/replay-seeked.png' });

  // Keyboard: Home goes back to the start, where the cart is empty again; + and − change the speed.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Home');
  await expect(clock).toHaveText(/^0:00 \//);
  await expect(page.getByTestId('replay-cart-empty')).toBeVisible();
  await page.keyboard.press('-');
  await expect(page.getByTestId('replay-speed')).toHaveValue('8');
  await page.keyboard.press('.');
  await expect(clock).not.toHaveText(/^0:00 \//);

  // A shelf event from the timeline: its evidence and the plates' weight curve from the input log.
  const eventMoment = wanted.moments.findIndex((m) => m.kind === 'shelf-event');
  await page.getByTestId(`replay-moment-${eventMoment}`).click();
  const evidence = page.getByTestId('replay-evidence');
  await expect(evidence).toBeVisible();
  await expect(evidence.getByTestId('evidence-candidates')).toContainText(id);
  await expect(evidence.getByTestId('replay-weights')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-testid^="replay-plate-active-"]').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/replay-evidence.png' });
});

test('the replay page says when a session does not exist', async ({ page }) => {
  const url = new URL(hostUrl());
  url.hash = '#/replay/r99.S1';
  await page.goto(url.toString());
  await expect(page.getByTestId('replay-error')).toContainText('no session r99.S1');
});
