// Plate samples, the bulk of a store's recording (hundreds of plates at 10-80 Hz): one plate's body,
// its runs of a batch (plate-batch puts every plate's body in one batch). Grams are kept to 0.01 g,
// far below any load cell's noise, so that each value is a small integer: delta-coded from the
// previous sample, zigzagged, and bit-packed in blocks of 32 at the block's own width, an idle
// plate costs about one byte a sample or less. Run times are exact (see time-coding), and a run that
// just continues the previous one costs no time at all.
//
// A run without samples carries nothing and is not recorded.
//
// A plate's body (the same in format versions 1 and 2):
//   varint runGroups
//   per group: varint (n × 4 + mode), then
//     mode 0: one run of n samples continuing the previous run (t0 = prev.t0 + prev.n × prev.dt, same dt)
//     mode 1: one run of n samples at an explicit time, same dt:      time
//     mode 2: one run of n samples with an explicit period and time:  period, time
//     mode 3: n more runs, each continuing the previous one with the previous one's length
//   varint zigzag(base centigrams)  (the first valid sample, or 0)
//   per block of 32 samples: u8 width (0..31), then the block's codes, width bits each, LSB first
//     code 0 = same as the previous valid sample, 1 = dropped (NaN), c ≥ 2 = delta unzigzag(c - 1)
import type { PlateSamples } from '../engine/inputs';
import type { ByteReader, ByteWriter } from './bytes';
import { grow } from './grow';
import { PayloadProblem } from './errors';
import { TimeReader, TimeWriter, maxAbsTimeMs, readPeriod, writePeriod } from './time-coding';

/** Grams are stored as integer centigrams within ±this (about ±5.3 t); beyond it, as dropped. */
const maxAbsCentigrams = 2 ** 29 - 1;
const BLOCK = 32;
const MODE_CONTINUE = 0;
const MODE_TIME = 1;
const MODE_PERIOD = 2;
const MODE_REPEAT = 3;

/**
 * The value replay will return for a recorded weight: the nearest 0.01 g as a float32, or NaN
 * (dropped) for NaN, ±Infinity and readings beyond ±5.3 t, which no shelf plate can produce.
 */
export function recordedGrams(grams: number): number {
  const cg = Math.round(grams * 100);
  return Math.abs(cg) <= maxAbsCentigrams ? Math.fround(cg / 100) : Number.NaN;
}

export function checkPlateSamples(input: PlateSamples): void {
  if (!(input.grams instanceof Float32Array)) throw new TypeError(`plate ${input.plate}: grams must be a Float32Array`);
  if (!(Math.abs(input.t0) <= maxAbsTimeMs)) throw new RangeError(`plate ${input.plate}: t0 must be a finite time (got ${input.t0})`);
  if (!(input.dt > 0 && input.dt <= maxAbsTimeMs)) {
    throw new RangeError(`plate ${input.plate}: dt must be a positive period in ms (got ${input.dt})`);
  }
}

/** Time of the run's last sample (runs hold at least one). */
export function plateRunEnd(input: PlateSamples): number {
  return input.t0 + (input.grams.length - 1) * input.dt;
}

/** Accumulates one plate's runs in reused typed arrays until the batch is sealed. */
export class PlateBodyEncoder {
  inputs = 0;
  count = 0;
  lastTime = -Infinity;
  private runT0 = new Float64Array(64);
  private runDt = new Float64Array(64);
  private runN = new Uint32Array(64);
  private grams = new Float32Array(1024);
  private readonly block = new Uint32Array(BLOCK);
  private readonly time = new TimeWriter();

  get firstTime(): number {
    return this.runT0[0]!;
  }

  /** Copies the run; one without samples carries nothing and is not recorded. */
  push(input: PlateSamples): void {
    if (input.grams.length === 0) return;
    if (this.inputs === this.runT0.length) {
      this.runT0 = grow(this.runT0, this.inputs * 2);
      this.runDt = grow(this.runDt, this.inputs * 2);
      this.runN = grow(this.runN, this.inputs * 2);
    }
    const n = input.grams.length;
    if (this.count + n > this.grams.length) this.grams = grow(this.grams, Math.max(this.grams.length * 2, this.count + n));
    this.runT0[this.inputs] = input.t0;
    this.runDt[this.inputs] = input.dt;
    this.runN[this.inputs] = n;
    this.grams.set(input.grams, this.count);
    this.inputs++;
    this.count += n;
    this.lastTime = Math.max(this.lastTime, plateRunEnd(input));
  }

  reset(): void {
    this.inputs = 0;
    this.count = 0;
    this.lastTime = -Infinity;
  }

  writeBody(out: ByteWriter, t0Ms: number): void {
    this.writeRuns(out, t0Ms);
    this.writeGrams(out);
  }

