// The checksum: the standard CRC-32 whichever path computes it (JS table for short spans, zlib for
// long ones), continued across spans exactly as over the whole.
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('is the IEEE CRC-32, continued across spans, on both sides of the native threshold', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + (i >> 5)) & 0xff);
    const whole = crc32(bytes);
    for (const cut of [1, 100, 1023, 1024, 2500, 4000, 4999]) {
      expect(crc32(bytes, cut, bytes.length, crc32(bytes, 0, cut))).toBe(whole);
    }
    // Byte at a time (the table alone) agrees with one call over everything (zlib).
    let crc = 0;
    for (let i = 0; i < bytes.length; i++) crc = crc32(bytes, i, i + 1, crc);
    expect(crc).toBe(whole);
  });
});
