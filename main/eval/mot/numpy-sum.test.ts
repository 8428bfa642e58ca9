// The sums must match numpy's bit for bit; the expected values below were printed by numpy 2.4.6.
import { describe, expect, it } from 'vitest';
import { columnSums, pairwiseSum, rowSums } from './numpy-sum';

// Twenty values whose plain left-to-right sum (112.19100000000002) differs from numpy's pairwise one.
const values = [
  3.46, 5.111, 8.912, 7.756, 3.181, 9.242, 4.709, 6.938, 1.072, 1.045, 2.019, 8.844, 6.798, 8.492, 6.444, 4.065, 5.166,
  5.934, 8.621, 4.382,
];

describe('numpy summation order', () => {
  it('sums a contiguous run pairwise, as np.sum does', () => {
    expect(pairwiseSum(Float64Array.from(values), 0, values.length, 1)).toBe(112.19099999999999);
    expect(values.reduce((a, b) => a + b, 0)).toBe(112.19100000000002); // what the test guards against
  });

  it('sums rows pairwise (m.sum(1) of a 1 × 20 matrix)', () => {
    const out = new Float64Array(1);
    rowSums(Float64Array.from(values), 1, 20, out);
    expect(out[0]).toBe(112.19099999999999);
  });

  it('sums a single column pairwise but several columns row by row (C-contiguous m.sum(0))', () => {
    const single = new Float64Array(1);
    columnSums(Float64Array.from(values), 20, 1, single);
    expect(single[0]).toBe(112.19099999999999);
    const twoColumns = Float64Array.from(values.flatMap((v, i) => [v, values[values.length - 1 - i]!]));
    const out = new Float64Array(2);
    columnSums(twoColumns, 20, 2, out);
    expect(Array.from(out)).toEqual([112.19100000000002, 112.19100000000002]);
  });

  it('splits runs longer than 128 in halves on multiples of 8', () => {
    const long = Float64Array.from({ length: 300 }, (_, i) => (i % 7) * 0.1 + i * 1e-3);
    expect(pairwiseSum(long, 0, 300, 1)).toBe(134.55); // numpy; left to right gives 134.55000000000007
  });
});
