// Gated assignment: optimal pairs, never a forbidden pair, rectangular either way round.
import { describe, expect, it } from 'vitest';
import { assignGated } from './assign';

describe('assignGated', () => {
  it('finds the cheapest one-to-one pairing', () => {
    const cost = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    const out = new Int32Array(3);
    expect(assignGated(cost, 3, 3, 10, out)).toBe(3);
    expect(Array.from(out)).toEqual([1, 0, 2]);
  });

  it('leaves rows unassigned rather than use a pair beyond the gate', () => {
    // Row 0 prefers column 0, row 1 can only use column 0 within the gate: one pair, not a bad second.
    const cost = Float64Array.from([0.1, 9, 0.5, 9]);
    const out = new Int32Array(2);
    expect(assignGated(cost, 2, 2, 1, out)).toBe(1);
    expect(Array.from(out)).toEqual([0, -1]);
  });

  it('prefers more allowed pairs to a cheaper single one', () => {
    const cost = Float64Array.from([0.1, 0.9, 0.2, Infinity]);
    const out = new Int32Array(2);
    expect(assignGated(cost, 2, 2, 1, out)).toBe(2);
    expect(Array.from(out)).toEqual([1, 0]);
  });

  it('handles rectangular and trivial shapes', () => {
    const out = new Int32Array(4);
    expect(assignGated(Float64Array.from([3, 1, 2]), 1, 3, 5, out)).toBe(1);
    expect(out[0]).toBe(1);
    expect(assignGated(Float64Array.from([3, 1, 2]), 3, 1, 5, out)).toBe(1);
    expect(Array.from(out.slice(0, 3))).toEqual([-1, 0, -1]);
    expect(assignGated(Float64Array.from([5, 1, 1, 5, 2, 2]), 3, 2, 9, out)).toBe(2);
    expect(Array.from(out.slice(0, 3))).toEqual([1, 0, -1]);
    expect(assignGated(new Float64Array(0), 0, 4, 1, out)).toBe(0);
  });
});
