// The recording format: how engine inputs become input-log batches (one kind, about a second of
// data each: one camera, gate, device or staff member, or all plates together) and back. Every
// payload is framed the same way:
//
//   u8 format version (2; 1 is still read) · varint body length · body · u32 CRC-32 (little-endian)
//
// The body format belongs to the kind (plate-batch, detections-codec, events-codec); versions 1 and
// 2 differ only in plate batches (one plate per batch in 1, many in 2). The CRC also
// covers the batch row's source, kind, t0Ms, t1Ms and count, so a damaged payload, a damaged row
// and a payload moved to another row are all refused rather than replayed as something that did
// not happen. Encoding is a pure function of the inputs: the same inputs give the same bytes.
import type { InputBatchInput, InputKind } from '../db';
import { inputTime, type EngineInput, type EngineInputKind } from '../engine/inputs';
import { ByteReader, ByteWriter } from './bytes';
import { crc32 } from './crc32';
import { checkDetections, decodeDetectionsBody, DetectionsBodyEncoder } from './detections-codec';
import { PayloadProblem, RecordingFormatError } from './errors';
import { checkEvent, decodeEventBody, EventBodyEncoder } from './events-codec';
import type { DecodedBatch } from './decoded-batch';
import { decodePlateBatch, PlateBatchEncoder, plateBatchSource } from './plate-batch';
import { checkPlateSamples, plateRunEnd } from './plate-codec';

/** The format version this build writes. */
export const recordingFormatVersion = 2;
/** …and the ones it reads. */
const readableVersions: readonly number[] = [1, 2];

/** The storage layer and the engine must name the same kinds; this fails to compile otherwise. */
export type KindsAgree = Assert<Same<InputKind, EngineInputKind>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

/** Kind numbers inside the checksum; part of the format since version 1, so never reorder. */
const kindTags: Readonly<Record<EngineInputKind, number>> = {
  'plate-samples': 1,
  detections: 2,
  'gate-scan': 3,
  'device-status': 4,
  'staff-action': 5,
  'gate-passage': 6,
};

const FRAME_BYTES_MIN = 1 + 1 + 4;

/** Where an input comes from, as the merge orders sources: the plate, camera, gate, device or acting staff member. */
export function inputSource(input: EngineInput): string {
  switch (input.kind) {
    case 'plate-samples':
      return input.plate;
    case 'detections':
      return input.camera;
    case 'gate-scan':
    case 'gate-passage':
      return input.gate;
    case 'device-status':
      return input.device;
    case 'staff-action':
      return input.actor;
  }
}

/** The batch row's source an input is recorded under: its own source, except plates, which share one batch. */
export function batchSource(input: EngineInput): string {
  return input.kind === 'plate-samples' ? plateBatchSource : inputSource(input);
}

/** The latest sample time an input holds (its last weight sample for a plate run). */
export function inputEndTime(input: EngineInput): number {
  return input.kind === 'plate-samples' ? plateRunEnd(input) : input.t;
}

interface BodyEncoder {
  readonly inputs: number;
  readonly count: number;
  readonly firstTime: number;
  readonly lastTime: number;
  push(input: EngineInput): void;
  reset(): void;
  writeBody(out: ByteWriter, t0Ms: number): void;
}

/** Where a sealed batch's payload lies in the writer it was sealed into. */
export interface SealedBatch extends Omit<InputBatchInput, 'payload'> {
  start: number;
  end: number;
}

/**
 * One source's batch in the making (for plates, every plate's). Inputs are copied in (callers may
 * reuse their arrays) and checked first, so a rejected input leaves the batch as it was.
 */
export class BatchEncoder {
  private readonly body: BodyEncoder;
  /** Time of the latest input taken, kept across batches: per plate for plates, else of the one source. */
  private lastInputTime = -Infinity;
  private readonly lastPlateTimes = new Map<string, number>();

  constructor(
    readonly kind: EngineInputKind,
    readonly source: string,
  ) {
    if (!Object.hasOwn(kindTags, kind)) throw new TypeError(`unknown input kind "${String(kind)}"`);
    if (typeof source !== 'string' || source.length === 0) throw new TypeError(`${kind}: the source id must be a non-empty string`);
    this.body = (
      kind === 'plate-samples' ? new PlateBatchEncoder() : kind === 'detections' ? new DetectionsBodyEncoder() : new EventBodyEncoder()
    ) as BodyEncoder;
  }

