// `walkout bench latency`: how long the live path takes, in real time, from what happens in the store
// to what the system does about it. A simulated store is recorded first (so simulating costs nothing
// during the measurement), then played into the live pipeline at the speed of the clock, on the
// live runner's 100 ms ticks, with the receipt service delivering charges through the signed webhook
// to a local endpoint. Measured per event, against the simulator's truth:
//   the weight went still (the shelf event's end) → a pending line is shown on the shopper's cart (a
//   first reading of the shelf, published in a session change), and → the settled cart line;
//   the shelf event decided → its cart line;
//   shopper's exit → receipt decided → stored → issued (recorded, charge queued) → charge delivered.
// Each figure is split into what the engine waits by design (the shelf stage's first-reading window,
// or its stable window and hold; fusion's event padding and track lag; for a receipt, the exit's
// detection and track lag, and any shelf the shopper reached into still settling) and what the live
// path adds. The simulated sensors report in device-sized chunks, each handed over once its last
// sample is taken (PacedFeed), so no figure is flattered by samples from the future. Whether the
// pending lines said what the settled lines then said is reported beside the figures.
import fs from 'node:fs';
import path from 'node:path';
import type { EngineDecision, ReceiptDecision, ShelfEventDecision, ShelfReadingDecision } from '../engine/decisions';
import { defaultFusionOptions } from '../engine/fusion';
import { defaultShelfStageOptions } from '../engine/shelves/options';
import { peekEntryClaims } from '../engine/fusion/entry-token';
import { openStoreDatabase } from '../db';
import { FakeProcessor, processorSecret } from '../payments/fake-processor';
import { createPaymentsService } from '../payments/payments-service';
import { createWebhookAdapter } from '../payments/webhook-adapter';
import { readRecording, RecordingWriter } from '../recording';
import { behaviourConfig, simulateWorld } from '../sim/behaviour';
import { createSensorRender } from '../sim/sensors';
import { DEMO_STORE_KEY } from '../store/demo-key';
import type { StoreModel } from '../store/schema';
import { matchPending, type PendingAgreement, type SettledCartChange, type ShownPending } from './latency-pending';
import { createLivePipeline } from './live-pipeline';
import { runLive } from './live-runner';
import { LIVE_CHUNK_MS, PacedFeed } from './simulated-feed';

export interface LatencyBenchOptions {
  store: StoreModel;
  shoppers: number;
  minutes: number;
  seed: number;
  /** Store seconds per wall second; 1 is real time (latencies are reported in wall ms). */
  speed: number;
  workDir: string;
  log: (line: string) => void;
}

export interface LatencySeries {
  name: string;
  /** Events measured. */
  n: number;
  p50: number;
  p95: number;
  max: number;
  /** Of the median, what the engine waits by design before it may decide. */
  designedWaitMs?: number;
  goalMs?: number;
}

export interface LatencyReport {
  series: LatencySeries[];
  shoppers: number;
  storeSeconds: number;
  wallSeconds: number;
  /** Ticks whose work overran the 100 ms tick (the machine could not keep up). */
  lateTicks: number;
  /** How often a pending line came first, and said what the settled cart line then said. */
  pending: PendingAgreement;
}

function series(name: string, values: number[], extra: Partial<LatencySeries> = {}): LatencySeries {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN);
  return { name, n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN, ...extra };
}

