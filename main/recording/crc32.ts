// CRC-32 (IEEE, as zlib and PNG use it), incremental. Each recorded payload carries one so that a
// damaged or swapped row is refused instead of decoded into plausible-looking garbage; a table in
// JS rather than zlib.crc32 because payloads are ~100 bytes, where the native call costs more
// than the arithmetic.

const table = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** Continues `crc` (0 to start) over bytes[start, end); returns it as an unsigned 32-bit number. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length, crc = 0): number {
  let c = ~crc;
  for (let i = start; i < end; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
