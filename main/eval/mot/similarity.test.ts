import { describe, expect, it } from 'vitest';
import { fillSimilarity, type MotKind } from './similarity';

function matrix(kind: MotKind, gt: number[][], tr: number[][]): number[] {
  const out = new Float64Array(gt.length * tr.length);
  fillSimilarity(kind, Float64Array.from(gt.flat()), 0, gt.length, Float64Array.from(tr.flat()), 0, tr.length, out);
  return Array.from(out);
}

describe('similarity', () => {
  it('is IoU for x, y, w, h boxes', () => {
    const [same, half, apart] = matrix({ kind: 'box' }, [[0, 0, 10, 10]], [[0, 0, 10, 10], [5, 0, 10, 10], [20, 0, 10, 10]]);
    expect(same).toBe(1);
    expect(half).toBeCloseTo(50 / 150, 15);
    expect(apart).toBe(0);
  });

  it('gives 0 for a zero-area box, as TrackEval masks it', () => {
    expect(matrix({ kind: 'box' }, [[0, 0, 0, 10]], [[0, 0, 0, 10]])).toEqual([0]);
  });

  it('is max(0, 1 - d / zeroDistance) for floor points, row-major gt × tracker', () => {
    const sims = matrix({ kind: 'point', zeroDistance: 2 }, [[0, 0], [3, 4]], [[0, 1], [0, 0], [9, 9]]);
    expect(sims).toEqual([0.5, 1, 0, 0, 0, 0]);
    expect(matrix({ kind: 'point', zeroDistance: 10 }, [[3, 4]], [[0, 0]])).toEqual([0.5]);
  });

  it('reads rows from an offset (one frame out of a whole sequence)', () => {
    const out = new Float64Array(1);
    fillSimilarity({ kind: 'point', zeroDistance: 1 }, Float64Array.from([9, 9, 0, 0]), 1, 1, Float64Array.from([5, 5, 0, 0.25]), 1, 1, out);
    expect(out[0]).toBe(0.75);
  });
});
