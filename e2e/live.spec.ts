// The floor map's live layer, end to end. The first test watches the real host's simulated feed
// (global setup starts it with --simulate) through the status strip, and checks a shopper's panel
// once the engine puts shoppers on the floor. The second replaces the host link with a scripted
// feed of 200 moving shoppers, so drawing, picking and smoothness are checked whatever stage the
// engine's vision is at.
import { expect, test, type Page } from '@playwright/test';
import WebSocket from 'ws';
import type { FloorPlan, LiveFloorFrame, SystemStatus } from '../native-bridge/contract';

const url = () => process.env.WALKOUT_E2E_URL!;

// The e2e folder is type-checked with Node's libraries, not the DOM's; these are the few browser
// names the snippets below use inside the page.
interface PageElement {
  dataset: Record<string, string | undefined>;
  getBoundingClientRect(): { left: number; top: number };
  parentElement: { dispatchEvent(event: unknown): boolean } | null;
}
declare const document: { querySelector(selector: string): PageElement | null };
declare const window: Record<string, unknown>;
declare const MouseEvent: new (type: string, init: { bubbles: boolean; clientX: number; clientY: number; button: number }) => unknown;
declare function requestAnimationFrame(callback: (now: number) => void): number;

/** One call to the running host over its WebSocket API, as the renderer would make it. */
async function callHost<T>(method: string): Promise<T> {
  const page = new URL(url());
  const socket = new WebSocket(`ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`);
  try {
    return await new Promise<T>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ t: 'q', i: '1', m: method, a: [{}] })));
      socket.on('message', (data: WebSocket.RawData) => {
        const frame = JSON.parse(data.toString()) as { t: string; i?: string; r?: T; e?: unknown };
        if (frame.t !== 's' || frame.i !== '1') return;
        if (frame.e) reject(new Error(`${method}: ${JSON.stringify(frame.e)}`));
        else resolve(frame.r as T);
      });
    });
  } finally {
    socket.close();
  }
}

/**
 * Clicks the shopper the live canvas last drew first. Shoppers move fast at 10× real time, so the
 * spot is read and the click dispatched in one go inside the page, between two animation frames:
 * the click lands exactly where the shopper was drawn. Returns the track id clicked.
 */
async function clickFirstShopper(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="live-layer"]');
    const [id, x, y] = (canvas?.dataset.sample ?? '').split(' ').map(Number);
    if (!canvas || id === undefined || x === undefined || y === undefined || Number.isNaN(y)) throw new Error('no shopper drawn');
    const rect = canvas.getBoundingClientRect();
    canvas.parentElement!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: rect.left + x, clientY: rect.top + y, button: 0 }));
    return id;
  });
}

test('the live strip follows the simulated feed, and a shopper opens their panel', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(url());
  const source = page.getByTestId('live-source');
  await expect(source).toHaveText(/Simulated sensors · 10× real time/, { timeout: 60_000 });

  // The store clock runs (at 10× it ticks several store seconds per wall second).
  const clock = page.getByTestId('live-clock');
  const first = await clock.textContent();
  await expect.poll(() => clock.textContent(), { timeout: 30_000 }).not.toBe(first);

  const count = page.getByTestId('live-shopper-count');
  await expect(count).toHaveText(/^\d+$/);
  await expect(page.getByTestId('live-layer')).toBeVisible();
  await expect(page.getByTestId('live-counter-openSessions')).toContainText(/\d/);

  // Until the engine's vision stage is wired in there may be nobody on the floor; that is a valid
  // state the strip must say in words. Give shoppers a while to appear before settling for it.
  const shoppers = await expect
    .poll(async () => Number(await count.textContent()), { timeout: 20_000 })
    .toBeGreaterThan(0)
    .then(
      () => true,
      () => false,
    );
  if (shoppers) {
    const trackId = await clickFirstShopper(page);
    const panel = page.getByTestId('shopper-panel');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(`track ${trackId}`);
    await expect(panel.getByTestId('shopper-session')).toHaveText(/^S\S+|not bound to a session$/);
    await page.screenshot({ path: 'test-results/screenshots/live-floor.png' });
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  } else {
    await expect(page.getByTestId('live-empty')).toHaveText('No shoppers on the floor');
    await page.screenshot({ path: 'test-results/screenshots/live-floor.png' });
  }
});

