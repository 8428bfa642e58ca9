// CRC-32 (IEEE, as zlib and PNG use it), incremental. Each recorded payload carries one so that a
// damaged or swapped row is refused instead of decoded into plausible-looking garbage. Short spans
// (rows, events, a camera's second) go through a table in JS, where zlib's native call would cost
// more than the arithmetic; plate batches, a hundred kilobytes and more, through zlib.
import { crc32 as zlibCrc32 } from 'node:zlib';

const table = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Spans at least this long are handed to zlib. */
const nativeFromBytes = 1024;

/** Continues `crc` (0 to start) over bytes[start, end); returns it as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  if (end - start >= nativeFromBytes) return zlibCrc32(bytes.subarray(start, end), crc) >>> 0;
  let c = ~crc;
  for (let i = start; i < end; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
