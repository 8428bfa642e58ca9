// The solver must return scipy.optimize.linear_sum_assignment's choice, ties included: the expected
// assignments below were printed by scipy 1.17.1 (TrackEval's solver).
import { linearSumAssignment } from 'linear-sum-assignment';
import { describe, expect, it } from 'vitest';
import { AssignmentSolver } from './assignment';

function solve(rows: number[][]): number[] {
  const nr = rows.length;
  const nc = rows[0]?.length ?? 0;
  const out = new Int32Array(nr);
  new AssignmentSolver().solve(Float64Array.from(rows.flat()), nr, nc, out);
  return Array.from(out);
}

const scipyAnswers: [number[][], number[]][] = [
  [[[-0.05, -0.1], [0, -0.05]], [1, 0]],
  [[[2, 2, 0], [1, 1, 1], [0, 0, 1]], [2, 0, 1]],
  [[[0, 0, 0], [-0.15, 0, -0.06666666666666667], [-0.09999999999999999, -0.09999999999999999, -0.09999999999999999]], [1, 0, 2]],
  [[[1, 1, 1], [1, 1, 1], [1, 1, 1]], [0, 1, 2]],
  [[[0, -1, -1, 0], [-1, 0, 0, -1]], [1, 0]],
  [[[0, -1], [-1, 0], [-1, -1], [0, 0]], [1, 0, -1, -1]],
  [[[-0.5, -0.5, -0.25], [-0.5, -0.5, -0.25], [-0.25, -0.25, -0.5], [0, 0, 0]], [0, 1, 2, -1]],
];

describe('AssignmentSolver (port of scipy rectangular_lsap)', () => {
  it.each(scipyAnswers)('%j → scipy picks %j', (rows, expected) => {
    expect(solve(rows)).toEqual(expected);
  });

  it('differs from the mljs package on a tie, which is why it exists', () => {
    const rows = [[-0.05, -0.1], [0, -0.05]]; // both assignments cost -0.1
    expect(Array.from(linearSumAssignment(rows, { maximaze: false }).rowAssignments)).toEqual([0, 1]);
    expect(solve(rows)).toEqual([1, 0]);
  });

  it('finds the optimum of a larger random problem, reusing its buffers across sizes', () => {
    const solver = new AssignmentSolver();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const [nr, nc] of [[6, 6], [3, 7], [7, 3], [1, 1]] as const) {
      const cost = Float64Array.from({ length: nr * nc }, random);
      const out = new Int32Array(nr);
      solver.solve(cost, nr, nc, out);
      const best = bruteForce(cost, nr, nc);
      let total = 0;
      for (let i = 0; i < nr; i++) if (out[i]! >= 0) total += cost[i * nc + out[i]!]!;
      expect(total).toBeCloseTo(best, 12);
      expect(new Set(Array.from(out).filter((j) => j >= 0)).size).toBe(Math.min(nr, nc));
    }
  });

  it('handles empty problems and refuses non-finite costs', () => {
    expect(solve([])).toEqual([]);
    expect(solve([[], []])).toEqual([-1, -1]);
    expect(() => solve([[0, Infinity]])).toThrow(/\(0, 1\) is Infinity/);
    expect(() => solve([[NaN]])).toThrow(/finite/);
  });
});

function bruteForce(cost: Float64Array, nr: number, nc: number): number {
  // Smallest sum over injective maps from the smaller side into the larger one.
  const k = Math.min(nr, nc);
  let best = Infinity;
  const used = new Array<boolean>(Math.max(nr, nc)).fill(false);
  const at = (a: number, b: number) => (nr <= nc ? cost[a * nc + b]! : cost[b * nc + a]!);
  const walk = (a: number, sum: number): void => {
    if (a === k) {
      best = Math.min(best, sum);
      return;
    }
    for (let b = 0; b < used.length; b++) {
      if (used[b]) continue;
      used[b] = true;
      walk(a + 1, sum + at(a, b));
      used[b] = false;
    }
  };
  walk(0, 0);
  return best;
}
