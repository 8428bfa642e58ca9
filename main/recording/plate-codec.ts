// Plate samples, the bulk of a store's recording (hundreds of plates at 10-80 Hz). A batch holds
// one plate's runs; grams are kept to 0.01 g, far below any load cell's noise, so that each value
// is a small integer: delta-coded from the previous sample, zigzagged, and bit-packed in blocks of
// 32 at the block's own width, an idle plate costs about one byte a sample or less. Run times are
// exact (see time-coding), and a run that just continues the previous one costs no time at all.
//
// A run without samples carries nothing and is not recorded.
//
// Body (format version 1):
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
 * One plate batch, decoded: its runs' times, periods and lengths and all its samples. A replay
 * makes each run's input only when the merge reaches it (run()), so the inputs die young instead of
 * waiting, a second's worth per plate, to be consumed.
 */
export class PlateRuns {
  constructor(
    readonly plate: string,
    /** Per run: its first sample's time, its period, and where its samples start in `grams`. */
    private readonly meta: Float64Array,
    readonly length: number,
    readonly grams: Float32Array,
  ) {}

  /** Time of run i's first sample. */
  t0(i: number): number {
    return this.meta[3 * i]!;
  }

  /** Run i as an engine input, with its own copy of its samples. */
  run(i: number): PlateSamples {
    const m = this.meta;
    // Its own small array rather than a view of the batch's: V8 keeps arrays of up to 64 bytes (a
    // 250 ms run at 60 Hz) on its own heap, where they cost a fraction of a view's upkeep.
    return { kind: 'plate-samples', plate: this.plate, t0: m[3 * i]!, dt: m[3 * i + 1]!, grams: this.grams.slice(m[3 * i + 2]!, this.end(i)) };
  }

  /** Time of run i's last sample. */
  endTime(i: number): number {
    const m = this.meta;
    return m[3 * i]! + (this.end(i) - m[3 * i + 2]! - 1) * m[3 * i + 1]!;
  }

  private end(i: number): number {
    return i + 1 < this.length ? this.meta[3 * i + 5]! : this.grams.length;
  }
}

/** Run headers of the batch being decoded, reused. */
let runScratch = new Float64Array(3 * 64);
const runTime = new TimeReader();

export function decodePlateBody(r: ByteReader, plate: string, t0Ms: number, count: number): PlateRuns {
  const groups = r.varint('run group count');
  r.need(groups, 'the run groups');
  runTime.begin(t0Ms);
  let runs = 0;
  let total = 0;
  let dt = 0;
  let lastN = 0;
  let nextT0 = 0;
  for (let g = 0; g < groups; g++) {
    const header = r.varint('run header');
    const mode = header % 4;
    let n = (header - mode) / 4;
    if (runs === 0 && mode !== MODE_PERIOD) throw new PayloadProblem(`the first run has no period and time (mode ${mode})`);
    let repeat = 1;
    if (mode === MODE_REPEAT) {
      if (n === 0) throw new PayloadProblem('an empty group of repeated runs');
      repeat = n;
      n = lastN;
    } else if (mode === MODE_PERIOD) dt = readPeriod(r, 'run period');
    for (let k = 0; k < repeat; k++) {
      const t0 = mode === MODE_REPEAT || mode === MODE_CONTINUE ? runTime.skipTo(nextT0, 'run time') : runTime.read(r, 'run time');
      // Every recorded run holds a sample, which is what bounds this loop by the batch's count.
      if (n === 0) throw new PayloadProblem(`run ${runs} has no samples`);
      if (n > count - total) throw new PayloadProblem(`runs hold more samples than the batch's count ${count}`);
      if (3 * runs + 3 > runScratch.length) runScratch = grow(runScratch, 2 * runScratch.length);
      runScratch[3 * runs] = t0;
      runScratch[3 * runs + 1] = dt;
      runScratch[3 * runs + 2] = total;
      runs++;
      total += n;
      lastN = n;
      nextT0 = t0 + n * dt;
    }
  }
  if (total !== count) throw new PayloadProblem(`runs hold ${total} samples but the batch's count is ${count}`);
  return new PlateRuns(plate, runScratch.slice(0, 3 * runs), runs, readGrams(r, total));
}

/** Codes of one block, reused: decoding allocates only what it returns. */
const blockCodes = new Uint32Array(BLOCK);

function readGrams(r: ByteReader, total: number): Float32Array {
  let prev = unzigzag(r.varint('base weight'));
  if (Math.abs(prev) > maxAbsCentigrams) throw new PayloadProblem(`base weight ${prev} cg is out of range`);
  // Each block of up to 32 samples takes at least its width byte: a count the bytes cannot hold is refused before allocating.
  r.need(Math.ceil(total / BLOCK), 'the samples');
  const grams = new Float32Array(total);
  const block = blockCodes;
  for (let start = 0; start < total; start += BLOCK) {
    const n = Math.min(BLOCK, total - start);
    const width = r.u8('block width');
    if (width > 31) throw new PayloadProblem(`block width ${width} is over 31 bits`);
    if (width === 0) {
      // A block of repeats (the idle plate's common case).
      grams.fill(prev / 100, start, start + n);
      continue;
    }
    unpackBits(r, block, n, width);
    for (let k = 0; k < n; k++) {
      const code = block[k]!;
      if (code === 1) {
        grams[start + k] = Number.NaN;
        continue;
      }
      if (code !== 0) {
        const z = code - 1;
        prev += (z >>> 1) ^ -(z & 1);
        if (prev > maxAbsCentigrams || prev < -maxAbsCentigrams) throw new PayloadProblem(`sample ${start + k} is out of range (${prev} cg)`);
      }
      grams[start + k] = prev / 100;
    }
  }
  return grams;
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

/**
 * Reads n codes of `width` bits, LSB first. The block's bytes are bounds-checked once, then each
 * code is cut from the (up to five) bytes it spans: this is the innermost loop of a replay.
 */
function unpackBits(r: ByteReader, codes: Uint32Array, n: number, width: number): void {
  if (width === 0) {
    codes.fill(0, 0, n);
    return;
  }
  const nBytes = Math.ceil((n * width) / 8);
  const start = r.take(nBytes, 'a block of packed samples');
  const end = start + nBytes;
  const bytes = r.bytes;
  const mask = width === 31 ? 0x7fffffff : (1 << width) - 1;
  let bit = 0;
  for (let k = 0; k < n; k++) {
    const i = start + (bit >>> 3);
    const shift = bit & 7;
    // Bytes past the block are never part of a code (the mask drops them): read them as zeros.
    const b0 = bytes[i]!;
    const b1 = i + 1 < end ? bytes[i + 1]! : 0;
    const b2 = i + 2 < end ? bytes[i + 2]! : 0;
    const b3 = i + 3 < end ? bytes[i + 3]! : 0;
    let v = (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> shift;
    if (shift + width > 32) v |= (i + 4 < end ? bytes[i + 4]! : 0) << (32 - shift);
    codes[k] = (v & mask) >>> 0;
    bit += width;
  }
}

function zigzag(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

function unzigzag(z: number): number {
  return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
}
