// Weight samples of many plates in one batch (format version 2). A row per plate per second made a
// replay spend more time fetching, checking and merging rows than decoding samples, so a batch now
// holds about a second of every plate. Each plate keeps its own body (plate-codec), so delta coding
// still runs along one plate's samples, and the batch is handed back in engine order (time, then
// plate, each plate's runs in recorded order), worked out once per batch with a counting sort
// instead of by the merge across sources one run at a time.
//
// Body (format version 2):
//   varint tableBytes, then in that many bytes the plate table:
//     varint plates; per plate, in compareSources order: varint shared, string rest
//     (its name is the previous name's first `shared` UTF-16 code units followed by `rest`)
//   per plate, in table order: its body as plate-codec describes, times coded from the row's t0Ms
// Format version 1 batches hold one plate, the row's source, and its body alone.
import type { PlateSamples } from '../engine/inputs';
import { ByteReader, ByteWriter } from './bytes';
import type { DecodedBatch, TransientRuns } from './decoded-batch';
import { PayloadProblem } from './errors';
import { compareSources, sourceInsertionIndex } from './merge-order';
import { minSampleBytes, PlateBodyEncoder, plateRunEnd, readPlateBody, RunTable } from './plate-codec';

/** The batch row's source for the plate batches this build writes: one stream for all plates. */
export const plateBatchSource = 'plates';

interface PlateStream {
  readonly name: string;
  readonly body: PlateBodyEncoder;
}

/** Accumulates every plate's runs, each plate in its own reused encoder, until the batch is sealed. */
export class PlateBatchEncoder {
  inputs = 0;
  count = 0;
  firstTime = Infinity;
  lastTime = -Infinity;
  private readonly byName = new Map<string, PlateStream>();
  /** Every plate seen so far, in table order; kept sorted as plates turn up rather than sorted per batch. */
  private readonly plates: PlateStream[] = [];
  private readonly table = new ByteWriter(1024);

  /** Copies the run; one without samples carries nothing and is not recorded. */
  push(input: PlateSamples): void {
    const n = input.grams.length;
    if (n === 0) return;
    let stream = this.byName.get(input.plate);
    if (stream === undefined) stream = this.addPlate(input.plate);
    stream.body.push(input);
    this.inputs++;
    this.count += n;
    if (input.t0 < this.firstTime) this.firstTime = input.t0;
    const end = plateRunEnd(input);
    if (end > this.lastTime) this.lastTime = end;
  }

  reset(): void {
    for (const { body } of this.plates) if (body.inputs > 0) body.reset();
    this.inputs = 0;
    this.count = 0;
    this.firstTime = Infinity;
    this.lastTime = -Infinity;
  }

  writeBody(out: ByteWriter, t0Ms: number): void {
    const table = this.table;
    table.reset();
    let held = 0;
    for (const { body } of this.plates) if (body.inputs > 0) held++;
    table.varint(held);
    let previous = '';
    for (const { name, body } of this.plates) {
      if (body.inputs === 0) continue;
      const shared = sharedPrefix(previous, name);
      table.varint(shared);
      table.string(name.slice(shared));
      previous = name;
    }
    out.varint(table.length);
    out.ensure(table.length);
    out.bytes.set(table.bytes.subarray(0, table.length), out.length);
    out.length += table.length;
    for (const { body } of this.plates) if (body.inputs > 0) body.writeBody(out, t0Ms);
  }

  private addPlate(name: string): PlateStream {
    const stream: PlateStream = { name, body: new PlateBodyEncoder() };
    this.plates.splice(sourceInsertionIndex(this.plates, name), 0, stream);
    this.byName.set(name, stream);
    return stream;
  }
}

