import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startBrowserHost } from './main/hosts/browser/browser-host';
import { loadStore, demoStoreDir } from './main/store/load';
import { SyntheticCrowd } from './main/runs/synthetic-crowd';
const store = loadStore(demoStoreDir());
const host = await startBrowserHost({ config: { storeDir: demoStoreDir(), dataDir: mkdtempSync(join(tmpdir(), 'x-')), healthIntervalMs: 2000 }, port: 0, log: () => undefined });
let crowd = new SyntheticCrowd(store, 100);
let latest = crowd.step(100);
host.app.api.streams.provideSnapshot('liveFloor', () => latest);
const timer = setInterval(() => { latest = crowd.step(100); host.app.api.streams.publish('liveFloor', latest); }, 100);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const variants: [string, number, string][] = [
  ['base', 100, ''],
  ['300', 300, ''],
  ['base', 100, ''],
];
for (const [name, n, css] of variants) {
  crowd = new SyntheticCrowd(store, n);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(host.url);
  await page.waitForSelector(`[data-testid="live-layer"][data-shoppers="${n}"]`);
  if (css) await page.evaluate(css);
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.waitForTimeout(3000);
  const buf = await browser.stopTracing(); (await import('node:fs')).writeFileSync('/tmp/f/t-' + n + '.json', buf); const trace = JSON.parse(buf.toString()) as { traceEvents: any[] };
  const ev = trace.traceEvents;
  const thread = new Map<string, string>();
  for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') thread.set(`${e.pid}:${e.tid}`, e.args.name);
  const mainKey = [...thread.entries()].find(([, v]) => v === 'CrRendererMain')![0];
  const onMain = ev.filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === 'X');
  const tasks = onMain.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const rafs = onMain.filter((e) => e.name === 'FireAnimationFrame').map((e) => e.ts).sort((a, b) => a - b);
  let frameCpu = 0, frameWall = 0, frames = 0, otherCpu = 0;
  let k = 0;
  for (const t of tasks) {
    while (k < rafs.length && rafs[k] < t.ts) k++;
    const has = k < rafs.length && rafs[k] <= t.ts + t.dur;
    if (has) { frames++; frameCpu += (t.tdur ?? 0) / 1000; frameWall += t.dur / 1000; } else otherCpu += (t.tdur ?? 0) / 1000;
  }
  console.log(name.padEnd(8), 'frames', frames, 'frame task cpu ms', (frameCpu / frames).toFixed(2), 'wall ms', (frameWall / frames).toFixed(2), 'other main cpu ms/s', (otherCpu / 3).toFixed(0));
  await page.close();
}
clearInterval(timer);
await browser.close();
await host.close();