  private writeRuns(out: ByteWriter, t0Ms: number): void {
    // The group count comes first, so walk the runs once to count the groups, then again to write them.
    let groups = 0;
    for (let i = 0; i < this.inputs; i += Math.max(1, this.repeatsFrom(i))) groups++;
    out.varint(groups);
    this.time.begin(t0Ms);
    const { runT0, runDt, runN } = this;
    for (let i = 0; i < this.inputs; ) {
      const repeats = this.repeatsFrom(i);
      if (repeats > 0) {
        out.varint(repeats * 4 + MODE_REPEAT);
        for (let j = i; j < i + repeats; j++) this.time.skipTo(runT0[j]!);
        i += repeats;
        continue;
      }
      if (i > 0 && continues(runT0, runDt, runN, i)) {
        out.varint(runN[i]! * 4 + MODE_CONTINUE);
        this.time.skipTo(runT0[i]!);
      } else if (i > 0 && runDt[i] === runDt[i - 1]) {
        out.varint(runN[i]! * 4 + MODE_TIME);
        this.time.write(out, runT0[i]!);
      } else {
        out.varint(runN[i]! * 4 + MODE_PERIOD);
        writePeriod(out, runDt[i]!);
        this.time.write(out, runT0[i]!);
      }
      i++;
    }
  }

  /** How many runs from i on continue their predecessor with its length (0 for the first run). */
  private repeatsFrom(i: number): number {
    const { runT0, runDt, runN } = this;
    if (i === 0) return 0;
    let j = i;
    while (j < this.inputs && runN[j] === runN[j - 1] && continues(runT0, runDt, runN, j)) j++;
    return j - i;
  }

  private writeGrams(out: ByteWriter): void {
    const { grams, block } = this;
    let base = 0;
    for (let i = 0; i < this.count; i++) {
      const cg = Math.round(grams[i]! * 100);
      if (Math.abs(cg) <= maxAbsCentigrams) {
        base = cg;
        break;
      }
    }
    out.varint(zigzag(base));
    let prev = base;
    for (let start = 0; start < this.count; start += BLOCK) {
      const n = Math.min(BLOCK, this.count - start);
      let widest = 0;
      for (let k = 0; k < n; k++) {
        const cg = Math.round(grams[start + k]! * 100);
        let code: number;
        if (!(Math.abs(cg) <= maxAbsCentigrams)) code = 1;
        else {
          const d = cg - prev;
          code = d === 0 ? 0 : zigzag(d) + 1;
          prev = cg;
        }
        block[k] = code;
        widest |= code;
      }
      const width = widest === 0 ? 0 : 32 - Math.clz32(widest);
      out.u8(width);
      packBits(out, block, n, width);
    }
  }
}

function continues(runT0: Float64Array, runDt: Float64Array, runN: Uint32Array, i: number): boolean {
  return runDt[i] === runDt[i - 1] && runT0[i] === runT0[i - 1]! + runN[i - 1]! * runDt[i - 1]!;
}

/**
 * Runs of the plate batch being decoded, plate after plate, in reused typed arrays: per run its first
 * sample's time, its period, where its samples start in the batch's grams, and its plate's index.
 */
export class RunTable {
  length = 0;
  /** Time of the latest sample of all runs added. */
  lastTime = -Infinity;
  t0 = new Float64Array(256);
  dt = new Float64Array(256);
  start = new Uint32Array(256);
  plate = new Uint32Array(256);

  clear(): void {
    this.length = 0;
    this.lastTime = -Infinity;
  }

  add(t0: number, dt: number, start: number, n: number, plate: number): void {
    const i = this.length;
    if (i === this.t0.length) {
      this.t0 = grow(this.t0, 2 * i);
      this.dt = grow(this.dt, 2 * i);
      this.start = grow(this.start, 2 * i);
      this.plate = grow(this.plate, 2 * i);
    }
    this.t0[i] = t0;
    this.dt[i] = dt;
    this.start[i] = start;
    this.plate[i] = plate;
    this.length = i + 1;
    const end = t0 + (n - 1) * dt;
    if (end > this.lastTime) this.lastTime = end;
  }
}

const runTime = new TimeReader();

/**
 * Reads one plate's body (its runs, then its samples) as plate number `plate`: runs go to `runs`,
 * samples to `grams` from `offset`, and the plate may hold at most `budget` samples. Returns how many
 * it holds.
 */
export function readPlateBody(r: ByteReader, t0Ms: number, plate: number, runs: RunTable, grams: Float32Array, offset: number, budget: number): number {
  const total = readRuns(r, t0Ms, plate, runs, offset, budget);
  readGrams(r, grams, offset, total);
  return total;
}

