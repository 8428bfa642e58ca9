// The live floor map as a store manager uses it. First on the real host with the simulator running
// (global setup): watch shoppers move, click one who has taken something, and read the live cart,
// each line with the engine's confidence, and what happened to the session. Then with a scripted
// feed standing in for the host, so alerts and device faults happen on cue: a tailgating toast, a
// refused scan, a shelf controller and a camera going offline drawn on the plan. Last, a host of its
// own with no live feed, stopped under the page: the map must say so each time.
import { expect, test, type Page } from '@playwright/test';
import type { DeviceFault, FloorPlan, LiveEvent, LiveFloorFrame, LiveSessionDetail, SystemStatus } from '../native-bridge/contract';
import { callHost, clickShopper, hostUrl, startOwnHost, watchLiveFloor } from './live-helpers';

declare const window: Record<string, unknown>;

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });

test('a manager watches shoppers, clicks one who has taken something, and sees the cart with confidences', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(hostUrl());
  await expect(page.getByTestId('live-source')).toHaveText(/Simulated sensors/, { timeout: 60_000 });
  await expect.poll(async () => Number(await page.getByTestId('live-shopper-count').textContent()), { timeout: 60_000 }).toBeGreaterThan(0);
  // Check-ins at the gate show in the store's events as they happen.
  await expect(page.getByTestId('live-feed-item').first()).toBeVisible({ timeout: 60_000 });

  // Someone in a session with something in the cart, as the host's own stream says; they may walk
  // out between the pick and the click, so try a few.
  const panel = page.getByTestId('shopper-panel');
  let clicked: { trackId: number; sessionId: string } | undefined;
  for (let attempt = 0; attempt < 5 && !clicked; attempt++) {
    const target = await watchLiveFloor((frame) => frame.shoppers.find((s) => s.sessionId !== undefined && s.cartUnits > 0), 150_000);
    try {
      const trackId = await clickShopper(page, target.trackId);
      await expect(panel).toContainText(`track ${trackId}`, { timeout: 5000 });
      clicked = { trackId, sessionId: target.sessionId! };
    } catch {
      // Gone before the click landed; pick again.
    }
  }
  expect(clicked, 'a shopper with a cart was clicked').toBeDefined();
  await expect(panel.getByTestId('shopper-session')).toHaveText(clicked!.sessionId);
  const lines = panel.getByTestId('cart-line');
  await expect(lines.first()).toBeVisible({ timeout: 10_000 });
  for (const confidence of await panel.getByTestId('cart-line-confidence').allTextContents()) expect(confidence).toMatch(/^\d{1,3}%$/);
  await expect(panel.getByTestId('shopper-cart-total')).toHaveText(/\d/);
  await expect(panel.getByTestId('shopper-events')).toContainText(/Took \d+ × /);
  await shot(page, 'floor-map-shopper-cart');
});

