// Decoding the YOLOX head as the cards say: grid and stride per row, exp sizes, obj · p_person,
// person must be the best class, threshold, NMS, back to frame pixels by 1/r and clipped.
import { describe, expect, it } from 'vitest';
import { findModel } from './model-manifest';
import { YoloxDecoder } from './yolox-decode';

const yolox = findModel('yolox_nano');
const ROW = 85;

/** Row index of grid cell (gx, gy) at a stride, with YOLOX-Nano's 416 input (52², 26², 13²). */
function rowOf(stride: 8 | 16 | 32, gx: number, gy: number): number {
  const levels = { 8: [0, 52], 16: [52 * 52, 26], 32: [52 * 52 + 26 * 26, 13] } as const;
  const [offset, width] = levels[stride];
  return offset + gy * width + gx;
}

function output(rows: Array<{ row: number; values: number[]; classes?: Record<number, number> }>): Float32Array {
  const out = new Float32Array(3549 * ROW);
  for (const { row, values, classes } of rows) {
    out.set(values, row * ROW);
    for (const [c, p] of Object.entries(classes ?? {})) out[row * ROW + 5 + Number(c)] = p;
  }
  return out;
}

const unit = { r: 1, width: 416, height: 416 };

describe('YoloxDecoder', () => {
  it('decodes a person at its grid cell and stride', () => {
    const decoder = new YoloxDecoder(yolox);
    // Stride 16, cell (10, 5): cx = (0.5 + 10)·16 = 168, cy = (0.25 + 5)·16 = 84, w = e^1·16, h = e^2·16.
    const out = output([{ row: rowOf(16, 10, 5), values: [0.5, 0.25, 1, 2, 0.9], classes: { 0: 0.8 } }]);
    const boxes = decoder.decode(out, unit, 416, 416);
    const w = Math.E * 16;
    const h = Math.exp(2) * 16;
    expect(boxes).toHaveLength(5);
    expect(boxes[0]).toBeCloseTo(168 - w / 2, 3);
    expect(boxes[1]).toBeCloseTo(Math.max(0, 84 - h / 2), 3);
    expect(boxes[2]).toBeCloseTo(w, 3);
    expect(boxes[4]).toBeCloseTo(0.72, 5);
  });

  it('maps back to frame pixels through the letterbox scale and clips to the frame', () => {
    const decoder = new YoloxDecoder(yolox);
    const out = output([{ row: rowOf(8, 51, 0), values: [0.5, 0.5, Math.log(4), Math.log(4), 0.9], classes: { 0: 0.9 } }]);
    // cx = 51.5·8 = 412, w = 32 in input pixels; r = 0.65 → cx 633.8, w 49.2, clipped at 640.
    const boxes = decoder.decode(out, { r: 0.65, width: 416, height: 234 }, 640, 360);
    expect(boxes[0]).toBeCloseTo((412 - 16) / 0.65, 2);
    expect(boxes[0]! + boxes[2]!).toBeCloseTo(640, 3);
    expect(boxes[1]).toBe(0);
  });

  it('drops rows under the threshold, rows whose best class is not person, and non-finite rows', () => {
    const decoder = new YoloxDecoder(yolox);
    const out = output([
      { row: rowOf(8, 5, 5), values: [0, 0, 1, 1, 0.5], classes: { 0: 0.5 } }, // 0.25 < 0.3
      { row: rowOf(8, 20, 20), values: [0, 0, 1, 1, 0.9], classes: { 0: 0.6, 2: 0.7 } }, // a car
      { row: rowOf(8, 30, 30), values: [Number.NaN, 0, 1, 1, Number.NaN], classes: { 0: 0.9 } },
      { row: rowOf(32, 6, 6), values: [0, 0, 1, 1, 0.9], classes: { 0: 0.5, 1: 0.5 } }, // a tie keeps person
    ]);
    const boxes = decoder.decode(out, unit, 416, 416);
    expect(boxes).toHaveLength(5);
    expect(boxes[4]).toBeCloseTo(0.45, 5);
  });

  it('keeps the best of overlapping boxes and both of separate ones (NMS at IoU 0.45)', () => {
    const decoder = new YoloxDecoder(yolox);
    const out = output([
      { row: rowOf(16, 10, 10), values: [0, 0, 2, 2.5, 0.9], classes: { 0: 0.9 } },
      { row: rowOf(16, 10, 11), values: [0, 0, 2, 2.5, 0.9], classes: { 0: 0.7 } }, // 16 px lower: IoU ≈ 0.87
      { row: rowOf(16, 20, 10), values: [0, 0, 2, 2.5, 0.9], classes: { 0: 0.6 } },
    ]);
    const boxes = decoder.decode(out, unit, 416, 416);
    expect(boxes).toHaveLength(10);
    expect(boxes[4]).toBeCloseTo(0.81, 5);
    expect(boxes[9]).toBeCloseTo(0.54, 5);
  });

  it('handles more candidates than its first buffers hold', () => {
    const decoder = new YoloxDecoder(yolox, { nmsIou: 1 });
    const rows = [];
    for (let i = 0; i < 200; i++) rows.push({ row: rowOf(8, i % 52, Math.floor(i / 52) * 10), values: [0, 0, 0, 0, 0.9], classes: { 0: 0.9 } });
    expect(decoder.decode(output(rows), unit, 416, 416)).toHaveLength(200 * 5);
  });

  it('refuses an output of the wrong size', () => {
    expect(() => new YoloxDecoder(yolox).decode(new Float32Array(10), unit, 416, 416)).toThrow(/3549|301665/);
  });
});
