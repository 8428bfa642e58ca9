// The screen at an entry gate. First on the real host with the simulator running (global setup):
// the gate asks for a code, welcomes a simulated shopper who scanned at that gate, and goes back to
// asking. Then with a scripted feed standing in for the host, so refusals and a tailgater happen on
// cue at this gate and at the other one: each refusal reason in a shopper's words, other gates'
// events ignored. (The simulator only ever presents valid codes, and the host has no way to hold a
// code to a simulated scanner, so a refusal cannot be made to happen on the real host on cue.)
// Last, a host of its own with no live feed, then stopped under the screen.
import { expect, test, type Page } from '@playwright/test';
import type { FloorPlan, LiveEvent, LiveFloorFrame, SystemStatus } from '../native-bridge/contract';
import { callHost, hostUrl, startOwnHost } from './live-helpers';

declare const window: Record<string, unknown>;

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/${name}.png` });
const gateUrl = (gate: string) => `${hostUrl()}#/gate/${gate}`;

test('the gate asks for a code, welcomes a simulated shopper who scanned there, then asks again', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(gateUrl('entry-1'));
  const screen = page.getByTestId('gate-screen');
  await expect(screen).toHaveAttribute('data-state', 'idle', { timeout: 30_000 });
  await expect(page.getByTestId('gate-headline')).toHaveText('Scan your code to enter');
  await expect(page.getByTestId('gate-store-name')).toContainText('Walkout Demo');
  await expect(screen).toContainText('Entry gate 1');
  // Full screen: none of the app's frame.
  await expect(page.locator('.sidebar')).toHaveCount(0);
  await expect(page.getByTestId('connection-state')).toHaveCount(0);
  await shot(page, 'gate-display-idle');

  await expect(screen).toHaveAttribute('data-state', 'admitted', { timeout: 120_000 });
  await expect(page.getByTestId('gate-headline')).toHaveText('Welcome');
  await expect(page.getByTestId('gate-hint')).toHaveText(/^(Come on in|\d of you — come on in together)$/);
  // Nothing that names the shopper: no session, account or track.
  await expect(screen).not.toContainText(/\b[SA]\d+\b|account|track/i);
  await shot(page, 'gate-display-admitted');
  // Back to asking for a code after about 4 s (later if the next shopper is already scanning).
  await expect(screen).toHaveAttribute('data-state', 'idle', { timeout: 60_000 });
});

test('an unknown gate id lists the store’s entry gates, each leading to its display; so does the floor map', async ({ page }) => {
  await page.goto(gateUrl('nowhere'));
  await expect(page.getByTestId('gate-screen')).toHaveAttribute('data-state', 'unknown-gate');
  await expect(page.getByTestId('gate-headline')).toHaveText('No entry gate “nowhere” in this store');
  const list = page.getByTestId('gate-entry-list');
  await expect(list.getByRole('link')).toHaveText([/Entry gate 1\s*entry-1/, /Entry gate 2\s*entry-2/]);
  await shot(page, 'gate-display-unknown');
  await list.getByRole('link', { name: /Entry gate 2/ }).click();
  await expect(page.getByTestId('gate-screen')).toHaveAttribute('data-state', /idle|admitted|tailgating/);
  await expect(page.getByTestId('gate-screen')).toContainText('Entry gate 2');

  // The floor map leads to each entry gate's display.
  await page.goto(hostUrl());
  await page.getByTestId('gate-display-links').getByRole('link', { name: 'Entry gate 1' }).click();
  await expect(page.getByTestId('gate-screen')).toContainText('Entry gate 1');
  expect(page.url()).toMatch(/#\/gate\/entry-1$/);

  await page.goto(gateUrl('exit-1'));
  await expect(page.getByTestId('gate-headline')).toHaveText('“exit-1” is an exit gate');
});

/** A scripted host behind `window.walkout` (the Electron preload's shape): gate events on cue, one every `everyMs`. */
async function scriptedGateHost(page: Page, script: LiveEvent[], everyMs: number): Promise<void> {
  const plan = await callHost<FloorPlan>('getFloorPlan');
  const status = await callHost<SystemStatus>('getSystemStatus');
  const whoAmI = await callHost<unknown>('whoAmI');
  await page.addInitScript(
    ({ plan, status, whoAmI, script, everyMs }) => {
      const start = Date.UTC(2026, 4, 6, 15, 0, 0);
      const opened = Date.now();
      const frame = (): LiveFloorFrame => {
        const due = Math.floor((Date.now() - opened) / everyMs);
        return {
          t: start + Date.now() - opened,
          source: 'simulator',
          speed: 1,
          shoppers: [],
          counters: { openSessions: 0, entered: 0, receipts: 0, heldForReview: 0, tailgating: 0 },
          events: script.slice(0, due + 1),
        };
      };
      const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });
      window.walkout = {
        whoAmI: () => ok(whoAmI),
        getSystemStatus: () => ok(status),
        getFloorPlan: () => ok(plan),
        subscribe(topic: string, handler: (frame: LiveFloorFrame) => void) {
          if (topic !== 'liveFloor') return () => undefined;
          const timer = setInterval(() => handler(frame()), 100);
          return () => clearInterval(timer);
        },
      };
    },
    { plan, status, whoAmI, script, everyMs },
  );
}

