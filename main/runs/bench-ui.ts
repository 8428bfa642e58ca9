// `walkout bench ui`: how long the live floor map takes per animation frame with N moving shoppers,
// in Chromium, through the real path: the browser host serves the built renderer, a scripted crowd
// (SyntheticCrowd) is published on the host's own `liveFloor` stream ten times a second, and the
// page receives it over the WebSocket, interpolates and paints it exactly as a manager's would.
//
// Two measurements per crowd size:
// - frame time: Chromium started with its frame-rate limit off, so frames follow one another as
//   fast as the browser can make them; the time between two consecutive animation frames in which
//   the live layer drew is what one frame costs (script, style, paint, raster, compositing).
// - at 60 Hz: a normal Chromium; the share of the layer's frames that came later than one refresh
//   after the previous one (dropped frames).
// Both come from timing the page's own requestAnimationFrame callbacks (wrapped before the app
// loads), counting only pairs of frames in which the layer asked for the next one, so the moments
// it rests between two data frames are not taken for slow frames. A Chrome trace of the frame-time
// run splits the main thread's time per frame into script, style and layout, and paint.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startBrowserHost, type BrowserHost } from '../hosts/browser/browser-host';
import { findChromium } from '../platform/system-check';
import { loadStore } from '../store/load';
import { SyntheticCrowd } from './synthetic-crowd';

