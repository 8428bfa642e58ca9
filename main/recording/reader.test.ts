// Replay: the recording comes back merged across sources in the engine's one order, the same on
// every read, a time window at a time, streaming, and stopping with a clear error at a damaged batch.
import { describe, expect, it } from 'vitest';
import { openStoreDatabase, type InputBatch, type InputBatchInput, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { inputTime, type EngineInput } from '../engine/inputs';
import { ByteReader } from './bytes';
import { encodeBatch, framePayload, inputSource } from './codec';
import { RecordingFormatError } from './errors';
import { compareInputs, kindTieOrder } from './merge-order';
import { readRecording } from './reader';
import { recorded, sampleInputs } from './test-inputs';
import { RecordingWriter } from './writer';

function recordInto(inputs: readonly EngineInput[], db = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' })): StoreDatabase {
  const writer = new RecordingWriter(db);
  for (const input of inputs) writer.write(input);
  writer.close();
  return db;
}

/**
 * The batches format version 1 made of the inputs: a batch per source (each plate its own) per
 * second. Bodies were as in version 2, except that a plate batch had no plate table.
 */
function version1Batches(inputs: readonly EngineInput[]): InputBatchInput[] {
  const groups = new Map<string, EngineInput[]>();
  for (const input of inputs) {
    const key = `${Math.floor(inputTime(input) / 1000)} ${input.kind} ${inputSource(input)}`;
    groups.set(key, [...(groups.get(key) ?? []), input]);
  }
  return [...groups.values()].map((group) => {
    const batch = encodeBatch(group);
    const frame = new ByteReader(batch.payload, 1, batch.payload.length);
    const bodyLength = frame.varint('body length');
    const body = new ByteReader(batch.payload, frame.pos, frame.pos + bodyLength);
    if (batch.kind === 'plate-samples') {
      const tableLength = body.varint('plate table length');
      body.pos += tableLength;
    }
    const row = { ...batch, source: inputSource(group[0]!) };
    return { ...row, payload: framePayload(row, batch.payload.subarray(body.pos, body.end), 1) };
  });
}

/** The engine order of inputs as given: a stable sort, so each source keeps its own order. */
function engineOrder(inputs: readonly EngineInput[]): EngineInput[] {
  return [...inputs].sort(compareInputs).map(recorded);
}

describe('readRecording', () => {
  it('replays the recording merged across sources in engine order, the same every time', () => {
    const inputs = sampleInputs({ seconds: 5 });
    const db = recordInto(inputs);
    const replayed = [...readRecording(db)];
    expect(replayed).toHaveLength(inputs.length);
    expect(replayed).toEqual(engineOrder(inputs));
    expect([...readRecording(db)]).toEqual(replayed);
    db.close();
  });

  it('breaks ties by kind, then source, then recorded order', () => {
    const t = 2000;
    const grams = Float32Array.of(1);
    const inputs: EngineInput[] = [
      { kind: 'plate-samples', plate: 'plate-B', t0: t, dt: 10, grams },
      { kind: 'plate-samples', plate: 'plate-A', t0: t, dt: 10, grams },
      { kind: 'detections', camera: 'cam-1', t, boxes: new Float32Array(0) },
      { kind: 'gate-passage', gate: 'gate-1', t },
      { kind: 'gate-scan', gate: 'gate-1', t, token: 'tok' },
      { kind: 'staff-action', t, actor: 'staff-1', action: 'restock-start', fixture: 'f' },
      { kind: 'device-status', device: 'shelf-2', t, state: 'offline', detail: 'first' },
      { kind: 'device-status', device: 'shelf-1', t, state: 'online' },
      { kind: 'device-status', device: 'shelf-2', t, state: 'online', detail: 'second' },
      { kind: 'gate-passage', gate: 'gate-0', t: t - 0.001 },
    ];
    const db = recordInto(inputs);
    expect([...readRecording(db)].map((i) => `${i.kind} ${inputSource(i)}${'detail' in i ? ` ${i.detail}` : ''}`)).toEqual([
      'gate-passage gate-0',
      'device-status shelf-1',
      'device-status shelf-2 first',
      'device-status shelf-2 second',
      'staff-action staff-1',
      'gate-scan gate-1',
      'gate-passage gate-1',
      'detections cam-1',
      'plate-samples plate-A',
      'plate-samples plate-B',
    ]);
    expect(kindTieOrder).toHaveLength(6);
    db.close();
  });

  it('reads recordings of format version 1 (a batch per plate) in the same order, alone or followed by version 2', () => {
    const inputs = sampleInputs({ seconds: 4 });
    const v1 = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    v1.inputLog.appendMany(version1Batches(inputs));
    expect(new Set([...v1.inputLog.readRange(0, 1e9)].map((b) => b.payload[0]))).toEqual(new Set([1]));
    expect([...readRecording(v1)]).toEqual(engineOrder(inputs));
    // A store that upgraded mid-recording: version 1 up to 3 s, version 2 from then on.
    const mixed = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
    mixed.inputLog.appendMany(version1Batches(inputs.filter((i) => inputTime(i) < 3000)));
    recordInto(
      inputs.filter((i) => inputTime(i) >= 3000),
      mixed,
    );
    expect([...readRecording(mixed)]).toEqual(engineOrder(inputs));
    v1.close();
    mixed.close();
  });

  it('hands out plate runs in one reused object when asked (transient), with the same values', () => {
    const db = recordInto(sampleInputs({ seconds: 3 }));
    const copies: EngineInput[] = [];
    const runObjects = new Set<EngineInput>();
    for (const input of readRecording(db, { transient: true })) {
      if (input.kind === 'plate-samples') runObjects.add(input);
      copies.push(structuredClone(input));
    }
    expect(copies).toEqual([...readRecording(db)]);
    expect(runObjects.size).toBe(1);
    db.close();
  });

  it('reads a time window: inputs whose time is in [fromMs, toMs)', () => {
    const inputs = sampleInputs({ seconds: 5 });
    const db = recordInto(inputs);
    const window = [...readRecording(db, { fromMs: 2500, toMs: 4000 })];
    expect(window).toEqual(engineOrder(inputs.filter((i) => inputTime(i) >= 2500 && inputTime(i) < 4000)));
    expect(window.length).toBeGreaterThan(100);
    const kinds = [...readRecording(db, { kinds: ['gate-scan', 'staff-action'] })];
    expect(new Set(kinds.map((i) => i.kind))).toEqual(new Set(['gate-scan', 'staff-action']));
    expect(() => readRecording(db, { fromMs: Number.NaN })).toThrow(RangeError);
    db.close();
  });

  it('streams: it pulls a batch only when the merge reaches its start', () => {
    // Three sources, ten one-second batches each.
    const batches: InputBatch[] = [];
    for (let second = 0; second < 10; second++) {
      for (const plate of ['plate-A', 'plate-B', 'plate-C']) {
        const runs: EngineInput[] = Array.from({ length: 10 }, (_, i) => ({
          kind: 'plate-samples',
          plate,
          t0: second * 1000 + i * 100,
          dt: 100,
          grams: Float32Array.of(i),
        }));
        batches.push({ ...encodeBatch(runs), id: batches.length + 1 });
      }
    }
    let pulled = 0;
    const inputLog = {
      *readRange() {
        for (const batch of batches) {
          pulled++;
          yield batch;
        }
      },
    };
    const replay = readRecording({ inputLog });
    for (let i = 0; i < 3 * 10 + 1; i++) replay.next(); // the first second, and one more input
    // The first two seconds' batches, and the look-ahead batch that told the merge to stop pulling.
    expect(pulled).toBe(7);
    expect([...replay]).toHaveLength(3 * 100 - 31);
  });

  it('stops at a damaged batch with a RecordingFormatError naming it', () => {
    const db = recordInto(sampleInputs({ seconds: 3 }));
    const good = encodeBatch([{ kind: 'gate-passage', gate: 'gate-9', t: 2500 }]);
    const payload = Uint8Array.from(good.payload);
    payload[3]! ^= 0x10;
    const badId = db.inputLog.append({ ...good, payload });
    const seen: EngineInput[] = [];
    let caught: unknown;
    try {
      for (const input of readRecording(db)) seen.push(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RecordingFormatError);
    expect((caught as RecordingFormatError).batchId).toBe(badId);
    expect((caught as Error).message).toMatch(new RegExp(`batch ${badId}\\b.*gate-passage batch from "gate-9": checksum mismatch`));
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen.map(inputTime))).toBeLessThanOrEqual(2500);
    // The failed replay released the connection.
    db.inputLog.append(good);
    db.close();
  });

  it('releases the connection when the loop breaks early', () => {
    const db = recordInto(sampleInputs({ seconds: 2 }));
    for (const input of readRecording(db)) {
      expect(input).toBeDefined();
      break;
    }
    db.inputLog.append(encodeBatch([{ kind: 'gate-passage', gate: 'gate-9', t: 9000 }]));
    expect([...readRecording(db, { fromMs: 9000 })]).toEqual([{ kind: 'gate-passage', gate: 'gate-9', t: 9000 }]);
    db.close();
  });
});