/** A scripted host behind `window.walkout` (the Electron preload's shape) with events on cue. */
async function scriptedHost(page: Page): Promise<{ plan: FloorPlan; controller: string; camera: string }> {
  const plan = await callHost<FloorPlan>('getFloorPlan');
  const status = await callHost<SystemStatus>('getSystemStatus');
  // Who the page is signed in as: the host's own answer (the local operator, without login).
  const whoAmI = await callHost<unknown>('whoAmI');
  const fixture = plan.layout.fixtures[0]!;
  const controller = fixture.shelves[0]!.plates[0]!.device.controller;
  const camera = plan.cameras[3]!.id;
  await page.addInitScript(
    ({ plan, status, whoAmI, controller, camera }) => {
      const entry = plan.layout.gates.find((g) => g.kind === 'entry')!.id;
      const start = Date.UTC(2026, 4, 6, 15, 0, 0);
      let t = start;
      let tick = 0;
      // Before the page opened: two check-ins (history). After ~1.5 s: a tailgater, a reused code,
      // a shelf controller and a camera going offline.
      const history: LiveEvent[] = [
        { seq: 1, t: start - 30_000, kind: 'gate-admitted', gate: entry, sessionId: 'S1', groupSize: 1 },
        { seq: 2, t: start - 20_000, kind: 'gate-admitted', gate: entry, sessionId: 'S2', groupSize: 2 },
      ];
      const news: LiveEvent[] = [
        { seq: 3, t: start + 1000, kind: 'tailgating', gate: entry, trackId: 3, sessionId: 'A1' },
        { seq: 4, t: start + 1100, kind: 'gate-refused', gate: entry, reason: 'reused' },
        { seq: 5, t: start + 1200, kind: 'device-down', device: controller, deviceKind: 'shelf-controller', state: 'offline', detail: 'no data' },
        { seq: 6, t: start + 1300, kind: 'device-down', device: camera, deviceKind: 'camera', state: 'offline', detail: 'no data' },
      ];
      const [w, d] = [plan.layout.floor.width, plan.layout.floor.depth];
      const frame = (): LiveFloorFrame => {
        const late = tick > 15;
        return {
          t,
          source: 'simulator',
          speed: 1,
          shoppers: [
            { trackId: 1, x: w * 0.3 + Math.sin(tick / 10), y: d * 0.4, sessionId: 'S1', state: 'session', cartUnits: 3, revision: 1 },
            { trackId: 2, x: w * 0.6, y: d * 0.5 + Math.cos(tick / 10), sessionId: 'S2', state: 'flagged', cartUnits: 1, revision: 1 },
            ...(late ? [{ trackId: 3, x: w * 0.45, y: d * 0.7, sessionId: 'A1', state: 'anonymous' as const, cartUnits: 0, revision: 1 }] : []),
          ],
          counters: { openSessions: late ? 3 : 2, entered: 2, receipts: 0, heldForReview: 0, tailgating: late ? 1 : 0 },
          events: late ? [...history, ...news] : history,
          devices: late
            ? {
                online: 40,
                faults: (
                  [
                    { device: controller, kind: 'shelf-controller', state: 'offline', since: start + 1200, detail: 'no data' },
                    { device: camera, kind: 'camera', state: 'offline', since: start + 1300, detail: 'no data' },
                  ] satisfies DeviceFault[]
                ).sort((a, b) => (a.device < b.device ? -1 : 1)),
              }
            : { online: 42, faults: [] },
        };
      };
      const session = (id: string): LiveSessionDetail =>
        id === 'A1'
          ? {
              id,
              anonymous: true,
              gate: entry,
              openedAt: start + 1000,
              status: 'open',
              trackIds: [3],
              cart: [],
              pending: [],
              flags: ['tailgating'],
              events: [
                { t: start + 1000, kind: 'member', trackId: 3, via: 'tailgating', gate: entry },
                { t: start + 1000, kind: 'flagged', reason: 'tailgating', detail: 'no scan' },
              ],
              revision: 1,
            }
          : {
              id,
              anonymous: false,
              gate: entry,
              openedAt: start - 30_000,
              status: 'open',
              trackIds: [1],
              cart: [
                { sku: 'BREAD', name: 'Sourdough loaf', quantity: 1, confidence: 0.97, unitPriceMinor: 449 },
                { sku: 'COLA', name: 'Cola 330 ml', quantity: 2, confidence: 0.55, unitPriceMinor: 129 },
              ],
              // Two shelves still settling: a pick of something new and a put-back of a cola.
              pending: [
                { sku: 'OAT', name: 'Oat milk 1 l', quantity: 1, confidence: 0.83, unitPriceMinor: 199, readingId: 'R1', since: start - 300 },
                { sku: 'COLA', name: 'Cola 330 ml', quantity: -1, confidence: 0.71, unitPriceMinor: 129, readingId: 'R2', since: start - 200 },
              ],
              flags: [],
              events: [
                { t: start - 30_000, kind: 'admitted', gate: entry, groupSize: 1 },
                { t: start - 29_000, kind: 'member', trackId: 1, via: 'admission', gate: entry },
                { t: start - 10_000, kind: 'cart', eventId: 'e1', sku: 'BREAD', name: 'Sourdough loaf', quantity: 1, confidence: 0.97, attribution: 0.99 },
                { t: start - 5000, kind: 'cart', eventId: 'e2', sku: 'COLA', name: 'Cola 330 ml', quantity: 2, confidence: 0.55, attribution: 0.61 },
              ],
              revision: 1,
            };
      const handlers = new Set<(frame: LiveFloorFrame) => void>();
      const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
      window.walkout = {
        whoAmI: () => ok(whoAmI),
        getSystemStatus: () => ok(status),
        getFloorPlan: () => ok(plan),
        // A second and a half on the way, so the panel's loading state shows.
        getLiveSession: ({ sessionId }: { sessionId: string }) => new Promise((resolve) => setTimeout(() => resolve({ ok: true, value: session(sessionId) }), 1500)),
        subscribe(topic: string, handler: (frame: LiveFloorFrame) => void) {
          if (topic !== 'liveFloor') return () => undefined;
          handlers.add(handler);
          const timer = setInterval(() => {
            tick++;
            t += 100;
            const f = frame();
            for (const h of handlers) h(f);
          }, 100);
          return () => {
            handlers.delete(handler);
            clearInterval(timer);
          };
        },
      };
    },
    { plan, status, whoAmI, controller, camera },
  );
  return { plan, controller, camera };
}