  /** Inputs held; a plate run without samples is not held. */
  get inputs(): number {
    return this.body.inputs;
  }

  /** Samples, detections or events held: the batch row's count. */
  get count(): number {
    return this.body.count;
  }

  /** inputTime of the first input held; meaningless while inputs is 0. */
  get firstTime(): number {
    return this.body.firstTime;
  }

  /** Throws a TypeError or RangeError, saying why, for an input this batch cannot take. */
  check(input: EngineInput): void {
    if (input.kind !== this.kind) throw new TypeError(`a ${this.kind} batch cannot take a ${String(input.kind)} input`);
    const source = batchSource(input);
    if (source !== this.source) throw new TypeError(`the ${this.kind} batch of "${this.source}" cannot take an input from "${source}"`);
    if (input.kind === 'plate-samples') checkPlateSamples(input);
    else if (input.kind === 'detections') checkDetections(input);
    else checkEvent(input);
    const t = inputTime(input);
    const last = input.kind === 'plate-samples' ? (this.lastPlateTimes.get(input.plate) ?? -Infinity) : this.lastInputTime;
    if (t < last) {
      throw new RangeError(`${this.kind} from "${inputSource(input)}" at ${t} ms arrived after one at ${last} ms: inputs must be in time order per source`);
    }
  }

  /** Adds an input that passed check(). */
  push(input: EngineInput): void {
    if (input.kind === 'plate-samples') this.lastPlateTimes.set(input.plate, input.t0);
    else this.lastInputTime = inputTime(input);
    this.body.push(input);
  }

  add(input: EngineInput): void {
    this.check(input);
    this.push(input);
  }

  /** Appends the payload of the inputs held to `out`, says where, and empties the batch. */
  seal(out: ByteWriter): SealedBatch {
    if (this.body.inputs === 0) throw new Error(`seal: the ${this.kind} batch of "${this.source}" is empty`);
    const t0Ms = Math.floor(this.body.firstTime);
    const t1Ms = Math.ceil(this.body.lastTime);
    const count = this.body.count;
    bodyScratch.reset();
    this.body.writeBody(bodyScratch, t0Ms);
    const row = { source: this.source, kind: this.kind, t0Ms, t1Ms, count };
    const start = out.length;
    appendFrame(out, row, bodyScratch.bytes.subarray(0, bodyScratch.length));
    this.body.reset();
    return { ...row, start, end: out.length };
  }
}

function appendFrame(out: ByteWriter, row: Omit<InputBatchInput, 'payload'>, body: Uint8Array, version = recordingFormatVersion): void {
  const start = out.length;
  out.u8(version);
  out.varint(body.length);
  out.ensure(body.length + 4);
  out.bytes.set(body, out.length);
  out.length += body.length;
  out.u32(crc32(out.bytes, start, out.length, rowChecksum(row.source, row.kind, row.t0Ms, row.t1Ms, row.count)));
}

/** A payload around any body bytes, checksum and all: for tools and tests that craft batches (of older versions, too). */
export function framePayload(row: Omit<InputBatchInput, 'payload'>, body: Uint8Array, version = recordingFormatVersion): Uint8Array {
  const out = new ByteWriter(body.length + 16);
  appendFrame(out, row, body, version);
  return out.copy();
}

const bodyScratch = new ByteWriter(4096);
const rowScratch = new ByteWriter(256);

function rowChecksum(source: string, kind: EngineInputKind, t0Ms: number, t1Ms: number, count: number): number {
  rowScratch.reset();
  rowScratch.string(source);
  rowScratch.u8(kindTags[kind]);
  rowScratch.f64(t0Ms);
  rowScratch.f64(t1Ms);
  rowScratch.f64(count);
  return crc32(rowScratch.bytes, 0, rowScratch.length);
}

/** One batch from inputs of a single kind and source (plates: any plates), each source's in time order. */
export function encodeBatch(inputs: readonly EngineInput[]): InputBatchInput {
  const first = inputs[0];
  if (first === undefined) throw new TypeError('encodeBatch: no inputs');
  const encoder = new BatchEncoder(first.kind, batchSource(first));
  for (const input of inputs) encoder.add(input);
  if (encoder.inputs === 0) throw new TypeError('encodeBatch: nothing to record (plate runs without samples only)');
  const out = new ByteWriter(256);
  const { start, end, ...row } = encoder.seal(out);
  return { ...row, payload: out.copy(start, end) };
}