/** Code units `b` shares with `a` from the start, never splitting a surrogate pair (the rest is written as UTF-8). */
function sharedPrefix(a: string, b: string): number {
  const most = Math.min(a.length, b.length);
  let n = 0;
  while (n < most && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  if (n > 0 && n < b.length && isHighSurrogate(b.charCodeAt(n - 1))) n--;
  return n;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Values per run in a decoded batch's table: t0, dt, first sample, end of samples, plate. */
const STRIDE = 5;

/** A plate batch, decoded: its runs in engine order, each made into an input only when wanted. */
export class PlateRunBatch implements DecodedBatch {
  constructor(
    readonly sources: readonly string[],
    /** STRIDE values per run, in engine order. */
    private readonly runs: Float64Array,
    readonly length: number,
    private readonly grams: Float32Array,
    /** Time of the batch's latest sample. */
    readonly lastTime: number,
  ) {}

  time(i: number): number {
    return this.runs[STRIDE * i]!;
  }

  source(i: number): number {
    return this.runs[STRIDE * i + 4]!;
  }

  /** Run i as an engine input, with its own copy of its samples (in `transient`'s when given). */
  input(i: number, transient?: TransientRuns): PlateSamples {
    const r = this.runs;
    const at = STRIDE * i;
    const plate = this.sources[r[at + 4]!]!;
    const from = r[at + 2]!;
    const to = r[at + 3]!;
    if (transient === undefined) {
      // Its own small array rather than a view of the batch's: V8 keeps arrays of up to 64 bytes (a
      // 250 ms run at 60 Hz) on its own heap, where they cost a fraction of a view's upkeep.
      return { kind: 'plate-samples', plate, t0: r[at]!, dt: r[at + 1]!, grams: this.grams.slice(from, to) };
    }
    const grams = transient.samples(to - from);
    for (let k = from; k < to; k++) grams[k - from] = this.grams[k]!;
    const run = transient.run;
    run.plate = plate;
    run.t0 = r[at]!;
    run.dt = r[at + 1]!;
    run.grams = grams;
    return run;
  }
}

const runs = new RunTable();

/**
 * Decodes a plate batch body: format version 2 (many plates, see above) or 1 (one plate: `source`).
 * Throws PayloadProblem for anything malformed.
 */
export function decodePlateBatch(r: ByteReader, version: number, source: string, t0Ms: number, count: number): PlateRunBatch {
  // Refuse a count the bytes cannot hold before allocating for it.
  r.need(minSampleBytes(count), `${count} samples`);
  const names = version === 1 ? [source] : readPlateTable(r);
  const grams = new Float32Array(count);
  runs.clear();
  let total = 0;
  for (let p = 0; p < names.length; p++) total += readPlateBody(r, t0Ms, p, runs, grams, total, count - total);
  if (total !== count) throw new PayloadProblem(`runs hold ${total} samples but the batch's count is ${count}`);
  return new PlateRunBatch(names, engineOrdered(runs, names.length, count), runs.length, grams, runs.lastTime);
}

/** The last plate table read, as bytes and names: consecutive batches of a store list the same plates. */
let lastTable: { bytes: Uint8Array; names: readonly string[] } | undefined;

function readPlateTable(r: ByteReader): readonly string[] {
  const length = r.varint('plate table length');
  const start = r.take(length, 'the plate table');
  if (lastTable !== undefined && lastTable.bytes.length === length && sameBytes(lastTable.bytes, r.bytes, start)) return lastTable.names;
  const t = new ByteReader(r.bytes, start, start + length);
  const plates = t.varint('plate count');
  if (plates === 0) throw new PayloadProblem('a plate batch without plates');
  // Every name takes at least two bytes (shared count, rest length).
  t.need(2 * plates, `${plates} plate names`);
  const names = new Array<string>(plates);
  let previous = '';
  for (let p = 0; p < plates; p++) {
    const shared = t.varint('plate name prefix');
    if (shared > previous.length) throw new PayloadProblem(`plate ${p} shares ${shared} characters with a name of ${previous.length}`);
    const name = previous.slice(0, shared) + t.string('plate name');
    // Strictly increasing: names are unique, and their table order is the merge order of sources.
    if (!(compareSources(previous, name) < 0)) throw new PayloadProblem(`plate table: "${name}" does not sort after "${previous}"`);
    names[p] = name;
    previous = name;
  }
  if (t.remaining !== 0) throw new PayloadProblem(`${t.remaining} unexpected bytes after the plate table`);
  // A copy (a Buffer's slice() would be a view): the payload's bytes may be reused once decoded.
  lastTable = { bytes: new Uint8Array(r.bytes.subarray(start, start + length)), names };
  return names;
}

/** Whether b holds a's bytes at `at` (which take() has bounds-checked). */
function sameBytes(a: Uint8Array, b: Uint8Array, at: number): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[at + i]) return false;
  return true;
}

