// How compact and how fast the recording of weight samples is, on a synthetic store: `plates`
// plates sampling at `hz` for `seconds`, each a slowly stepping weight plus Gaussian noise from a
// seeded generator, written through RecordingWriter into a fresh temporary database and read back
// with readRecording. Samples arrive as a shelf controller delivers them, one sample per plate per
// tick, stamped on the plate's own sample clock. A benchmark, not a test: it measures and prints
// nothing; the CLI prints the result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openStoreDatabase, type StoreDatabase } from '../db';
import type { PlateSamples } from '../engine/inputs';
import { readRecording } from './reader';
import { RecordingWriter } from './writer';
import { seededUniform } from '../engine/seeded-uniform';

export interface RecordingBenchOptions {
  plates: number;
  seconds: number;
  hz: number;
  /** Standard deviation of each plate's noise; default 0.3 g, a typical shelf load cell. */
  noiseGrams?: number;
  /** Samples per PlateSamples input; default 1 (one per controller tick). */
  samplesPerRun?: number;
  /** Default 1. */
  seed?: number;
}

export interface RecordingBenchResult {
  samples: number;
  /** Payload bytes in the input log. */
  bytes: number;
  bytesPerSample: number;
  /** The database file once closed (WAL checkpointed): payloads plus SQLite's row, index and page overhead. */
  fileBytes: number;
  fileBytesPerSample: number;
  batches: number;
  writeSamplesPerSecond: number;
  readSamplesPerSecond: number;
}

export function benchRecording(options: RecordingBenchOptions): RecordingBenchResult {
  const { plates, seconds, hz, noiseGrams = 0.3, samplesPerRun = 1, seed = 1 } = options;
  for (const [name, value] of Object.entries({ plates, seconds, hz, samplesPerRun })) {
    if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`benchRecording: ${name} must be a positive number (got ${value})`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walkout-bench-'));
  try {
    const file = path.join(dir, 'store.sqlite');
    const db = openStoreDatabase(file, { storeId: 'bench' });
    let measured: Omit<RecordingBenchResult, 'fileBytes' | 'fileBytesPerSample'>;
    try {
      measured = writeAndRead(db, plates, seconds, hz, noiseGrams, samplesPerRun, seed);
    } finally {
      db.close();
    }
    // Measured after close, when SQLite has checkpointed the WAL into the file and removed it.
    const fileBytes = fs.statSync(file).size;
    return { ...measured, fileBytes, fileBytesPerSample: fileBytes / measured.samples };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function writeAndRead(
  db: StoreDatabase,
  plates: number,
  seconds: number,
  hz: number,
  noiseGrams: number,
  samplesPerRun: number,
  seed: number,
): Omit<RecordingBenchResult, 'fileBytes' | 'fileBytesPerSample'> {
  const random = seededUniform(seed);
  const dt = 1000 / hz;
  const ticks = Math.round((seconds * hz) / samplesPerRun);
  // One reused input per plate, as a driver would: the writer copies what it keeps.
  const runs: PlateSamples[] = Array.from({ length: plates }, (_, p) => ({
    kind: 'plate-samples',
    plate: `plate-${String(p).padStart(4, '0')}`,
    t0: 0,
    dt,
    grams: new Float32Array(samplesPerRun),
  }));
  const weights = Float64Array.from({ length: plates }, () => 200 + random() * 1800);

  const writeStart = performance.now();
  const writer = new RecordingWriter(db);
  for (let tick = 0; tick < ticks; tick++) {
    for (let p = 0; p < plates; p++) {
      const run = runs[p]!;
      // About one pick or put-back per plate a minute.
      if (random() < samplesPerRun / (60 * hz)) weights[p]! += (random() < 0.7 ? -1 : 1) * (50 + random() * 400);
      for (let k = 0; k < samplesPerRun; k++) run.grams[k] = weights[p]! + noiseGrams * gaussian(random);
      writer.write(run);
      run.t0 += samplesPerRun * dt;
    }
  }
  writer.close();
  const writeMs = performance.now() - writeStart;

  const readStart = performance.now();
  let samples = 0;
  for (const input of readRecording(db)) if (input.kind === 'plate-samples') samples += input.grams.length;
  const readMs = performance.now() - readStart;

  const stats = db.inputLog.stats();
  return {
    samples,
    bytes: stats.bytes,
    bytesPerSample: stats.bytes / samples,
    batches: stats.batches,
    writeSamplesPerSecond: (samples / writeMs) * 1000,
    readSamplesPerSecond: (samples / readMs) * 1000,
  };
}


/** Standard normal, by summing 12 uniforms: plenty for noise, and no log of zero to guard. */
function gaussian(random: () => number): number {
  let sum = -6;
  for (let i = 0; i < 12; i++) sum += random();
  return sum;
}