export async function benchLatency(o: LatencyBenchOptions): Promise<LatencyReport> {
  fs.rmSync(o.workDir, { recursive: true, force: true });
  fs.mkdirSync(o.workDir, { recursive: true });
  const world = simulateWorld(o.store, behaviourConfig({ seed: o.seed, shoppers: o.shoppers, durationMs: o.minutes * 60_000, storeKey: DEMO_STORE_KEY }));
  o.log(`latency: recording ${o.minutes} simulated minutes (${world.sessions.length} sessions)…`);
  const source = openStoreDatabase(path.join(o.workDir, 'source.sqlite'), { storeId: o.store.layout.id });
  const writer = new RecordingWriter(source);
  // In the device feed's chunk length, as the live simulated store renders them.
  for (const input of createSensorRender(o.store, world, { chunkMs: LIVE_CHUNK_MS }).inputs()) writer.write(input);
  writer.close();

  const processor = new FakeProcessor(processorSecret);
  await processor.start();
  const db = openStoreDatabase(path.join(o.workDir, 'store.sqlite'), { storeId: o.store.layout.id });
  const payments = createPaymentsService({ db, store: o.store, log: o.log, adapter: createWebhookAdapter({ url: processor.url, secret: processorSecret }) });
  payments.start(250);

  // Wall times in performance.now() ms; Date.now() stamps (the receipt service's) are converted.
  const dateToPerf = (dateMs: number) => dateMs - (Date.now() - performance.now());
  const shelfEvents = new Map<string, ShelfEventDecision>();
  const readings = new Map<string, ShelfReadingDecision>();
  const cartEmitted: SettledCartChange[] = [];
  const receiptEmitted = new Map<string, { receipt: ReceiptDecision; wall: number; storedWall?: number }>();
  const onDecision = (d: EngineDecision) => {
    const wall = performance.now();
    if (d.kind === 'shelf-event') shelfEvents.set(d.id, d);
    else if (d.kind === 'shelf-reading') readings.set(d.id, d);
    else if (d.kind === 'cart-change') cartEmitted.push({ eventId: d.eventId, sessionId: d.sessionId, sku: d.sku, quantity: d.quantity, wall });
    else if (d.kind === 'receipt') receiptEmitted.set(d.sessionId, { receipt: d, wall });
  };
  const pipeline = createLivePipeline({
    store: o.store,
    db,
    storeKey: DEMO_STORE_KEY,
    source: 'simulator',
    speed: o.speed,
    onDecision,
    onStored: (kinds) => {
      if (!kinds.has('receipt')) return;
      const wall = performance.now();
      for (const r of receiptEmitted.values()) r.storedWall ??= wall;
      payments.nudge();
    },
  });
  const recording = readRecording(source);
  const feed = new PacedFeed(recording, world.startMs, o.speed, performance.now());
  // Pending lines as the live pipeline publishes them (the bench has no host to take the changes):
  // each line's state (session, sku, quantity) when first seen so.
  const shown: ShownPending[] = [];
  const lastShown = new Map<string, string>();
  let lateTicks = 0;
  let lastTick = performance.now();
  const startedWall = performance.now();
  o.log(`latency: playing it live at ${o.speed}× (${Math.round((world.endMs - world.startMs) / 1000 / o.speed)} s)…`);
  const runner = runLive({
    feed,
    pipeline,
    onFrame: () => {
      const now = performance.now();
      if (now - lastTick > 200) lateTicks++;
      lastTick = now;
      for (const session of pipeline.takeSessionChanges()?.changed ?? []) {
        for (const line of session.pending) {
          const state = `${session.id}|${line.sku}|${line.quantity}`;
          if (lastShown.get(line.readingId) === state) continue;
          lastShown.set(line.readingId, state);
          shown.push({ readingId: line.readingId, sessionId: session.id, sku: line.sku, quantity: line.quantity, wall: now });
        }
      }
    },
  });
  const endWall = startedWall + (world.endMs - world.startMs) / o.speed + 5000;
  while (performance.now() < endWall) await new Promise((resolve) => setTimeout(resolve, 250));
  runner.stop();
  const wallSeconds = (performance.now() - startedWall) / 1000;
  for (let i = 0; i < 40 && (db.receipts.outboxCounts().pending > 0 || db.receipts.unread(1).length > 0); i++) {
    await payments.pump();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await payments.stop();
  await processor.stop();

  // Store time ↔ wall time through the feed's own pacing.
  const wallAt = (storeMs: number) => feed.wallTimeAt(storeMs);
  const fusion = defaultFusionOptions;
  const cart: number[] = [];
  const cartWait: number[] = [];
  const decidedToCart: number[] = [];
  const decidedWait: number[] = [];
  for (const { eventId, wall } of cartEmitted) {
    const event = shelfEvents.get(eventId);
    if (!event) continue;
    const attributable = event.endMs + fusion.eventPadMs + fusion.trackLagMs;
    cart.push(wall - wallAt(event.endMs));
    // Designed: the shelf stage's stable window and hold before it emits, then fusion's padding and track lag.
    cartWait.push((Math.max(event.t, attributable) - event.endMs) / o.speed);
    decidedToCart.push(wall - wallAt(event.t));
    decidedWait.push(Math.max(0, attributable - event.t) / o.speed);
  }
  // A pending line: the first one shown of a reading taken while the event was under way, before its cart line.
  const { firstShown, agreement } = matchPending(shelfEvents, readings, shown, cartEmitted);
  const pendingShown = firstShown.map(({ event, wall }) => wall - wallAt(event.endMs));
  // Designed: the shelf stage's first-reading window of still samples.
  const pendingWait = (defaultShelfStageOptions.previewWindowS * 1000) / o.speed;
  const exitOf = new Map(world.sessions.map((s) => [peekEntryClaims(s.token)?.nonce, s.exitMs]));
  const decided: number[] = [];
  const stored: number[] = [];
  const issued: number[] = [];
  const delivered: number[] = [];
  const receiptWait: number[] = [];
  const deliveredAt = new Map(processor.requests.map((r) => [r.key, r.at]));
  for (const { receipt, wall, storedWall } of receiptEmitted.values()) {
    const exitMs = receipt.tokenNonce !== undefined ? exitOf.get(receipt.tokenNonce) : undefined;
    if (exitMs === undefined) continue;
    const exitWall = wallAt(exitMs);
    decided.push(wall - exitWall);
    receiptWait.push((receipt.t - exitMs) / o.speed);
    if (storedWall !== undefined) stored.push(storedWall - exitWall);
    const row = db.receipts.find({ tokenNonce: receipt.tokenNonce!, limit: 1 })[0];
    if (row) issued.push(dateToPerf(row.issuedWallMs) - exitWall);
    const at = row && deliveredAt.get(row.id);
    if (at !== undefined) delivered.push(at - exitWall);
  }
  const median = (values: number[]) => series('', values).p50;
  db.close();
  recording.return?.();
  source.close();
  return {
    series: [
      series('weight still → pending line shown', pendingShown, { designedWaitMs: pendingWait, goalMs: 250 }),
      series('weight still → settled cart line', cart, { designedWaitMs: median(cartWait) }),
      series('shelf event decided → cart updated', decidedToCart, { designedWaitMs: median(decidedWait) }),
      series('exit → receipt decided', decided, { designedWaitMs: median(receiptWait) }),
      series('exit → receipt stored', stored, { designedWaitMs: median(receiptWait) }),
      series('exit → receipt issued (recorded, charge queued)', issued, { designedWaitMs: median(receiptWait), goalMs: 2000 }),
      series('exit → charge delivered (webhook 2xx)', delivered, { designedWaitMs: median(receiptWait) }),
    ],
    shoppers: o.shoppers,
    storeSeconds: (world.endMs - world.startMs) / 1000,
    wallSeconds,
    lateTicks,
    pending: agreement,
  };
}

export function latencyTable(report: LatencyReport): string {
  const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : `${Math.round(v)}`);
  const lines = [
    '| path | n | p50 ms | p95 ms | max ms | engine waits by design (median ms) | live path adds (p50 ms) | goal ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const s of report.series) {
    const added = s.designedWaitMs !== undefined ? s.p50 - s.designedWaitMs : undefined;
    lines.push(`| ${s.name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} | ${ms(s.designedWaitMs)} | ${ms(added)} | ${s.goalMs ?? ''} |`);
  }
  return lines.join('\n');
}
