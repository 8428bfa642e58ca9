// Gated minimum-cost assignment for the trackers: Hungarian (mljs `linear-sum-assignment`,
// Jonker–Volgenant) over a cost matrix where pairs beyond the gate are forbidden.
//
// Gating makes the matrix sparse and block-structured (a track can only take what is near it), so
// the problem is split into its connected components first: a lone pair is taken as is, a row or
// column with one candidate line is a minimum search, and only real contention reaches the solver,
// which allocates a matrix per call. Inside a component, the solver needs finite costs, so
// forbidden pairs get a cost larger than any sum of allowed ones and are dropped afterwards; that
// keeps "as many allowed pairs as possible, then cheapest" rather than letting one forbidden pair
// buy two cheap ones.
import { linearSumAssignment } from 'linear-sum-assignment';

let parent = new Int32Array(64);
let compRows = new Int32Array(64);
let compCols = new Int32Array(64);
let rowSeen = new Int32Array(64);

function find(i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/**
 * Assigns rows to columns minimising the summed cost. `cost` is row-major rows × cols; a pair whose
 * cost is above `maxCost` (or not finite) is never assigned. Writes the column of each row, or -1,
 * into `rowToCol` (length ≥ rows) and returns the number of pairs.
 */
export function assignGated(cost: Float64Array, rows: number, cols: number, maxCost: number, rowToCol: Int32Array): number {
  rowToCol.fill(-1, 0, rows);
  if (rows === 0 || cols === 0) return 0;
  const n = rows + cols;
  if (parent.length < n) {
    parent = new Int32Array(n * 2);
    compRows = new Int32Array(n * 2);
    compCols = new Int32Array(n * 2);
    rowSeen = new Int32Array(n * 2);
  }
  for (let i = 0; i < n; i++) parent[i] = i;
  let any = false;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = cost[r * cols + c]!;
      if (!(v <= maxCost)) continue; // also false for NaN
      any = true;
      const a = find(r);
      const b = find(rows + c);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  if (!any) return 0;
  let pairs = 0;
  // One component per root that is a row with at least one allowed pair; rows are visited in order,
  // so components (and the solver's inputs) come out in a fixed order.
  rowSeen.fill(0, 0, rows);
  for (let r0 = 0; r0 < rows; r0++) {
    const root = find(r0);
    if (root !== r0 || rowSeen[r0]) continue;
    let nr = 0;
    let nc = 0;
    for (let r = r0; r < rows; r++) {
      if (find(r) === root) {
        compRows[nr++] = r;
        rowSeen[r] = 1;
      }
    }
    for (let c = 0; c < cols; c++) if (find(rows + c) === root) compCols[nc++] = c;
    if (nc === 0) continue; // a row with no allowed pair is its own root
    pairs += solveComponent(cost, cols, maxCost, nr, nc, rowToCol);
  }
  return pairs;
}

function solveComponent(cost: Float64Array, cols: number, maxCost: number, nr: number, nc: number, rowToCol: Int32Array): number {
  if (nr === 1 || nc === 1) {
    // One line: the cheapest allowed entry is the optimum.
    let bestR = -1;
    let bestC = -1;
    let best = Infinity;
    for (let i = 0; i < nr; i++) {
      for (let j = 0; j < nc; j++) {
        const v = cost[compRows[i]! * cols + compCols[j]!]!;
        if (v <= maxCost && v < best) {
          best = v;
          bestR = compRows[i]!;
          bestC = compCols[j]!;
        }
      }
    }
    if (bestR < 0) return 0;
    rowToCol[bestR] = bestC;
    return 1;
  }
  let span = 0;
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      const v = cost[compRows[i]! * cols + compCols[j]!]!;
      if (v <= maxCost) span = Math.max(span, Math.abs(v));
    }
  }
  const forbidden = (span + 1) * (Math.min(nr, nc) + 1);
  const matrix: number[][] = [];
  for (let i = 0; i < nr; i++) {
    const row = new Array<number>(nc);
    for (let j = 0; j < nc; j++) {
      const v = cost[compRows[i]! * cols + compCols[j]!]!;
      row[j] = v <= maxCost ? v : forbidden;
    }
    matrix.push(row);
  }
  const { rowAssignments } = linearSumAssignment(matrix, { maximaze: false });
  let pairs = 0;
  for (let i = 0; i < nr; i++) {
    const j = rowAssignments[i]!;
    if (j < 0) continue;
    const r = compRows[i]!;
    const c = compCols[j]!;
    if (cost[r * cols + c]! <= maxCost) {
      rowToCol[r] = c;
      pairs++;
    }
  }
  return pairs;
}
