// Records engine inputs, as a live driver or the simulator produces them, into the store's input
// log. Each source's inputs (all plates' together: see plate-batch) are buffered in a reused encoder
// until they span about a second, then sealed into a batch; sealed batches are committed together, one transaction (one fsync) for a
// second's worth of every source, because hundreds of plates committing on their own would cost
// hundreds of fsyncs a second. Flushing is driven by input time, not the wall clock, so a given
// input sequence always yields the same batches. A process killed between commits loses only what
// it had not committed: at most about batchSpanMs + commitSpanMs of input time.
import type { InputBatchInput, InputLogRepository } from '../db';
import { boxStride, inputTime, type EngineInput, type EngineInputKind } from '../engine/inputs';
import { ByteWriter } from './bytes';
import { BatchEncoder, batchSource, type SealedBatch } from './codec';

export interface RecordingWriterOptions {
  /** A source's batch is sealed once its inputs would span this much time. Default 1000 ms. */
  batchSpanMs?: number;
  /** …or once it holds this many samples, detections or events. Default 2^20 (a second of 13,000 plates at 80 Hz). */
  batchMaxCount?: number;
  /** Sealed batches are committed once the newest input is this much later than the last commit. Default 1000 ms. */
  commitSpanMs?: number;
  /** …or once their payloads reach this many bytes. Default 4 MiB. */
  commitMaxBytes?: number;
}

export interface RecordingWriterStats {
  /** Inputs accepted by write(). */
  inputs: number;
  /** What has been committed to the database. */
  committedBatches: number;
  committedInputs: number;
  committedSamples: number;
  committedBytes: number;
  /** Payload bytes committed for weight samples alone (what "bytes per weight sample" divides). */
  committedPlateBytes: number;
}

interface Stream {
  encoder: BatchEncoder;
}

export class RecordingWriter {
  private readonly batchSpanMs: number;
  private readonly batchMaxCount: number;
  private readonly commitSpanMs: number;
  private readonly commitMaxBytes: number;
  private readonly streams = new Map<EngineInputKind, Map<string, Stream>>();
  /** Payloads of sealed, uncommitted batches, back to back; reused after every commit. */
  private readonly pendingBytes = new ByteWriter(64 * 1024);
  private readonly pending: SealedBatch[] = [];
  private pendingInputs = 0;
  private latestTime = -Infinity;
  private lastCommitTime = Number.NaN;
  private closed = false;
  private readonly counters: RecordingWriterStats = {
    inputs: 0,
    committedBatches: 0,
    committedInputs: 0,
    committedSamples: 0,
    committedBytes: 0,
    committedPlateBytes: 0,
  };

  constructor(
    private readonly db: { readonly inputLog: Pick<InputLogRepository, 'appendMany'> },
    options: RecordingWriterOptions = {},
  ) {
    this.batchSpanMs = positive('batchSpanMs', options.batchSpanMs ?? 1000);
    this.batchMaxCount = positive('batchMaxCount', options.batchMaxCount ?? 2 ** 20);
    this.commitSpanMs = positive('commitSpanMs', options.commitSpanMs ?? 1000);
    this.commitMaxBytes = positive('commitMaxBytes', options.commitMaxBytes ?? 4 * 1024 * 1024);
  }

  /**
   * Buffers one input (copying its arrays: the caller may reuse them) and commits whatever is due.
   * An input that is malformed, or earlier than the last one from its source, is refused with a
   * TypeError or RangeError and changes nothing. A failed commit throws the storage error; the
   * input was taken even so (do not write it again), and the batches wait for the next commit.
   */
  write(input: EngineInput): void {
    if (this.closed) throw new Error('RecordingWriter: write after close');
    const stream = this.stream(input);
    const { encoder } = stream;
    encoder.check(input);
    const t = inputTime(input);
    if (encoder.inputs > 0 && (t - encoder.firstTime >= this.batchSpanMs || encoder.count + sizeOf(input) > this.batchMaxCount)) {
      this.seal(encoder);
    }
    encoder.push(input);
    this.counters.inputs++;
    if (t > this.latestTime) this.latestTime = t;
    if (Number.isNaN(this.lastCommitTime)) this.lastCommitTime = t;
    if (this.latestTime - this.lastCommitTime >= this.commitSpanMs || this.pendingBytes.length >= this.commitMaxBytes) {
      this.commit(false);
    }
  }

  /** Seals every source's buffered inputs and commits them: a live host calls this on a timer, too. */
  flush(): void {
    this.commit(true);
  }

  /** Flushes, then refuses further writes. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
  }

  get stats(): Readonly<RecordingWriterStats> {
    return { ...this.counters };
  }

  /**
   * Every input written with a time before this is committed (Infinity when nothing waits): what the
   * live pipeline checks before storing a decision, so no stored decision rests on inputs a crash
   * could still take away.
   */
  get committedThroughMs(): number {
    let through = Infinity;
    for (const byKind of this.streams.values()) {
      for (const { encoder } of byKind.values()) if (encoder.inputs > 0 && encoder.firstTime < through) through = encoder.firstTime;
    }
    for (const batch of this.pending) if (batch.t0Ms < through) through = batch.t0Ms;
    return through;
  }

  private stream(input: EngineInput): Stream {
    let byKind = this.streams.get(input.kind);
    if (byKind === undefined) this.streams.set(input.kind, (byKind = new Map()));
    const source = batchSource(input);
    let stream = byKind.get(source);
    if (stream === undefined) {
      stream = { encoder: new BatchEncoder(input.kind, source) };
      byKind.set(source, stream);
    }
    return stream;
  }

  private seal(encoder: BatchEncoder): void {
    this.pendingInputs += encoder.inputs;
    this.pending.push(encoder.seal(this.pendingBytes));
  }

  /**
   * Commits the sealed batches, after sealing every source whose oldest input is a batch span old
   * (or all of them, for a flush), so a source that fell silent does not hold its tail forever.
   */
  private commit(all: boolean): void {
    for (const byKind of this.streams.values()) {
      for (const { encoder } of byKind.values()) {
        if (encoder.inputs > 0 && (all || this.latestTime - encoder.firstTime >= this.batchSpanMs)) this.seal(encoder);
      }
    }
    if (this.pending.length > 0) {
      const bytes = this.pendingBytes.bytes;
      const batches: InputBatchInput[] = this.pending.map(({ start, end, ...row }) => ({ ...row, payload: bytes.subarray(start, end) }));
      this.db.inputLog.appendMany(batches);
      for (const batch of this.pending) {
        this.counters.committedSamples += batch.count;
        if (batch.kind === 'plate-samples') this.counters.committedPlateBytes += batch.end - batch.start;
      }
      this.counters.committedBatches += this.pending.length;
      this.counters.committedInputs += this.pendingInputs;
      this.counters.committedBytes += this.pendingBytes.length;
      this.pending.length = 0;
      this.pendingInputs = 0;
      this.pendingBytes.reset();
    }
    this.lastCommitTime = this.latestTime;
  }
}

/** What an input adds to its batch's count. */
function sizeOf(input: EngineInput): number {
  if (input.kind === 'plate-samples') return input.grams.length;
  if (input.kind === 'detections') return input.boxes.length / boxStride;
  return 1;
}

function positive(name: string, value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`RecordingWriter: ${name} must be a positive number (got ${value})`);
  return value;
}