function readRuns(r: ByteReader, t0Ms: number, plate: number, runs: RunTable, offset: number, budget: number): number {
  const groups = r.varint('run group count');
  r.need(groups, 'the run groups');
  if (groups === 0) throw new PayloadProblem('a plate without runs');
  runTime.begin(t0Ms);
  let count = 0;
  let total = 0;
  let dt = 0;
  let lastN = 0;
  let nextT0 = 0;
  for (let g = 0; g < groups; g++) {
    const header = r.varint('run header');
    const mode = header % 4;
    let n = (header - mode) / 4;
    if (count === 0 && mode !== MODE_PERIOD) throw new PayloadProblem(`the first run has no period and time (mode ${mode})`);
    let repeat = 1;
    if (mode === MODE_REPEAT) {
      if (n === 0) throw new PayloadProblem('an empty group of repeated runs');
      repeat = n;
      n = lastN;
    } else if (mode === MODE_PERIOD) dt = readPeriod(r, 'run period');
    for (let k = 0; k < repeat; k++) {
      const t0 = mode === MODE_REPEAT || mode === MODE_CONTINUE ? runTime.skipTo(nextT0, 'run time') : runTime.read(r, 'run time');
      // Every recorded run holds a sample, which is what bounds this loop by the batch's count.
      if (n === 0) throw new PayloadProblem(`run ${count} has no samples`);
      if (n > budget - total) throw new PayloadProblem(`runs hold more samples than the batch's count`);
      runs.add(t0, dt, offset + total, n, plate);
      count++;
      total += n;
      lastN = n;
      nextT0 = t0 + n * dt;
    }
  }
  return total;
}

/**
 * Reads a plate's samples into grams[offset, offset + total): the innermost loop of a replay. Codes
 * are cut from a bit accumulator filled a byte at a time, never past the block's bytes (bounds-checked
 * once per block), and a code wider than 24 bits is taken in two halves so the accumulator stays
 * within 32 bits.
 */
function readGrams(r: ByteReader, grams: Float32Array, offset: number, total: number): void {
  let prev = unzigzag(r.varint('base weight'));
  if (Math.abs(prev) > maxAbsCentigrams) throw new PayloadProblem(`base weight ${prev} cg is out of range`);
  let value = prev / 100;
  const bytes = r.bytes;
  for (let start = offset, end = offset + total; start < end; start += BLOCK) {
    const n = Math.min(BLOCK, end - start);
    const width = r.u8('block width');
    if (width > 31) throw new PayloadProblem(`block width ${width} is over 31 bits`);
    if (width === 0) {
      // A block of repeats (the idle plate's common case).
      grams.fill(value, start, start + n);
      continue;
    }
    let pos = r.take(Math.ceil((n * width) / 8), 'a block of packed samples');
    const wide = width > 24;
    const low = wide ? 16 : width;
    const lowMask = (1 << low) - 1;
    const highMask = (1 << (width - low)) - 1;
    let acc = 0;
    let bits = 0;
    for (let k = start; k < start + n; k++) {
      while (bits < low) {
        acc |= bytes[pos++]! << bits;
        bits += 8;
      }
      let code = acc & lowMask;
      acc >>>= low;
      bits -= low;
      if (wide) {
        while (bits < width - low) {
          acc |= bytes[pos++]! << bits;
          bits += 8;
        }
        code += (acc & highMask) * 65536;
        acc >>>= width - low;
        bits -= width - low;
      }
      if (code === 0) grams[k] = value;
      else if (code === 1) grams[k] = Number.NaN;
      else {
        const z = code - 1;
        prev += (z >>> 1) ^ -(z & 1);
        if (prev > maxAbsCentigrams || prev < -maxAbsCentigrams) throw new PayloadProblem(`sample ${k - offset} is out of range (${prev} cg)`);
        value = prev / 100;
        grams[k] = value;
      }
    }
  }
}

/** Samples a body of `count` samples needs at least this many bytes for: one width byte per block. */
export function minSampleBytes(count: number): number {
  return Math.ceil(count / BLOCK);
}

function packBits(out: ByteWriter, codes: Uint32Array, n: number, width: number): void {
  if (width === 0) return;
  out.ensure(Math.ceil((n * width) / 8));
  const bytes = out.bytes;
  let pos = out.length;
  let acc = 0;
  let bits = 0;
  for (let k = 0; k < n; k++) {
    let v = codes[k]!;
    let left = width;
    while (left > 0) {
      const take = Math.min(8 - bits, left);
      acc |= (v & ((1 << take) - 1)) << bits;
      v >>>= take;
      left -= take;
      bits += take;
      if (bits === 8) {
        bytes[pos++] = acc;
        acc = 0;
        bits = 0;
      }
    }
  }
  if (bits > 0) bytes[pos++] = acc;
  out.length = pos;
}

function zigzag(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}
