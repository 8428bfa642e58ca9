// Rectangular linear sum assignment that picks the SAME optimum as scipy.optimize.linear_sum_assignment,
// which is what TrackEval calls. Among equally good assignments the solver's search order decides which
// one comes out, and HOTA/CLEAR count whatever comes out; so this is a line-by-line port of scipy's
// rectangular_lsap.cpp (Crouse's shortest augmenting path, by PM Larsen, BSD-3) rather than a generic
// Hungarian. The mljs `linear-sum-assignment` package implements the same paper but searches in a
// different order (no reversed column list, no preference for a free column on ties, no transpose for
// square matrices, and it shifts costs by their minimum), so its ties differ from TrackEval's; see
// assignment.test.ts for a case.
//
// Scratch buffers live on the solver and are reused: HOTA and CLEAR solve one problem per frame.

export class AssignmentSolver {
  private cost: Float64Array = new Float64Array(0); // the working problem: the caller's matrix, or its transpose
  private transposed = new Float64Array(0);
  private u = new Float64Array(0);
  private v = new Float64Array(0);
  private shortest = new Float64Array(0);
  private path = new Int32Array(0);
  private col4row = new Int32Array(0);
  private row4col = new Int32Array(0);
  private remaining = new Int32Array(0);
  private sr = new Uint8Array(0);
  private sc = new Uint8Array(0);
  private lastMinVal = 0; // augmentingPath's second result (scipy's *p_minVal)

  /**
   * Minimise the sum of `cost` (row-major, nr × nc) over assignments of min(nr, nc) pairs.
   * Writes into `rowToCol[0..nr)` the column of each row, or -1 for a row left out (nr > nc).
   * Costs must be finite.
   */
  solve(cost: Float64Array, nr: number, nc: number, rowToCol: Int32Array): void {
    rowToCol.fill(-1, 0, nr);
    if (nr === 0 || nc === 0) return;
    // scipy transposes tall matrices so that every row of the working problem gets a column.
    const transpose = nc < nr;
    const r = transpose ? nc : nr;
    const c = transpose ? nr : nc;
    this.reserve(r, c);
    for (let k = 0; k < nr * nc; k++) {
      const value = cost[k]!;
      if (!Number.isFinite(value)) throw new Error(`assignment cost (${Math.floor(k / nc)}, ${k % nc}) is ${value}; costs must be finite`);
    }
    if (transpose) {
      if (this.transposed.length < nr * nc) this.transposed = new Float64Array(nr * nc);
      const work = this.transposed;
      for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) work[j * nr + i] = cost[i * nc + j]!;
      this.cost = work;
    } else {
      this.cost = cost;
    }
    this.solveWide(r, c);
    this.cost = this.transposed; // do not hold on to the caller's matrix
    if (transpose) {
      for (let i = 0; i < r; i++) rowToCol[this.col4row[i]!] = i;
    } else {
      for (let i = 0; i < r; i++) rowToCol[i] = this.col4row[i]!;
    }
  }

  private reserve(nr: number, nc: number): void {
    if (this.u.length < nr) {
      this.u = new Float64Array(nr);
      this.col4row = new Int32Array(nr);
      this.sr = new Uint8Array(nr);
    }
    if (this.v.length < nc) {
      this.v = new Float64Array(nc);
      this.shortest = new Float64Array(nc);
      this.path = new Int32Array(nc);
      this.row4col = new Int32Array(nc);
      this.remaining = new Int32Array(nc);
      this.sc = new Uint8Array(nc);
    }
  }

  // scipy's solve() for nr <= nc on this.cost.
  private solveWide(nr: number, nc: number): void {
    const { u, v, shortest, path, col4row, row4col, sr, sc } = this;
    u.fill(0, 0, nr);
    v.fill(0, 0, nc);
    path.fill(-1, 0, nc);
    col4row.fill(-1, 0, nr);
    row4col.fill(-1, 0, nc);
    for (let curRow = 0; curRow < nr; curRow++) {
      const sink = this.augmentingPath(nr, nc, curRow);
      if (sink < 0) throw new Error('assignment problem is infeasible');
      const minVal = this.lastMinVal;
      u[curRow]! += minVal;
      for (let i = 0; i < nr; i++) {
        if (sr[i] && i !== curRow) u[i]! += minVal - shortest[col4row[i]!]!;
      }
      for (let j = 0; j < nc; j++) {
        if (sc[j]) v[j]! -= minVal - shortest[j]!;
      }
      let j = sink;
      for (;;) {
        const i = path[j]!;
        row4col[j] = i;
        const previous = col4row[i]!;
        col4row[i] = j;
        j = previous;
        if (i === curRow) break;
      }
    }
  }

  private augmentingPath(nr: number, nc: number, start: number): number {
    const { cost, u, v, shortest, path, row4col, remaining, sr, sc } = this;
    let minVal = 0;
    let numRemaining = nc;
    // Reversed, as scipy does, so that a constant cost matrix yields the identity (scipy #11602).
    for (let it = 0; it < nc; it++) remaining[it] = nc - it - 1;
    sr.fill(0, 0, nr);
    sc.fill(0, 0, nc);
    shortest.fill(Infinity, 0, nc);
    let i = start;
    let sink = -1;
    while (sink === -1) {
      let index = -1;
      let lowest = Infinity;
      sr[i] = 1;
      const base = i * nc;
      const ui = u[i]!;
      for (let it = 0; it < numRemaining; it++) {
        const j = remaining[it]!;
        const reduced = minVal + cost[base + j]! - ui - v[j]!;
        if (reduced < shortest[j]!) {
          path[j] = i;
          shortest[j] = reduced;
        }
        // On equal cost prefer a free column: it ends the path (scipy's rule).
        const s = shortest[j]!;
        if (s < lowest || (s === lowest && row4col[j] === -1)) {
          lowest = s;
          index = it;
        }
      }
      minVal = lowest;
      if (minVal === Infinity) return -1;
      const j = remaining[index]!;
      if (row4col[j] === -1) sink = j;
      else i = row4col[j]!;
      sc[j] = 1;
      remaining[index] = remaining[--numRemaining]!;
    }
    this.lastMinVal = minVal;
    return sink;
  }
}
