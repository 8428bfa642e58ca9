// Draws build/icon.png (512×512), the app icon electron-builder packages: a door-shaped arch with an
// arrow walking out, in the suite's colours. Kept as code so the icon can be regenerated exactly.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 512;
const pixels = Buffer.alloc(size * (size * 4 + 1));

function colourAt(x: number, y: number): [number, number, number, number] {
  const cx = x - size / 2;
  const cy = y - size / 2;
  const corner = 96;
  const qx = Math.max(Math.abs(cx) - (size / 2 - corner), 0);
  const qy = Math.max(Math.abs(cy) - (size / 2 - corner), 0);
  if (Math.hypot(qx, qy) > corner) return [0, 0, 0, 0];
  const door = x > 150 && x < 300 && y > 120 && y < 400 && !(x > 180 && x < 270 && y > 150);
  const shaft = y > 245 && y < 275 && x > 220 && x < 380;
  const head = x >= 370 && x < 420 && Math.abs(y - 260) < (420 - x) * 0.9;
  if (door || shaft || head) return [245, 247, 250, 255];
  const t = y / size;
  return [Math.round(20 + 10 * t), Math.round(110 + 40 * t), Math.round(200 - 30 * t), 255];
}

for (let y = 0; y < size; y++) {
  const row = y * (size * 4 + 1);
  pixels[row] = 0;
  for (let x = 0; x < size; x++) pixels.set(colourAt(x, y), row + 1 + x * 4);
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

function crc32(data: Buffer): number {
  let crc = ~0;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc;
}

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync('build/icon.png', png);
console.log(`wrote build/icon.png (${png.length} bytes)`);