test('a refused code shows why in a shopper’s words, a tailgater is asked to scan, other gates are ignored', async ({ page }) => {
  test.setTimeout(90_000);
  // One event every 2.5 s: the first is history (before the screen opened); entry-2's are not this gate's.
  const script: LiveEvent[] = [
    { seq: 1, t: 1000, kind: 'gate-refused', gate: 'entry-1', reason: 'bad-signature' },
    { seq: 2, t: 2000, kind: 'gate-refused', gate: 'entry-1', reason: 'expired' },
    { seq: 3, t: 3000, kind: 'gate-admitted', gate: 'entry-2', sessionId: 'S9', groupSize: 1 },
    { seq: 4, t: 4000, kind: 'gate-refused', gate: 'entry-1', reason: 'reused' },
    { seq: 5, t: 5000, kind: 'tailgating', gate: 'entry-1', trackId: 12, sessionId: 'A3' },
    { seq: 6, t: 6000, kind: 'gate-admitted', gate: 'entry-1', sessionId: 'S10', groupSize: 3 },
  ];
  await scriptedGateHost(page, script, 2500);
  await page.goto(gateUrl('entry-1'));
  const screen = page.getByTestId('gate-screen');
  const headline = page.getByTestId('gate-headline');
  const hint = page.getByTestId('gate-hint');
  await expect(screen).toHaveAttribute('data-state', 'idle');

  await expect(screen).toHaveAttribute('data-state', 'refused');
  await expect(headline).toHaveText('This code has expired');
  await expect(hint).toHaveText('Refresh it in the app and scan again');
  await expect(page.getByRole('alert')).toContainText('This code has expired');
  await shot(page, 'gate-display-refused');

  // entry-2's admission comes and goes without a welcome here: the refusal stays until the next entry-1 event.
  await expect(headline).toHaveText('This code was already used', { timeout: 10_000 });
  await expect(hint).toHaveText('Each code lets you in once — get a new one in the app');

  await expect(screen).toHaveAttribute('data-state', 'tailgating', { timeout: 10_000 });
  await expect(headline).toHaveText('Please scan your code');
  await expect(hint).toHaveText('Everyone needs one (or a group code)');
  await expect(screen).not.toContainText(/A3|12/);
  await shot(page, 'gate-display-tailgating');

  await expect(screen).toHaveAttribute('data-state', 'admitted', { timeout: 10_000 });
  await expect(hint).toHaveText('3 of you — come on in together');
  await shot(page, 'gate-display-admitted-group');
  // Back to asking for a code about 4 s later.
  await expect(screen).toHaveAttribute('data-state', 'idle', { timeout: 6000 });
});

test('a host with no live feed is said to be so, and a host that goes away leaves the gate reconnecting', async ({ page }) => {
  test.setTimeout(90_000);
  const host = await startOwnHost();
  try {
    await page.goto(`${host.url}#/gate/entry-1`);
    const screen = page.getByTestId('gate-screen');
    await expect(screen).toHaveAttribute('data-state', 'no-feed');
    await expect(page.getByTestId('gate-headline')).toHaveText('Gate display not live');
    await shot(page, 'gate-display-no-feed');
    host.stop();
    await expect(screen).toHaveAttribute('data-state', 'connecting', { timeout: 15_000 });
    await expect(page.getByTestId('gate-headline')).toHaveText('Reconnecting…');
    await shot(page, 'gate-display-reconnecting');
  } finally {
    host.dispose();
  }
});