/** Scratch for the ordering, reused batch after batch. */
let bucketOf = new Uint32Array(256);
let counts = new Uint32Array(257);
let order = new Uint32Array(256);

/** A bucket holding more runs than this at distinct times is sorted by comparison, not by insertion. */
const insertionSortMax = 64;

/**
 * The runs (read plate after plate, each plate's in recorded order) in engine order: by time, then
 * plate, then recorded order. A counting sort into as many time buckets as there are runs (stable,
 * so plate and recorded order survive among equal times), then an insertion sort inside each bucket,
 * which at a store's usual few instants per bucket has nothing to move.
 */
function engineOrdered(table: RunTable, plates: number, samples: number): Float64Array {
  const n = table.length;
  const { t0, dt, start, plate } = table;
  if (n > order.length) {
    bucketOf = new Uint32Array(n);
    counts = new Uint32Array(n + 1);
    order = new Uint32Array(n);
  }
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (t0[i]! < first) first = t0[i]!;
    if (t0[i]! > last) last = t0[i]!;
  }
  if (plates === 1 || first === last) {
    // One plate's runs, or all runs at one instant: plate after plate is engine order already.
    for (let i = 0; i < n; i++) order[i] = i;
  } else {
    // floor((t - first) × scale) never decreases as t grows, so buckets keep time order.
    const scale = n / (last - first);
    counts.fill(0, 0, n + 1);
    for (let i = 0; i < n; i++) {
      const bucket = Math.min(n - 1, Math.floor((t0[i]! - first) * scale));
      bucketOf[i] = bucket;
      counts[bucket + 1] = counts[bucket + 1]! + 1;
    }
    for (let b = 1; b <= n; b++) counts[b] = counts[b]! + counts[b - 1]!;
    for (let i = 0; i < n; i++) {
      const at = counts[bucketOf[i]!]!;
      counts[bucketOf[i]!] = at + 1;
      order[at] = i;
    }
    // counts[b] is now where bucket b ends.
    for (let b = 0, from = 0; b < n; from = counts[b]!, b++) if (counts[b]! - from > 1) sortByTime(t0, from, counts[b]!);
  }
  const out = new Float64Array(STRIDE * n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const at = STRIDE * k;
    out[at] = t0[i]!;
    out[at + 1] = dt[i]!;
    out[at + 2] = start[i]!;
    // A plate's samples follow on from the previous plate's, so a run ends where the next begins.
    out[at + 3] = i + 1 < n ? start[i + 1]! : samples;
    out[at + 4] = plate[i]!;
  }
  return out;
}

/** Stable sort of order[from, to) by t0: runs at equal times keep their order. */
function sortByTime(t0: Float64Array, from: number, to: number): void {
  if (to - from > insertionSortMax) {
    let sorted = true;
    for (let k = from + 1; k < to && sorted; k++) sorted = t0[order[k - 1]!]! <= t0[order[k]!]!;
    if (!sorted) order.set(Array.from(order.subarray(from, to)).sort((a, b) => t0[a]! - t0[b]! || a - b), from);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const i = order[k]!;
    const t = t0[i]!;
    let j = k;
    while (j > from && t0[order[j - 1]!]! > t) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
}
