// The byte layer under the codecs: numbers past 32 bits survive, and reading past the end or a
// malformed number is a PayloadProblem, never a RangeError or a wrong value.
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter } from './bytes';
import { PayloadProblem } from './errors';
import { MinHeap } from './min-heap';

describe('ByteWriter / ByteReader', () => {
  it('round-trips varints up to 2^53 - 1, fixed-width numbers and UTF-8 strings', () => {
    const values = [0, 1, 127, 128, 300, 2 ** 31 - 1, 2 ** 31, 2 ** 32 + 5, 1.7e15, Number.MAX_SAFE_INTEGER];
    const w = new ByteWriter(1); // grows from one byte
    for (const v of values) w.varint(v);
    w.i16(-32768);
    w.u16(65535);
    w.f64(-1 / 3);
    w.string('Grüße 🛒');
    w.string('');
    const r = new ByteReader(w.bytes, 0, w.length);
    expect(values.map(() => r.varint('v'))).toEqual(values);
    expect([r.i16('a'), r.u16('b'), r.f64('c'), r.string('d'), r.string('e')]).toEqual([-32768, 65535, -1 / 3, 'Grüße 🛒', '']);
    expect(r.remaining).toBe(0);
  });

  it('refuses reads past the end and numbers that are not numbers', () => {
    const read = (bytes: number[], f: (r: ByteReader) => unknown) => () => f(new ByteReader(Uint8Array.from(bytes), 0, bytes.length));
    expect(read([0x80], (r) => r.varint('count'))).toThrow(PayloadProblem);
    expect(read([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01], (r) => r.varint('count'))).toThrow(/not a valid number/);
    expect(read([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f], (r) => r.varint('count'))).toThrow(/over 2\^53/);
    expect(read([1, 2, 3], (r) => r.f64('time'))).toThrow(/truncated: time needs 8 bytes at offset 0, only 3 left/);
    expect(read([5, 65], (r) => r.string('token'))).toThrow(/truncated/);
    expect(read([2, 0xc3, 0x28], (r) => r.string('token'))).toThrow(/not valid UTF-8/);
  });

  it('reads only within its window of a larger buffer', () => {
    const bytes = Uint8Array.from([9, 1, 2, 9]);
    const r = new ByteReader(bytes.subarray(1), 0, 2);
    expect([r.u8('a'), r.u8('b')]).toEqual([1, 2]);
    expect(() => r.u8('c')).toThrow(PayloadProblem);
  });
});

describe('MinHeap', () => {
  it('pops in order, with siftTop after the top grows', () => {
    let state = 3;
    const values = Array.from({ length: 200 }, () => (state = (state * 75) % 65537));
    const heap = new MinHeap<{ v: number }>((a, b) => a.v < b.v);
    for (const v of values) heap.push({ v });
    heap.peek()!.v += 30_000;
    heap.siftTop();
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop()!.v);
    const expected = [...values].sort((a, b) => a - b);
    expected[0]! += 30_000;
    expect(out).toEqual(expected.sort((a, b) => a - b));
  });
});