test('alerts pop up as they happen and devices that go offline are drawn on the plan', async ({ page }) => {
  const { plan, controller, camera } = await scriptedHost(page);
  await page.goto(hostUrl());
  const feed = page.getByTestId('live-feed');
  await expect(feed.getByTestId('live-feed-item')).toHaveCount(2);
  await expect(page.getByTestId('device-health-ok')).toHaveText('All 42 devices reporting.');
  // History raised no toasts.
  await expect(page.getByTestId('live-toast')).toHaveCount(0);

  // The news arrives: toasts, newest first, tailgating as an alert.
  const toasts = page.getByTestId('live-toast');
  await expect(toasts).toHaveCount(3);
  await expect(page.getByRole('alert').filter({ hasText: 'Tailgating at' })).toBeVisible();
  await expect(toasts.first()).toContainText('went offline');
  await expect(feed.getByTestId('live-feed-item')).toHaveCount(6);
  await expect(page.getByTestId('live-counter-tailgating')).toContainText('1');
  await expect(page.getByTestId('live-counter-devices')).toContainText('2');
  await shot(page, 'floor-map-alerts-and-devices');
  // One can be put away by hand.
  await toasts.first().getByRole('button', { name: 'Dismiss' }).click();
  await expect(toasts).toHaveCount(2);

  // On the plan: the controller's fixture outlined, its plates hatched, the camera crossed out.
  const faults = page.getByTestId('layer-device-faults');
  const fixtureIds = plan.layout.fixtures.filter((f) => f.shelves.some((s) => s.plates.some((p) => p.device.controller === controller))).map((f) => f.id);
  for (const id of fixtureIds) await expect(faults.getByTestId(`fault-fixture-${id}`)).toBeVisible();
  await expect(faults.getByTestId(`fault-camera-${camera}`)).toBeVisible();
  const health = page.getByTestId('device-health');
  await expect(health.getByTestId('device-fault')).toHaveCount(2);
  await expect(health.locator(`[data-device="${controller}"]`)).toContainText(/offline since .* · no data · \d+ plates not weighing/);

  // The tailgating entry leads to the tailgater: their anonymous, flagged session.
  await feed.getByRole('button', { name: /Tailgating at/ }).click();
  const panel = page.getByTestId('shopper-panel');
  await expect(panel).toContainText('track 3');
  await expect(panel.getByTestId('shopper-session-loading')).toBeVisible();
  await expect(panel.getByTestId('shopper-flags')).toContainText('came in without scanning');
  await expect(panel.getByTestId('shopper-cart-empty')).toBeVisible();
  await expect(panel.getByTestId('shopper-pending')).toHaveCount(0);

  // A shopper with a cart: lines least sure first, with their confidence.
  await page.getByRole('application', { name: /floor plan/i }).focus();
  await page.keyboard.press(']');
  await expect(panel).toContainText('track 1');
  await expect(panel.getByTestId('cart-line')).toHaveCount(2);
  await expect(panel.getByTestId('cart-line-confidence')).toHaveText(['55%', '97%']);
  await expect(panel.getByTestId('shopper-events')).toContainText('Took 2 × Cola 330 ml (55% sure, 61% this shopper)');
  // Lines still settling, apart from the cart: neither cart rows nor in its total.
  await expect(panel.getByTestId('pending-line')).toHaveText(['+1 Oat milk 1 l · settling · 83%', '\u22121 Cola 330 ml · settling · 71%']);
  await expect(panel.getByTestId('shopper-cart-lines').locator('tfoot td').first()).toHaveText('3');
  await shot(page, 'floor-map-cart-panel');

  // Toasts go away by themselves after a few seconds.
  await expect(toasts).toHaveCount(0, { timeout: 10_000 });
});

test('a host with no live feed says so, and a host that goes away shows the connection lost', async ({ page }) => {
  test.setTimeout(90_000);
  const host = await startOwnHost();
  try {
    await page.goto(host.url);
    const strip = page.getByTestId('live-strip');
    await expect(strip).toHaveAttribute('data-state', 'no-feed');
    await expect(strip).toContainText('No live feed is configured on this host');
    await expect(page.getByTestId('floor-plan')).toBeVisible();
    await shot(page, 'floor-map-no-feed');

    host.stop();
    await expect(strip).toHaveAttribute('data-state', 'disconnected', { timeout: 15_000 });
    await expect(page.getByTestId('live-notice')).toContainText('Connection to the host lost');
    await shot(page, 'floor-map-disconnected');
  } finally {
    host.dispose();
  }
});
