// The recording format: every kind comes back as it went in (at the recorded resolution), the
// same inputs always give the same bytes, and a damaged payload is refused with a
// RecordingFormatError naming its batch, never decoded into something else.
import { describe, expect, it } from 'vitest';
import type { InputBatchInput } from '../db';
import type { EngineInput } from '../engine/inputs';
import { ByteWriter } from './bytes';
import { decodeBatch, encodeBatch, framePayload, inputSource, recordingFormatVersion } from './codec';
import { RecordingFormatError } from './errors';
import { recorded, sampleInputs } from './test-inputs';

/** The sample store split into one input list per (kind, source), in order. */
function streams(inputs: readonly EngineInput[]): EngineInput[][] {
  const byKey = new Map<string, EngineInput[]>();
  for (const input of inputs) {
    const key = `${input.kind}/${inputSource(input)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), input]);
  }
  return [...byKey.values()];
}

function roundTrip(inputs: EngineInput[]): EngineInput[] {
  return decodeBatch({ ...encodeBatch(inputs), id: 1 });
}

function plate(t0: number, grams: number[], dt = 10, plateId = 'plate-A'): EngineInput {
  return { kind: 'plate-samples', plate: plateId, t0, dt, grams: Float32Array.from(grams) };
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

describe('recording codec: round trip', () => {
  it('gives back every kind of the sample store at the recorded resolution', () => {
    const groups = streams(sampleInputs());
    expect(new Set(groups.map((g) => g[0]!.kind))).toEqual(
      new Set(['plate-samples', 'detections', 'gate-scan', 'gate-passage', 'device-status', 'staff-action']),
    );
    for (const group of groups) expect(roundTrip(group)).toEqual(group.map(recorded));
  });

  it('keeps dropped samples as NaN and weights to the nearest 0.01 g', () => {
    const [run] = roundTrip([plate(0, [Number.NaN, 1234.567, Number.NaN, -0.004, 1e12, Number.POSITIVE_INFINITY, 5000.01, -250.5])]);
    expect(run).toMatchObject({ kind: 'plate-samples', plate: 'plate-A', t0: 0, dt: 10 });
    const grams = [...(run as Extract<EngineInput, { kind: 'plate-samples' }>).grams];
    // Readings no plate can produce (a tera-gram, infinity) come back as dropped samples.
    expect(grams).toEqual([NaN, Math.fround(1234.57), NaN, 0, NaN, NaN, Math.fround(5000.01), -250.5]);
  });

  it('keeps every time exactly: whole ms, µs, fractional, negative and epoch-scale', () => {
    const times = [-5.5, -0.25, 1 / 3, 2.000001, 1000, 1000, 1016.6666666666666, 1_700_000_000_000.123, 1_700_000_000_001 + 1 / 7];
    const frames: EngineInput[] = times.map((t) => ({ kind: 'detections', camera: 'cam', t, boxes: new Float32Array(0) }));
    expect(roundTrip(frames).map((f) => (f as { t: number }).t)).toEqual(times);

    // Runs: a 60 Hz period (not a whole µs), continuing runs, a gap, and a change of rate.
    const dt = 1000 / 60;
    const runs = [plate(0.5, [1, 2], dt), plate(0.5 + 2 * dt, [3], dt), plate(0.5 + 3 * dt, [4], dt), plate(100, [5], dt), plate(200, [6, 7], 12.5)];
    expect(roundTrip(runs)).toEqual(runs);
  });

  it('tells empty frames, absent keypoints and present-but-empty keypoints apart', () => {
    const frames: EngineInput[] = [
      { kind: 'detections', camera: 'cam', t: 1, boxes: new Float32Array(0) },
      { kind: 'detections', camera: 'cam', t: 2, boxes: new Float32Array(0), keypoints: new Float32Array(0) },
      { kind: 'detections', camera: 'cam', t: 3, boxes: Float32Array.from([10, 20, 30, 40, 1]) },
      {
        kind: 'detections',
        camera: 'cam',
        t: 4,
        boxes: Float32Array.from([-3.4, 1079.6, 100000, -2, 0.5, 1, 2, 3, 4, Number.NaN]),
        keypoints: Float32Array.from([1, 2, 1, 3, 4, 0, 5, 6, 0.2, 7, 8, 1, 9, 10, 0, Number.NaN, 12, 2]),
      },
    ];
    const back = roundTrip(frames);
    expect(back).toEqual(frames.map(recorded));
    expect(back[0]).not.toHaveProperty('keypoints');
    expect(back[1]).toHaveProperty('keypoints', new Float32Array(0));
    // Clamped to the recorded ranges: whole pixels, sizes >= 0, scores in [0, 1], NaN as 0.
    expect([...(back[3] as { boxes: Float32Array }).boxes]).toEqual([-3, 1080, 65535, 0, Math.fround(128 / 255), 1, 2, 3, 4, 0]);
  });

  it('keeps event fields, including absent, empty and non-ASCII details', () => {
    const events: EngineInput[] = [
      { kind: 'device-status', device: 'shelf-ctrl-1', t: 5, state: 'error', detail: 'Überlast 🔥' },
      { kind: 'device-status', device: 'shelf-ctrl-1', t: 5, state: 'online', detail: '' },
      { kind: 'device-status', device: 'shelf-ctrl-1', t: 9, state: 'offline' },
    ];
    const back = roundTrip(events);
    expect(back).toEqual(events);
    expect(back[2]).not.toHaveProperty('detail');
  });

  it('does not record plate runs without samples', () => {
    expect(roundTrip([plate(0, []), plate(5, [1, 2]), plate(30, [])])).toEqual([plate(5, [1, 2])]);
    expect(() => encodeBatch([plate(0, [])])).toThrow(/nothing to record/);
  });

  it('puts about a byte per sample for a quiet plate', () => {
    let state = 1;
    const noise = () => ((state = (state * 48271) % 2147483647) / 2147483647 - 0.5) * 0.3;
    const runs = Array.from({ length: 600 }, (_, i) => plate(i * 10, [812.4 + noise()]));
    const batch = encodeBatch(runs);
    expect(batch.count).toBe(600);
    expect(batch.payload.length / batch.count).toBeLessThan(1.05);
  });

  it('fills the row from the inputs: source, kind, whole-ms bounds and count', () => {
    const batch = encodeBatch([plate(10.5, [1, 2, 3], 10), plate(40.5, [4], 10)]);
    expect({ ...batch, payload: undefined }).toEqual({ source: 'plates', kind: 'plate-samples', t0Ms: 10, t1Ms: 41, count: 4, payload: undefined });
    const plates = encodeBatch([plate(12, [1, 2], 10, 'plate-B'), plate(10.5, [3], 10, 'plate-A')]);
    expect(plates).toMatchObject({ source: 'plates', t0Ms: 10, t1Ms: 22, count: 3 });
    const detections = encodeBatch([{ kind: 'detections', camera: 'c', t: 7.2, boxes: new Float32Array(10) }]);
    expect(detections).toMatchObject({ source: 'c', t0Ms: 7, t1Ms: 8, count: 2 });
  });
});

describe('recording codec: determinism', () => {
  it('gives byte-identical payloads for the same inputs, and re-encodes its own output identically', () => {
    const a = streams(sampleInputs()).map(encodeBatch);
    const b = streams(sampleInputs()).map(encodeBatch);
    expect(a.map((x) => hex(x.payload))).toEqual(b.map((x) => hex(x.payload)));
    for (const batch of a) {
      const again = encodeBatch(decodeBatch(batch));
      expect(hex(again.payload)).toBe(hex(batch.payload));
    }
  });

  it('keeps format version 2 byte for byte (a change here must bump the version)', () => {
    const payloads = GOLDEN_INPUTS.map((inputs) => hex(encodeBatch(inputs).payload));
    expect(payloads).toEqual(GOLDEN_V2);
    expect(recordingFormatVersion).toBe(2);
  });

  it('reads every version 2 reference payload back to its inputs, the ID check included', () => {
    GOLDEN_V2.forEach((payload, i) => {
      const row = encodeBatch(GOLDEN_INPUTS[i]!);
      expect(decodeBatch({ ...row, payload: Buffer.from(payload, 'hex') })).toEqual(GOLDEN_INPUTS[i]!.map(recorded));
    });
  });

  it('still reads format version 1, one plate per batch, as recordings made before version 2 hold it', () => {
    GOLDEN_V1.forEach(([row, payload], i) => {
      const inputs = GOLDEN_INPUTS[i === 0 ? 0 : i + 1]!;
      expect(decodeBatch({ ...row, payload: Buffer.from(payload, 'hex') })).toEqual(inputs.map(recorded));
    });
  });
});

const GOLDEN_INPUTS: EngineInput[][] = [
  [plate(1000, [500, 500.01, Number.NaN, 499.5]), plate(1040, [501])],
  [plate(1000, [500, 500.01], 10, 'plate-B'), plate(1005, [7], 10, 'plate-A'), plate(1020, [500.02], 10, 'plate-B')],
  [{ kind: 'detections', camera: 'cam-1', t: 33.5, boxes: Float32Array.from([10, 20, 30, 40, 0.9]), keypoints: new Float32Array(9) }],
  [{ kind: 'gate-scan', gate: 'g', t: 1, token: 'tok' }],
  [{ kind: 'gate-passage', gate: 'g', t: 2 }],
  [{ kind: 'device-status', device: 'd', t: 3, state: 'error', detail: 'x' }],
  [{ kind: 'staff-action', t: 4, actor: 'u', action: 'restock-end', fixture: 'f' }],
  [{ kind: 'staff-action', t: 5, actor: 'u', action: 'age-checked', sessionId: 'S1' }],
];

// Decoded by hand for the first plate batch: version 02, body length 0x1c; plate table of 0x0a
// bytes: 1 plate, sharing 00 characters with the one before, "plate-A" (7 bytes); then its body:
// 2 run groups; 0x12 = 4 samples with period and time: period a09c01 (10 000 µs), time 00
// (= t0Ms); 0x04 = 1 sample continuing; base a08d06 (50 000 cg); one block 09 bits wide: codes 0,
// 3, 1 (NaN), 102, 301; then the CRC. The second holds plate-A, then plate-B (table: 00 "plate-A",
// 06 "B"), whatever order they were given in.
const GOLDEN_V2 = [
  '021c0a010007706c6174652d410212a09c010004a08d060900060430d312db176b0d',
  '02240d020007706c6174652d410601420106a09c01904ef80a00020aa09c010004a08d06023c1c4286a5',
  '021c01e807030a0014001e002800e5000000000000000000000000000000072c10da',
  '0206010003746f6bdb79e6ec',
  '020201003d74ad75',
  '02050100050178369604c5',
  '0205010001016658f7bca3',
  // An ID check (added within version 2: older recordings never hold action code 2): body of 06
  // bytes: 1 event, time 00, action 02 (age-checked), session id "S1" (2 bytes); then the CRC.
  '0206010002025331c202d944',
];

// Written by format version 1 (the plate batch's source is its plate; other bodies are as in 2).
const GOLDEN_V1: [Omit<InputBatchInput, 'payload'>, string][] = [
  [{ source: 'plate-A', kind: 'plate-samples', t0Ms: 1000, t1Ms: 1040, count: 5 }, '01110212a09c010004a08d060900060430d312384bc471'],
  [{ source: 'cam-1', kind: 'detections', t0Ms: 33, t1Ms: 34, count: 1 }, '011c01e807030a0014001e002800e50000000000000000000000000000001f09b19e'],
  [{ source: 'g', kind: 'gate-scan', t0Ms: 1, t1Ms: 1, count: 1 }, '0106010003746f6b387e6962'],
  [{ source: 'g', kind: 'gate-passage', t0Ms: 2, t1Ms: 2, count: 1 }, '01020100d3db1867'],
  [{ source: 'd', kind: 'device-status', t0Ms: 3, t1Ms: 3, count: 1 }, '01050100050178ab8cecf4'],
  [{ source: 'u', kind: 'staff-action', t0Ms: 4, t1Ms: 4, count: 1 }, '01050100010166c5ed5492'],
];

describe('recording codec: input checks', () => {
  it('refuses inputs it cannot record faithfully, saying why', () => {
    const frame = (extra: object) => ({ kind: 'detections', camera: 'c', t: 1, boxes: new Float32Array(5), ...extra }) as EngineInput;
    expect(() => encodeBatch([plate(0, [1]), frame({})])).toThrow(/cannot take a detections input/);
    expect(() => encodeBatch([frame({}), { ...frame({}), camera: 'd' } as EngineInput])).toThrow(/cannot take an input from "d"/);
    expect(() => encodeBatch([plate(10, [1]), plate(5, [1])])).toThrow(/time order per source/);
    // Plates share a batch, each in its own time order.
    expect(() => encodeBatch([plate(10, [1]), plate(5, [1], 10, 'plate-B'), plate(7, [1])])).toThrow(/"plate-A" at 7 ms arrived after one at 10 ms/);
    expect(() => encodeBatch([plate(Number.NaN, [1])])).toThrow(RangeError);
    expect(() => encodeBatch([plate(0, [1], 0)])).toThrow(/dt must be a positive period/);
    expect(() => encodeBatch([frame({ boxes: new Float32Array(7) })])).toThrow(/not a multiple of 5/);
    expect(() => encodeBatch([frame({ keypoints: new Float32Array(3) })])).toThrow(/expected 9/);
    expect(() => encodeBatch([{ kind: 'device-status', device: 'd', t: 1, state: 'melting' as never }])).toThrow(/unknown state/);
    expect(() => encodeBatch([{ kind: 'gate-passage', gate: '', t: 1 }])).toThrow(/non-empty/);
    expect(() => encodeBatch([{ kind: 'staff-action', t: 1, actor: 'u', action: 'age-checked' } as EngineInput])).toThrow(/age-checked needs a session id/);
    expect(() => encodeBatch([{ kind: 'staff-action', t: 1, actor: 'u', action: 'restock-pause', fixture: 'f' } as never])).toThrow(/unknown action "restock-pause"/);
  });
});

describe('recording codec: damaged payloads', () => {
  const batches = streams(sampleInputs({ seconds: 1 })).map((g) => ({ ...encodeBatch(g), id: 42 }));

  function expectRefused(batch: InputBatchInput & { id?: number }, message?: RegExp): RecordingFormatError {
    let caught: unknown;
    try {
      decodeBatch(batch);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RecordingFormatError);
    const error = caught as RecordingFormatError;
    expect(error.batchId).toBe(batch.id);
    expect(error.message).toMatch(new RegExp(`batch ${batch.id}\\b`));
    if (message) expect(error.message).toMatch(message);
    return error;
  }

  it('refuses every truncation', () => {
    for (const batch of batches) {
      for (let length = 0; length < batch.payload.length; length++) {
        expectRefused({ ...batch, payload: batch.payload.subarray(0, length) }, /truncated|checksum/);
      }
      expectRefused({ ...batch, payload: Uint8Array.from([...batch.payload, 0]) }, /unexpected bytes/);
    }
  });

  it('refuses a payload of another format version', () => {
    const payload = Uint8Array.from(batches[0]!.payload);
    payload[0] = 3;
    expectRefused({ ...batches[0]!, payload }, /format version 3 is not one this build reads \(1, 2\)/);
  });

  it('refuses every single flipped bit', () => {
    for (const batch of batches) {
      for (let bit = 0; bit < batch.payload.length * 8; bit++) {
        const payload = Uint8Array.from(batch.payload);
        payload[bit >> 3]! ^= 1 << (bit & 7);
        expectRefused({ ...batch, payload });
      }
    }
  });

  it('refuses garbage', () => {
    let state = 99;
    const byte = () => (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
    for (let i = 0; i < 500; i++) {
      const payload = Uint8Array.from({ length: i % 60 }, byte);
      if (i % 2 === 0 && payload.length > 0) payload[0] = 1;
      expectRefused({ ...batches[i % batches.length]!, payload });
    }
  });

  it('refuses a payload whose row was altered or that sits in another row', () => {
    const batch = batches[0]!;
    expectRefused({ ...batch, count: batch.count + 1 }, /checksum/);
    expectRefused({ ...batch, t0Ms: batch.t0Ms - 1 }, /checksum/);
    expectRefused({ ...batch, t1Ms: batch.t1Ms + 1 }, /checksum/);
    expectRefused({ ...batch, source: 'plate-Z' }, /checksum/);
    expectRefused({ ...batches[1]!, payload: batch.payload }, /checksum/);
  });

  it('refuses malformed bodies by their structure even when the checksum is right', () => {
    const body = (write: (w: ByteWriter) => void) => {
      const w = new ByteWriter();
      write(w);
      return w.copy();
    };
    const crafted = (kind: InputBatchInput['kind'], count: number, bytes: Uint8Array, t0Ms = 0, t1Ms = 0, version?: number) => {
      const row = { source: 's', kind, t0Ms, t1Ms, count };
      return { ...row, id: 7, payload: framePayload(row, bytes, version) };
    };
    // Plates (a format version 1 body: one plate): absurd run counts, a first run without a period,
    // a block wider than 31 bits, a run of no samples.
    const v1Plates = (count: number, write: (w: ByteWriter) => void) => crafted('plate-samples', count, body(write), 0, 0, 1);
    expectRefused(v1Plates(1, (w) => w.varint(2 ** 40)), /truncated/);
    expectRefused(v1Plates(1, (w) => (w.varint(1), w.varint(1 * 4 + 0))), /no period/);
    expectRefused(v1Plates(1, (w) => (w.varint(1), w.varint(4 + 2), w.varint(20), w.varint(0), w.varint(0), w.u8(40), w.u32(0), w.u8(0))), /width 40/);
    expectRefused(v1Plates(2 ** 40, (w) => (w.varint(1), w.varint(2 ** 40 * 4 + 2), w.varint(20), w.varint(0), w.varint(0))), /truncated/);
    expectRefused(v1Plates(1, (w) => (w.varint(1), w.varint(0 * 4 + 2), w.varint(20), w.varint(0), w.varint(0), w.u8(0))), /no samples/);
    // Plates, format version 2: a plate table of `names` ([shared, rest]; `extra` zero bytes after
    // it), then one sample at t0Ms for each plate.
    const table = (names: [number, string][], extra = 0) => (w: ByteWriter) => {
      const t = new ByteWriter();
      t.varint(names.length);
      for (const [shared, rest] of names) {
        t.varint(shared);
        t.string(rest);
      }
      w.varint(t.length + extra);
      for (const byte of t.copy()) w.u8(byte);
      for (let i = 0; i < extra; i++) w.u8(0);
      for (let i = 0; i < names.length; i++) {
        w.varint(1);
        w.varint(4 + 2);
        w.varint(20);
        w.varint(0);
        w.varint(0);
        w.u8(0);
      }
    };
    const v2Plates = (names: [number, string][], extra = 0) => crafted('plate-samples', names.length, body(table(names, extra)));
    expect(decodeBatch(v2Plates([[0, 'a'], [0, 'b']])).map((i) => inputSource(i))).toEqual(['a', 'b']);
    expectRefused(v2Plates([]), /without plates/);
    expectRefused(v2Plates([[0, 'b'], [0, 'a']]), /"a" does not sort after "b"/);
    expectRefused(v2Plates([[0, 'a'], [1, '']]), /"a" does not sort after "a"/);
    expectRefused(v2Plates([[0, ''], [0, 'a']]), /"" does not sort after ""/);
    expectRefused(v2Plates([[0, 'a'], [2, 'b']]), /shares 2 characters with a name of 1/);
    expectRefused(v2Plates([[0, 'a']], 1), /unexpected bytes after the plate table/);
    expectRefused(crafted('plate-samples', 2, body(table([[0, 'a']]))), /runs hold 1 samples but the batch's count is 2/);
    expectRefused(crafted('plate-samples', 1, body(table([[0, 'a'], [0, 'b']]))), /more samples than the batch's count/);
    // Detections: more frames or boxes than the bytes can hold.
    expectRefused(crafted('detections', 0, body((w) => w.varint(2 ** 50))), /truncated/);
    expectRefused(crafted('detections', 1e9, body((w) => (w.varint(1), w.varint(0), w.varint(2e9)))), /truncated/);
    // Events: an unknown state, text that is not UTF-8, a count that disagrees with the row.
    expectRefused(crafted('device-status', 1, body((w) => (w.varint(1), w.varint(0), w.varint(9 * 2)))), /unknown device state/);
    expectRefused(crafted('gate-scan', 1, body((w) => (w.varint(1), w.varint(0), w.varint(2), w.u8(0xff), w.u8(0xfe)))), /UTF-8/);
    expectRefused(crafted('gate-passage', 3, body((w) => (w.varint(1), w.varint(0)))), /3/);
    // Staff actions: a code no version has written, an ID check cut off inside its session id.
    expectRefused(crafted('staff-action', 1, body((w) => (w.varint(1), w.varint(0), w.u8(3), w.string('f')))), /unknown staff action code 3/);
    expectRefused(crafted('staff-action', 1, body((w) => (w.varint(1), w.varint(0), w.u8(2), w.varint(5), w.u8(0x53)))), /truncated/);
    // A body with bytes left over, and times outside the row's bounds.
    expectRefused(crafted('gate-passage', 1, body((w) => (w.varint(1), w.varint(0), w.u8(0)))), /unexpected bytes/);
    expectRefused(crafted('gate-passage', 1, body((w) => (w.varint(1), w.varint(5000 * 2)))), /does not match the row/);
  });

  it('never lets anything but RecordingFormatError escape from random bodies with valid checksums', () => {
    let state = 5;
    const byte = () => (state = (state * 1664525 + 1013904223) >>> 0) >>> 24;
    const kinds: InputBatchInput['kind'][] = ['plate-samples', 'detections', 'gate-scan', 'gate-passage', 'device-status', 'staff-action'];
    for (let i = 0; i < 6000; i++) {
      const kind = kinds[i % kinds.length]!;
      const bytes = Uint8Array.from({ length: 1 + (i % 40) }, byte);
      // Small leading numbers, so bodies get past their counts often enough to exercise the rest.
      bytes[0] = bytes[0]! % 4;
      const row = { source: 's', kind, t0Ms: 0, t1Ms: byte() % 3, count: byte() % 4 };
      try {
        decodeBatch({ ...row, id: i, payload: framePayload(row, bytes) });
      } catch (error) {
        expect(error).toBeInstanceOf(RecordingFormatError);
      }
    }
  });
});
