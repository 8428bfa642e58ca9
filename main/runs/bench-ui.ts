// `walkout bench ui`: how long the live floor map takes per animation frame with N moving shoppers,
// in Chromium, through the real path: the browser host serves the built renderer, a scripted crowd
// (SyntheticCrowd) is published on the host's own `liveFloor` stream ten times a second, and the
// page receives it over the WebSocket, interpolates and paints it exactly as a manager's would.
//
// Per crowd size, two runs:
// - frame-rate limit off (Chromium's vsync cap removed), so frames follow one another as fast as
//   the browser can make them, traced. From the Chrome trace: the main thread's CPU time of each
//   animation frame's task (the layer's drawing callback, style, paint, and the commit, where a
//   software canvas is rasterised), split by kind, and the compositor's and display compositor's
//   CPU per frame. CPU time rather than wall time because it is what a frame costs: on a busy
//   machine wall time also counts the moments the thread waited for a core. From the page's own
//   requestAnimationFrame timing: wall time between consecutive frames.
// - a normal Chromium at 60 Hz: the share of the layer's frames that came later than one and a
//   half refreshes after the previous one (dropped frames), wall clock.
// requestAnimationFrame callbacks are timed by a wrapper installed before the app loads; only pairs
// of frames in which the layer asked for the next one count, so its rests between two data frames
// are not taken for slow frames.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
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

export interface FrameCost {
  /** Main-thread CPU ms of each animation frame's task. */
  cpuMs: Percentiles;
  /** Mean CPU ms per frame by kind of work, inside those tasks. */
  parts: { script: number; styleLayout: number; paint: number; commit: number };
  /** Compositor and display-compositor threads, CPU ms per frame. */
  compositorMs: number;
  /** Main-thread CPU outside animation frames (the live stream, React), ms per second. */
  otherMainMsPerSecond: number;
  frames: number;
}

export interface UiBenchRow {
  shoppers: number;
  /** From the trace of the frame-rate-limit-off run; null when the trace had no renderer main thread. */
  cost: FrameCost | null;
  /** Frame-rate limit off: wall ms between consecutive drawing frames. */
  frameMs: Percentiles;
  framesMeasured: number;
  /** The live layer's own drawing callback, wall ms. */
  drawMs: Percentiles;
  /** Normal Chromium at 60 Hz, wall clock. */
  vsync: { framesMeasured: number; intervalMs: Percentiles; lateShare: number };
  /** The machine's 1-minute load average during the run: wall-clock figures suffer when it exceeds its cores. */
  loadAverage: number;
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
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

function threadOf(events: readonly TraceEvent[], name: string): ((e: TraceEvent) => boolean) | null {
  const meta = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name);
  return meta ? (e) => e.pid === meta.pid && e.tid === meta.tid : null;
}

const cpuMs = (e: TraceEvent) => (e.tdur ?? 0) / 1000;

/**
 * What each animation frame costs in CPU, from a Chrome trace (timestamps in µs): the renderer's
 * main-thread tasks that ran an animation frame, what ran inside them, and the compositor threads.
 */
export function frameCost(trace: { traceEvents: TraceEvent[] }, seconds: number): FrameCost | null {
  const events = trace.traceEvents;
  const onMain = threadOf(events, 'CrRendererMain');
  if (!onMain) return null;
  const main = events.filter((e) => onMain(e) && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'RunTask');
  const rafs = main.filter((e) => e.name === 'FireAnimationFrame');
  const frameTasks: TraceEvent[] = [];
  let other = 0;
  let r = 0;
  for (const task of tasks) {
    while (r < rafs.length && rafs[r]!.ts < task.ts) r++;
    if (r < rafs.length && rafs[r]!.ts <= task.ts + task.dur!) frameTasks.push(task);
    else other += cpuMs(task);
  }
  if (frameTasks.length === 0) return null;
  const inside = (names: readonly string[]) => {
    let total = 0;
    let t = 0;
    for (const e of main) {
      if (!names.includes(e.name)) continue;
      while (t < frameTasks.length && frameTasks[t]!.ts + frameTasks[t]!.dur! < e.ts) t++;
      const task = frameTasks[t];
      if (task && task.ts <= e.ts && e.ts <= task.ts + task.dur!) total += cpuMs(e);
    }
    return total / frameTasks.length;
  };
  const compositorThreads = ['Compositor', 'VizCompositorThread'].map((name) => threadOf(events, name)).filter((f) => f !== null);
  const compositor = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && compositorThreads.some((on) => on(e))).reduce((ms, e) => ms + cpuMs(e), 0);
  return {
    cpuMs: percentiles(frameTasks.map(cpuMs)),
    parts: {
      script: inside(['FireAnimationFrame']),
      styleLayout: inside(['UpdateLayoutTree', 'Layout']),
      paint: inside(['PrePaint', 'Paint', 'Layerize']),
      commit: inside(['Commit']),
    },
    compositorMs: compositor / frameTasks.length,
    otherMainMsPerSecond: other / seconds,
    frames: frameTasks.length,
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
        partial.set(n, {
          shoppers: n,
          cost: frameCost(trace, options.seconds),
          frameMs: percentiles(intervals),
          framesMeasured: intervals.length,
          drawMs: percentiles(work),
          loadAverage: loadavg()[0]!,
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
  const f = (v: number | undefined, digits = 1) => (v !== undefined && Number.isFinite(v) ? v.toFixed(digits) : '—');
  const lines = [
    '| shoppers | CPU ms / frame p50 | p95 | of which: draw script · style+layout · paint · commit (raster) | compositor CPU ms / frame | wall ms / frame p50 | p95 | 60 Hz: late frames | load average |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of rows) {
    const c = r.cost;
    const parts = c ? `${f(c.parts.script)} · ${f(c.parts.styleLayout)} · ${f(c.parts.paint)} · ${f(c.parts.commit)}` : '—';
    lines.push(
      `| ${r.shoppers} | ${f(c?.cpuMs.p50)} | ${f(c?.cpuMs.p95)} | ${parts} | ${f(c?.compositorMs)} | ${f(r.frameMs.p50)} | ${f(r.frameMs.p95)} | ${f(r.vsync.lateShare * 100)} % | ${f(r.loadAverage)} |`,
    );
  }
  return lines.join('\n');
}
