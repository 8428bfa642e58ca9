// Replay: the recording comes back merged across sources in the engine's one order, the same on
// every read, a time window at a time, streaming, and stopping with a clear error at a damaged batch.
import { describe, expect, it } from 'vitest';
import { openStoreDatabase, type InputBatch, type StoreDatabase } from '../db';
import { tempDbPath } from '../db/test-support';
import { inputTime, type EngineInput } from '../engine/inputs';
import { encodeBatch, inputSource } from './codec';
import { RecordingFormatError } from './errors';
import { compareInputs, kindTieOrder } from './merge-order';
import { readRecording } from './reader';
import { recorded, sampleInputs } from './test-inputs';
import { RecordingWriter } from './writer';

function recordInto(inputs: readonly EngineInput[]): StoreDatabase {
  const db = openStoreDatabase(tempDbPath(), { storeId: 'demo-store' });
  const writer = new RecordingWriter(db);
  for (const input of inputs) writer.write(input);
  writer.close();
  return db;
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