/**
 * The inputs of one recorded batch, exactly as encodeBatch (or the writer) was given them, up to
 * the recorded resolution (0.01 g, whole pixels, 1/255 scores), in engine order (a plate batch's
 * runs by time, then plate). Throws RecordingFormatError, with the batch id, for anything else.
 */
export function decodeBatch(batch: InputBatchInput & { id?: number }): EngineInput[] {
  const decoded = decodeBatchLazily(batch);
  const inputs: EngineInput[] = new Array(decoded.length);
  for (let i = 0; i < decoded.length; i++) inputs[i] = decoded.input(i);
  return inputs;
}

/** A batch of one source whose inputs are decoded all at once (all but plates). */
class ReadyBatch implements DecodedBatch {
  readonly sources: readonly string[];
  constructor(
    private readonly inputs: EngineInput[],
    source: string,
  ) {
    this.sources = [source];
  }
  get length(): number {
    return this.inputs.length;
  }
  time(i: number): number {
    return inputTime(this.inputs[i]!);
  }
  source(): number {
    return 0;
  }
  input(i: number): EngineInput {
    return this.inputs[i]!;
  }
}

/** Like decodeBatch (the same checks, the same errors), for a replay that takes inputs one by one. */
export function decodeBatchLazily(batch: InputBatchInput & { id?: number }): DecodedBatch {
  try {
    return decodeFramed(batch);
  } catch (error) {
    if (error instanceof RecordingFormatError) throw error;
    const what = `${String(batch.kind)} batch from "${String(batch.source)}"`;
    if (error instanceof PayloadProblem) throw new RecordingFormatError(batch.id, `${what}: ${error.message}`);
    throw new RecordingFormatError(batch.id, `${what}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
}

function decodeFramed(batch: InputBatchInput & { id?: number }): DecodedBatch {
  const { payload, kind, source, t0Ms, t1Ms, count } = batch;
  if (!Object.hasOwn(kindTags, kind)) throw new PayloadProblem(`unknown input kind`);
  if (!(payload instanceof Uint8Array)) throw new PayloadProblem('the payload is not bytes');
  if (payload.length < FRAME_BYTES_MIN) {
    throw new PayloadProblem(`truncated: the payload is ${payload.length} bytes, and the smallest valid one is ${FRAME_BYTES_MIN}`);
  }
  const version = payload[0]!;
  if (!readableVersions.includes(version)) {
    throw new PayloadProblem(`payload format version ${version} is not one this build reads (${readableVersions.join(', ')})`);
  }
  const frame = new ByteReader(payload, 1, payload.length);
  const bodyLength = frame.varint('body length');
  const bodyStart = frame.pos;
  const expected = bodyStart + bodyLength + 4;
  if (expected > payload.length) {
    throw new PayloadProblem(`truncated: the payload is ${payload.length} bytes, its header announces ${expected}`);
  }
  if (expected < payload.length) throw new PayloadProblem(`${payload.length - expected} unexpected bytes after the checksum`);
  const at = expected - 4;
  const stored = (payload[at]! | (payload[at + 1]! << 8) | (payload[at + 2]! << 16) | (payload[at + 3]! << 24)) >>> 0;
  if (crc32(payload, 0, expected - 4, rowChecksum(source, kind, t0Ms, t1Ms, count)) !== stored) {
    throw new PayloadProblem('checksum mismatch: the payload, or its row (source, kind, times, count), was altered');
  }

  const body = new ByteReader(payload, bodyStart, bodyStart + bodyLength);
  let decoded: DecodedBatch;
  let last = -Infinity;
  if (kind === 'plate-samples') {
    const runs = decodePlateBatch(body, version, source, t0Ms, count);
    decoded = runs;
    last = runs.lastTime;
  } else {
    const inputs = kind === 'detections' ? decodeDetectionsBody(body, source, t0Ms, count) : decodeEventBody(body, kind, source, t0Ms, count);
    decoded = new ReadyBatch(inputs, source);
    for (const input of inputs) last = Math.max(last, inputEndTime(input));
  }
  if (body.remaining !== 0) throw new PayloadProblem(`${body.remaining} unexpected bytes after the last input`);
  if (decoded.length === 0) throw new PayloadProblem('holds no inputs');
  const first = decoded.time(0);
  if (Math.floor(first) !== t0Ms || Math.ceil(last) !== t1Ms) {
    throw new PayloadProblem(`its inputs span ${first}..${last} ms, which does not match the row's ${t0Ms}..${t1Ms} ms`);
  }
  return decoded;
}