export interface UiBenchOptions {
  storeDir: string;
  shoppers: readonly number[];
  /** Seconds measured per crowd size and mode. */
  seconds: number;
  /** Seconds the page runs before measuring (JIT, first paints, trail buffers filling). */
  warmupSeconds: number;
  viewport: { width: number; height: number };
  log: (line: string) => void;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface UiBenchRow {
  shoppers: number;
  /** Frame-rate limit off: ms between consecutive drawing frames. */
  frameMs: Percentiles;
  framesMeasured: number;
  /** Of which: the live layer's own drawing callback (interpolate, lay out, paint calls). */
  drawMs: Percentiles;
  /** From the trace of the same run: main-thread ms per frame by kind of work. */
  mainThreadMsPerFrame: { script: number; styleLayout: number; paint: number; total: number } | null;
  /** Normal Chromium at 60 Hz. */
  vsync: { framesMeasured: number; intervalMs: Percentiles; lateShare: number };
}

const FRAME_MS_AT_60HZ = 1000 / 60;
const DATA_FRAME_MS = 100;

// This module is type-checked with Node's libraries; these are the browser names the page-side
// functions below use.
interface BenchWindow {
  requestAnimationFrame(callback: (timestamp: number) => void): number;
  __uiBench: number[];
}
declare const window: BenchWindow;

/** Installed before the app's scripts: times every animation-frame callback the page asks for. */
function frameRecorder(): void {
  const w = window;
  const native = w.requestAnimationFrame.bind(w);
  const samples: number[] = [];
  let requested = 0;
  w.__uiBench = samples;
  w.requestAnimationFrame = (callback) => {
    requested++;
    return native((timestamp) => {
      const before = requested;
      const start = performance.now();
      callback(timestamp);
      // [frame time stamp, callback ms, whether it asked for the next frame]
      samples.push(timestamp, performance.now() - start, requested > before ? 1 : 0);
    });
  };
}

export function percentiles(values: readonly number[]): Percentiles {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1]!, mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

/** Intervals between consecutive frames of continuous animation, and each frame's callback ms. */
export function frameIntervals(samples: readonly number[]): { intervals: number[]; work: number[] } {
  const intervals: number[] = [];
  const work: number[] = [];
  for (let i = 0; i + 2 < samples.length; i += 3) {
    work.push(samples[i + 1]!);
    const next = i + 3;
    if (samples[i + 2] === 1 && next + 2 < samples.length) intervals.push(samples[next]! - samples[i]!);
  }
  return { intervals, work };
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/** Main-thread time of the renderer by kind of work, from a Chrome trace (µs → ms). */
export function mainThreadBreakdown(trace: { traceEvents: TraceEvent[] }): { script: number; styleLayout: number; paint: number; total: number } {
  const events = trace.traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e: TraceEvent) => main !== undefined && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && typeof e.dur === 'number';
  const sum = (names: readonly string[]) => events.filter((e) => onMain(e) && names.includes(e.name)).reduce((ms, e) => ms + e.dur! / 1000, 0);
  return {
    script: sum(['FireAnimationFrame', 'FunctionCall', 'EventDispatch', 'TimerFire']),
    styleLayout: sum(['UpdateLayoutTree', 'Layout']),
    paint: sum(['Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'CompositeLayers']),
    total: sum(['RunTask', 'ThreadControllerImpl::RunTask']),
  };
}

async function openMap(browser: Browser, host: BrowserHost, options: UiBenchOptions, shoppers: number): Promise<Page> {
  const page = await browser.newPage({ viewport: options.viewport });
  await page.addInitScript(frameRecorder);
  await page.goto(host.url);
  await page.waitForSelector(`[data-testid="live-layer"][data-shoppers="${shoppers}"]`, { timeout: 60_000 });
  await page.waitForTimeout(options.warmupSeconds * 1000);
  await page.evaluate(() => window.__uiBench.splice(0));
  return page;
}

async function measure(page: Page, seconds: number): Promise<{ intervals: number[]; work: number[] }> {
  await page.waitForTimeout(seconds * 1000);
  const samples = await page.evaluate(() => window.__uiBench.splice(0));
  return frameIntervals(samples);
}

export async function benchUi(options: UiBenchOptions): Promise<UiBenchRow[]> {
  const playwright = await import('@playwright/test').catch(() => {
    throw new Error('bench ui drives Chromium through Playwright, a development dependency: run `npm ci` (not --omit=dev) first');
  });
  const executablePath = findChromium();
  const store = loadStore(options.storeDir);
  const dataDir = mkdtempSync(join(tmpdir(), 'walkout-bench-ui-'));
  const host = await startBrowserHost({ config: { storeDir: options.storeDir, dataDir, healthIntervalMs: 2000 }, port: 0, log: () => undefined });
  const streams = host.app.api.streams;
  let crowd = new SyntheticCrowd(store, options.shoppers[0] ?? 0);
  let latest = crowd.step(DATA_FRAME_MS);
  // Stands in for the live feed the host would otherwise have: new pages get the latest frame.
  streams.provideSnapshot('liveFloor', () => latest);
  const publisher = setInterval(() => {
    latest = crowd.step(DATA_FRAME_MS);
    streams.publish('liveFloor', latest);
  }, DATA_FRAME_MS);

  const baseArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
  const launch = (extra: string[]) => playwright.chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...baseArgs, ...extra] });
  const rows: UiBenchRow[] = [];
  try {
    const uncapped = await launch(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
    const partial = new Map<number, Omit<UiBenchRow, 'vsync'>>();
    try {
      for (const n of options.shoppers) {
        crowd = new SyntheticCrowd(store, n);
        options.log(`bench ui: ${n} shoppers, frame-rate limit off, ${options.seconds} s…`);
        const page = await openMap(uncapped, host, options, n);
        await uncapped.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
        const { intervals, work } = await measure(page, options.seconds);
        const trace = JSON.parse((await uncapped.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
        const breakdown = mainThreadBreakdown(trace);
        const frames = Math.max(1, work.length);
        partial.set(n, {
          shoppers: n,
          frameMs: percentiles(intervals),
          framesMeasured: intervals.length,
          drawMs: percentiles(work),
          mainThreadMsPerFrame: breakdown.total > 0
            ? { script: breakdown.script / frames, styleLayout: breakdown.styleLayout / frames, paint: breakdown.paint / frames, total: breakdown.total / frames }
            : null,
        });
        await page.close();
      }
    } finally {
      await uncapped.close();
    }

    const vsync = await launch([]);
    try {
      for (const n of options.shoppers) {
        crowd = new SyntheticCrowd(store, n);
        options.log(`bench ui: ${n} shoppers, 60 Hz, ${options.seconds} s…`);
        const page = await openMap(vsync, host, options, n);
        const { intervals } = await measure(page, options.seconds);
        const late = intervals.filter((ms) => ms > FRAME_MS_AT_60HZ * 1.5).length;
        rows.push({ ...partial.get(n)!, vsync: { framesMeasured: intervals.length, intervalMs: percentiles(intervals), lateShare: intervals.length > 0 ? late / intervals.length : NaN } });
        await page.close();
      }
    } finally {
      await vsync.close();
    }
  } finally {
    clearInterval(publisher);
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

/** The figures as a Markdown table. */
export function uiBenchTable(rows: readonly UiBenchRow[]): string {
  const f = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '—');
  const lines = [
    '| shoppers | frame ms p50 | p95 | p99 | max | ≈ fps | draw ms p50 | p95 | main thread ms/frame (script · style+layout · paint) | 60 Hz: interval p50 | late frames |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const m = r.mainThreadMsPerFrame;
    const main = m ? `${f(m.total)} (${f(m.script)} · ${f(m.styleLayout)} · ${f(m.paint)})` : '—';
    lines.push(
      `| ${r.shoppers} | ${f(r.frameMs.p50)} | ${f(r.frameMs.p95)} | ${f(r.frameMs.p99)} | ${f(r.frameMs.max)} | ${f(1000 / r.frameMs.mean, 0)} | ${f(r.drawMs.p50, 2)} | ${f(r.drawMs.p95, 2)} | ${main} | ${f(r.vsync.intervalMs.p50)} | ${f(r.vsync.lateShare * 100)} % |`,
    );
  }
  return lines.join('\n');
}