test('a crowd of 200 scripted shoppers is drawn, picked and stepped through smoothly', async ({ page }) => {
  const plan = await callHost<FloorPlan>('getFloorPlan');
  const status = await callHost<SystemStatus>('getSystemStatus');
  // Stands in for the Electron preload: with `window.walkout` present the renderer talks to it
  // instead of the host, and this one pushes a made-up crowd ten times a second.
  await page.addInitScript(
    ({ plan, status, crowd }) => {
      const states = ['session', 'session', 'session', 'anonymous', 'unbound', 'flagged'] as const;
      const { width, depth } = plan.layout.floor;
      let t = Date.UTC(2026, 4, 6, 14, 30, 0);
      const frameAt = (now: number): LiveFloorFrame => ({
        t: now,
        source: 'simulator',
        speed: 10,
        shoppers: Array.from({ length: crowd }, (_, i) => {
          // Each shopper walks a small loop at about 1 m/s around their own spot on the floor.
          const state = states[i % states.length]!;
          const angle = (now / 1000) * (0.5 + (i % 7) * 0.05) + i;
          const cx = width * (0.1 + (0.8 * ((i * 37) % 100)) / 100);
          const cy = depth * (0.1 + (0.8 * ((i * 61) % 100)) / 100);
          return {
            trackId: i + 1,
            x: cx + Math.cos(angle) * 1.5,
            y: cy + Math.sin(angle) * 1.5,
            ...(state === 'unbound' ? {} : { sessionId: `S${i + 1}` }),
            state,
            cartUnits: i % 5,
          };
        }),
        counters: { openSessions: 167, entered: 240, receipts: 40, heldForReview: 3, tailgating: 1 },
      });
      const handlers = new Set<(frame: LiveFloorFrame) => void>();
      let timer: ReturnType<typeof setInterval> | undefined;
      const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
      window.walkout = {
        getSystemStatus: () => ok(status),
        getFloorPlan: () => ok(plan),
        subscribe(topic: string, handler: (frame: LiveFloorFrame) => void) {
          if (topic !== 'liveFloor') return () => undefined;
          handlers.add(handler);
          timer ??= setInterval(() => {
            t += 1000;
            const frame = frameAt(t);
            for (const h of handlers) h(frame);
          }, 100);
          return () => {
            handlers.delete(handler);
            if (handlers.size === 0) {
              clearInterval(timer);
              timer = undefined;
            }
          };
        },
      };
    },
    { plan, status, crowd: 200 },
  );

  await page.goto(url());
  await expect(page.getByTestId('live-shopper-count')).toHaveText('200');
  await expect(page.getByTestId('live-source')).toHaveText(/Simulated sensors · 10× real time/);
  const layer = page.getByTestId('live-layer');
  await expect(layer).toHaveAttribute('data-shoppers', '200');

  // Smooth: count animation frames over two seconds while the crowd moves.
  const fps = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now: number) => {
          frames++;
          if (now - start < 2000) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
  );
  console.log(`live layer with 200 shoppers: ${fps.toFixed(1)} animation frames per second`);
  // Deliberately loose: CI machines render without a GPU and share their CPUs. This catches the
  // layer falling over (say, shoppers going back through React), not a few lost frames.
  expect(fps).toBeGreaterThan(15);

  const trackId = await clickFirstShopper(page);
  const panel = page.getByTestId('shopper-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`track ${trackId}`);
  await expect(panel.getByTestId('shopper-session')).toHaveText(`S${trackId}`);
  await expect(panel.getByTestId('shopper-state')).toHaveText('In a session');
  await page.screenshot({ path: 'test-results/screenshots/live-floor-crowd.png' });

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // From the keyboard: focus the map, step to a shopper, close again.
  await page.getByRole('application', { name: /floor plan/i }).focus();
  await page.keyboard.press(']');
  await expect(panel).toContainText('track 1');
  await expect(panel.getByTestId('shopper-session')).toHaveText('S1');
  await page.keyboard.press(']');
  await expect(panel).toContainText('track 2');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Closer in, shoppers are drawn to scale (half a metre across) with their track ids.
  await page.getByRole('button', { name: /zoom in/i }).click();
  await page.getByRole('button', { name: /zoom in/i }).click();
  await page.screenshot({ path: 'test-results/screenshots/live-floor-crowd-zoomed.png' });
});
