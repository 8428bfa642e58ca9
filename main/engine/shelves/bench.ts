// Throughput of the shelf stage's hot path: synthetic plate samples (noise, drift-free levels, a
// pick now and then so events are settled and explained too) fed through the stage the way the
// engine feeds it, chunk by chunk with time advancing. The inputs are generated before the clock
// starts, so only the stage is timed. Prints nothing: the CLI reports.
import type { EngineDecision } from '../decisions';
import type { PlateSamples } from '../inputs';
import { createShelfStage } from './shelf-stage';
import { seededUniform } from '../seeded-uniform';
import { seededNormal } from './synthetic';
import { testStore, type TestFixture } from './test-store';

export interface SegmentationBenchOptions {
  plates: number;
  seconds: number;
  hz: number;
  /** Samples per controller report (default 250 ms worth). */
  chunkMs?: number;
  seed?: number;
}

export interface SegmentationBenchResult {
  samplesPerSecond: number;
  samples: number;
  wallMs: number;
  events: number;
}

const PLATES_PER_SHELF = 12;
const SKU = 'CRI-0001';
const UNIT_G = 157.5;

function benchInputs(o: Required<SegmentationBenchOptions>): { fixtures: TestFixture[]; chunks: PlateSamples[] } {
  const shelves = Math.ceil(o.plates / PLATES_PER_SHELF);
  const fixtures: TestFixture[] = [];
  const ids: string[] = [];
  for (let s = 0; s < shelves; s++) {
    const plates = [];
    for (let i = 0; i < PLATES_PER_SHELF && ids.length < o.plates; i++) {
      const id = `B${s}-${i}`;
      ids.push(id);
      plates.push({ id, sku: SKU, capacity: 40, threshold: 2 });
    }
    // One shelf per fixture keeps restock bookkeeping trivial; the layout is irrelevant here.
    fixtures.push({ id: `F${s}`, shelves: [{ id: `F${s}-S`, plates }] });
  }
  const dt = 1000 / o.hz;
  const perChunk = Math.max(1, Math.round(o.chunkMs / dt));
  const total = Math.round(o.seconds * o.hz);
  const noise = seededNormal(o.seed);
  const uniform = seededUniform(o.seed + 1);
  const level = ids.map(() => 20 * UNIT_G);
  // About one pick per plate per minute, so a few percent of the time some shelf is active.
  const pickChance = (perChunk * dt) / 60_000;
  const chunks: PlateSamples[] = [];
  // One buffer for every sample, each chunk a view of it: tens of thousands of separately allocated
  // arrays would make the garbage collector, not the stage, the thing measured.
  const buffer = new Float32Array(total * ids.length);
  let used = 0;
  for (let k = 0; k < total; k += perChunk) {
    const n = Math.min(perChunk, total - k);
    for (let p = 0; p < ids.length; p++) {
      const grams = buffer.subarray(used, used + n);
      used += n;
      const pickAt = uniform() < pickChance && level[p]! > 5 * UNIT_G ? Math.floor(uniform() * n) : -1;
      for (let i = 0; i < n; i++) {
        if (i === pickAt) level[p] = level[p]! - UNIT_G;
        grams[i] = level[p]! + 1.5 * noise();
      }
      if (uniform() < 0.01) grams[Math.floor(uniform() * n)] = Number.NaN;
      chunks.push({ kind: 'plate-samples', plate: ids[p]!, t0: k * dt, dt, grams });
    }
  }
  return { fixtures, chunks };
}

/** Samples per second through the shelf stage. */
export function benchSegmentation(options: SegmentationBenchOptions): number {
  return runSegmentationBench(options).samplesPerSecond;
}

/** The same run, with what it did: how many samples, how long, how many events it settled. */
export function runSegmentationBench(options: SegmentationBenchOptions): SegmentationBenchResult {
  return prepareSegmentationBench(options)();
}

/**
 * Generates the inputs now and returns the timed part, so a caller can repeat it (each call runs a
 * fresh stage over the same inputs) or wrap it in its own measurements.
 */
export function prepareSegmentationBench(options: SegmentationBenchOptions): () => SegmentationBenchResult {
  const o: Required<SegmentationBenchOptions> = { chunkMs: 250, seed: 1, ...options };
  const { fixtures, chunks } = benchInputs(o);
  const store = testStore(fixtures);
  let samples = 0;
  for (const c of chunks) samples += c.grams.length;
  return () => {
    const stage = createShelfStage(store);
    let events = 0;
    const sink = (d: EngineDecision): void => {
      if (d.kind === 'shelf-event') events++;
    };
    let now = -Infinity;
    // eslint-disable-next-line no-restricted-properties -- a benchmark measures wall time; the stage it times never sees it
    const started = performance.now();
    for (const c of chunks) {
      if (c.t0 > now) {
        now = c.t0;
        stage.advance(now, sink);
      }
      stage.accept(c, sink);
    }
    stage.finish(now, sink);
    // eslint-disable-next-line no-restricted-properties -- as above
    const wallMs = performance.now() - started;
    return { samplesPerSecond: samples / (wallMs / 1000), samples, wallMs, events };
  };
}
