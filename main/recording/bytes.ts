// Growable byte writer and bounds-checked byte reader for recorded payloads. The writer is reused
// batch after batch so encoding allocates nothing in the steady state; the reader turns every
// overrun or malformed number into a PayloadProblem, so a damaged payload can never surface as a
// RangeError or an allocation of absurd size.
import { PayloadProblem } from './errors';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

export class ByteWriter {
  bytes: Uint8Array;
  length = 0;
  private view: DataView;

  constructor(initialCapacity = 1024) {
    this.bytes = new Uint8Array(initialCapacity);
    this.view = new DataView(this.bytes.buffer);
  }

  reset(): void {
    this.length = 0;
  }

  /** Makes room for `extra` more bytes; views into `bytes` taken earlier go stale. */
  ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  u8(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value;
  }

  u16(value: number): void {
    this.ensure(2);
    this.view.setUint16(this.length, value, true);
    this.length += 2;
  }

  i16(value: number): void {
    this.ensure(2);
    this.view.setInt16(this.length, value, true);
    this.length += 2;
  }

  u32(value: number): void {
    this.ensure(4);
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  f64(value: number): void {
    this.ensure(8);
    this.view.setFloat64(this.length, value, true);
    this.length += 8;
  }

  /** Unsigned LEB128 of a non-negative safe integer. */
  varint(value: number): void {
    this.ensure(8);
    const b = this.bytes;
    let v = value;
    // Division, not shifts: values above 2^31 (microsecond times, long counts) must survive.
    while (v >= 0x80) {
      b[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    b[this.length++] = v;
  }

  /** Byte length as a varint, then UTF-8. */
  string(value: string): void {
    const byteLength = Buffer.byteLength(value, 'utf8');
    this.varint(byteLength);
    this.ensure(byteLength);
    utf8Encoder.encodeInto(value, this.bytes.subarray(this.length, this.length + byteLength));
    this.length += byteLength;
  }

  /** A copy of bytes [start, end), independent of later writes. */
  copy(start = 0, end = this.length): Uint8Array {
    return this.bytes.slice(start, end);
  }
}

export class ByteReader {
  /** Made on first use: most payloads are read a byte at a time, and a replay opens a reader per batch. */
  private dataView: DataView | undefined;

  constructor(
    /** The bytes read, for decoders that walk a span they took with take(). */
    readonly bytes: Uint8Array,
    public pos: number,
    /** Reading stops here: bytes after it belong to the frame around the body. */
    readonly end: number,
  ) {}

  private get view(): DataView {
    return (this.dataView ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength));
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  /** Throws unless `n` more bytes are there; callers size allocations with it first. */
  need(n: number, what: string): void {
    if (n > this.end - this.pos) {
      throw new PayloadProblem(`truncated: ${what} needs ${n} bytes at offset ${this.pos}, only ${this.end - this.pos} left`);
    }
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  /** Takes the next `n` bytes (bounds-checked once) and returns where they start in `bytes`. */
  take(n: number, what: string): number {
    this.need(n, what);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u16(what: string): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  i16(what: string): number {
    this.need(2, what);
    const v = this.view.getInt16(this.pos, true);
    this.pos += 2;
    return v;
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  f64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  varint(what: string): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.end) throw new PayloadProblem(`truncated: ${what} runs past the end at offset ${this.pos}`);
      const byte = this.bytes[this.pos++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) break;
        return value;
      }
      scale *= 0x80;
    }
    throw new PayloadProblem(`${what} at offset ${this.pos} is not a valid number (over 2^53 or unterminated)`);
  }

  string(what: string): string {
    const byteLength = this.varint(`${what} length`);
    this.need(byteLength, what);
    const start = this.pos;
    this.pos += byteLength;
    try {
      return utf8Decoder.decode(this.bytes.subarray(start, this.pos));
    } catch {
      throw new PayloadProblem(`${what} at offset ${start} is not valid UTF-8`);
    }
  }
}
