// Replays a recording: the input log's batches, decoded and merged across sources into the one
// order the engine must see (merge-order). Streaming: batches come from one lazy range query
// ordered by start time, and a batch is decoded only when the merge reaches its start, so memory
// holds about one batch per source however long the recording is. A batch may hold many sources
// (plates: see plate-batch), already in engine order; the merge then follows its source input by input.
import type { InputBatch, InputLogRepository } from '../db';
import { inputTime, type EngineInput, type EngineInputKind } from '../engine/inputs';
import { decodeBatchLazily } from './codec';
import { TransientRuns, type DecodedBatch } from './decoded-batch';
import { kindRank, sourceInsertionIndex } from './merge-order';
import { MinHeap } from './min-heap';

export interface ReadRecordingOptions {
  /** Inputs whose time (inputTime: a plate run's first sample) is at or after this. Default: all. */
  fromMs?: number;
  /** …and before this. Default: all. */
  toMs?: number;
  /** Only these kinds. Default: all. */
  kinds?: readonly EngineInputKind[];
  /**
   * Hand out plate runs in one reused object and array (per run length), valid only until the next
   * input is read: for a consumer that keeps nothing of an input once it has taken it, as the engine
   * does. A replay then allocates nothing per run. Default false.
   */
  transient?: boolean;
}

/** One decoded batch being merged; `time` and `source` are those of its next input. */
interface Cursor {
  inputs: DecodedBatch;
  next: number;
  time: number;
  rank: number;
  source: SourceOrder;
  /** The batch's sources (inputs.sources) ranked. */
  sources: readonly SourceOrder[];
  batchId: number;
}

/** Time, then kind, then source; two batches of one source keep their recorded order. */
function before(a: Cursor, b: Cursor): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.source !== b.source) return a.source.rank < b.source.rank;
  return a.batchId < b.batchId;
}

/** A source's place among all sources seen, in compareSources order. */
interface SourceOrder {
  name: string;
  rank: number;
}

/**
 * Sources ranked by name as they turn up, so the merge compares two numbers where it compared two
 * strings (plates on one controller report at the same instants: ties are the rule). A new source
 * renumbers the ones after it, which keeps their order, and so the heap's.
 */
class SourceRanks {
  private readonly byName = new Map<string, SourceOrder>();
  private readonly sorted: SourceOrder[] = [];

  of(name: string): SourceOrder {
    const known = this.byName.get(name);
    if (known) return known;
    const lo = sourceInsertionIndex(this.sorted, name);
    const order: SourceOrder = { name, rank: lo };
    this.sorted.splice(lo, 0, order);
    for (let i = lo + 1; i < this.sorted.length; i++) this.sorted[i]!.rank = i;
    this.byName.set(name, order);
    return order;
  }
}

/**
 * The recorded inputs in engine order. Throws RecordingFormatError (naming the batch) when it
 * reaches a damaged batch, before yielding anything from it. Like readRange, finish or break out
 * of the loop before writing through the same database connection.
 */
export function readRecording(
  db: { readonly inputLog: Pick<InputLogRepository, 'readRange'> },
  options: ReadRecordingOptions = {},
): IterableIterator<EngineInput> {
  const fromMs = options.fromMs ?? -Number.MAX_SAFE_INTEGER;
  const toMs = options.toMs ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    throw new RangeError(`readRecording: fromMs and toMs must be finite (got ${fromMs}, ${toMs})`);
  }
  return new Merge(db.inputLog.readRange(fromMs, toMs, options.kinds), fromMs, toMs, options.transient ? new TransientRuns() : undefined);
}

/**
 * The k-way merge as a hand-written iterator rather than a generator: it runs once per input, and
 * a generator's resumption and fresh result object per step were a tenth of a replay.
 */
class Merge implements IterableIterator<EngineInput> {
  private readonly heap = new MinHeap<Cursor>(before);
  private readonly sources = new SourceRanks();
  /** Ranks of batches' source lists: plate batches of a store list the same plates, in one shared array. */
  private readonly ranked = new WeakMap<readonly string[], readonly SourceOrder[]>();
  /** The next batch not yet opened; undefined until the first next(), so nothing is read before. */
  private pending: IteratorResult<InputBatch> | undefined;
  private done = false;
  private readonly result: IteratorResult<EngineInput> = { done: false, value: undefined as unknown as EngineInput };

  constructor(
    private readonly batches: IterableIterator<InputBatch>,
    private readonly fromMs: number,
    private readonly toMs: number,
    private readonly transient: TransientRuns | undefined,
  ) {}

  [Symbol.iterator](): IterableIterator<EngineInput> {
    return this;
  }

  next(): IteratorResult<EngineInput> {
    try {
      for (;;) {
        if (this.done) return { done: true, value: undefined };
        const heap = this.heap;
        let pending = (this.pending ??= this.batches.next());
        // Batches arrive by start time, and nothing in a batch is earlier than its start: once the
        // next batch starts after the earliest open input, that input is the earliest of all.
        while (!pending.done && (heap.size === 0 || pending.value.t0Ms <= heap.peek()!.time)) {
          this.open(pending.value);
          pending = this.pending = this.batches.next();
        }
        const top = heap.peek();
        if (top === undefined || top.time >= this.toMs) {
          this.finish();
          continue;
        }
        const input = top.inputs.input(top.next++, this.transient);
        if (top.next < top.inputs.length) {
          top.time = top.inputs.time(top.next);
          top.source = top.sources[top.inputs.source(top.next)]!;
          heap.siftTop();
        } else {
          heap.pop();
        }
        if (inputTime(input) < this.fromMs) continue;
        // One result object, refilled: for-of reads it before asking for the next.
        this.result.value = input;
        return this.result;
      }
    } catch (error) {
      this.finish();
      throw error;
    }
  }

  return(): IteratorResult<EngineInput> {
    this.finish();
    return { done: true, value: undefined };
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.batches.return?.();
  }

  private open(batch: InputBatch): void {
    const inputs = decodeBatchLazily(batch);
    let sources = this.ranked.get(inputs.sources);
    if (sources === undefined) {
      sources = inputs.sources.map((name) => this.sources.of(name));
      this.ranked.set(inputs.sources, sources);
    }
    this.heap.push({ inputs, next: 0, time: inputs.time(0), rank: kindRank[batch.kind], source: sources[inputs.source(0)]!, sources, batchId: batch.id });
  }
}
