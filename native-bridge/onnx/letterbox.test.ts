// Pre-processing exactly as the model cards say: BGR planes, 0..255, OpenCV-style bilinear resize
// by r = min(in/W, in/H) to floor(W·r) × floor(H·r), pasted top-left on a canvas of 114.
import { describe, expect, it } from 'vitest';
import { LetterboxPreprocessor } from './letterbox';
import { findModel } from './model-manifest';

const yolox = findModel('yolox_nano');
const light = findModel('light_person_detector');

function frame(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgb.set(pixel(x, y), (y * width + x) * 3);
  return rgb;
}

describe('LetterboxPreprocessor', () => {
  it('copies a frame of the input size as BGR planes of 0..255 values', () => {
    const pre = new LetterboxPreprocessor(yolox);
    const rgb = frame(416, 416, (x, y) => [x % 256, y % 256, (x + y) % 256]);
    expect(pre.run(rgb, 416, 416)).toEqual({ r: 1, width: 416, height: 416 });
    const plane = 416 * 416;
    for (const [x, y] of [[0, 0], [415, 415], [100, 300], [255, 3]] as const) {
      const o = y * 416 + x;
      expect(pre.tensor[o]).toBe((x + y) % 256); // B
      expect(pre.tensor[plane + o]).toBe(y % 256); // G
      expect(pre.tensor[2 * plane + o]).toBe(x % 256); // R
    }
  });

  it('halves a frame by averaging 2×2 blocks (INTER_LINEAR at scale 2)', () => {
    const pre = new LetterboxPreprocessor(yolox);
    const rgb = frame(832, 832, (x, y) => [(x * 7 + y * 3) % 256, 0, 0]);
    pre.run(rgb, 832, 832);
    const plane = 416 * 416;
    for (const [x, y] of [[0, 0], [10, 20], [415, 415], [200, 100]] as const) {
      const at = (px: number, py: number) => rgb[(py * 832 + px) * 3]!;
      const mean = (at(2 * x, 2 * y) + at(2 * x + 1, 2 * y) + at(2 * x, 2 * y + 1) + at(2 * x + 1, 2 * y + 1)) / 4;
      expect(pre.tensor[2 * plane + y * 416 + x]).toBeCloseTo(mean, 4);
    }
  });

  it('letterboxes a 640×360 store frame to 416×234 at the top-left, the rest 114', () => {
    const pre = new LetterboxPreprocessor(yolox);
    const rgb = frame(640, 360, () => [200, 100, 50]);
    const box = pre.run(rgb, 640, 360);
    expect(box).toEqual({ r: 0.65, width: 416, height: 234 });
    const plane = 416 * 416;
    expect(pre.tensor[233 * 416 + 415]).toBeCloseTo(50, 4);
    expect(pre.tensor[plane + 233 * 416]).toBeCloseTo(100, 4);
    expect(pre.tensor[2 * plane]).toBeCloseTo(200, 4);
    for (let c = 0; c < 3; c++) {
      expect(pre.tensor[c * plane + 234 * 416]).toBe(114);
      expect(pre.tensor[c * plane + 415 * 416 + 415]).toBe(114);
    }
  });

  it('pads to the right of a tall frame, for the 192×192 model too', () => {
    const pre = new LetterboxPreprocessor(light);
    const rgb = frame(100, 400, () => [10, 20, 30]);
    const box = pre.run(rgb, 100, 400);
    expect(box).toEqual({ r: 0.48, width: 48, height: 192 });
    expect(pre.tensor[47]).toBeCloseTo(30, 4);
    expect(pre.tensor[48]).toBe(114);
    expect(pre.tensor[191 * 192 + 191]).toBe(114);
  });

  it('changes frame size between calls without stale padding', () => {
    const pre = new LetterboxPreprocessor(light);
    pre.run(frame(192, 192, () => [0, 0, 0]), 192, 192);
    pre.run(frame(384, 192, () => [1, 1, 1]), 384, 192);
    expect(pre.tensor[96 * 192]).toBe(114);
    expect(pre.tensor[95 * 192]).toBeCloseTo(1, 4);
  });
});
