// Route planning on the clearance grid: A* over 8-connected cells, then string-pulling into a few
// straight legs so people walk smooth lines instead of staircase cell paths. Costs prefer the
// middle of an aisle over hugging shelves, and a per-cell overlay lets a stuck walker plan around
// people standing in the way. One instance per grid reuses its typed arrays, so a search allocates
// nothing but its result.
import { BODY_RADIUS, CELL_SIZE, type NavGrid } from './nav-grid';

/** Clearance a leg must keep away from its ends: a body plus a little room. */
const LEG_CLEARANCE = 0.32;
const SQRT2 = Math.SQRT2;
/**
 * Heuristic inflation: routes may come out a few percent longer than the cheapest, in exchange for
 * searching far fewer cells (people do not walk optimal routes either).
 */
const GREED = 1.25;

const searches = new WeakMap<NavGrid, PathSearch>();

/** One search per grid: its buffers are a few MB and a search leaves no state behind. */
export function pathSearchFor(grid: NavGrid): PathSearch {
  let search = searches.get(grid);
  if (!search) {
    search = new PathSearch(grid);
    searches.set(grid, search);
  }
  return search;
}

export class PathSearch {
  /** Extra cost per cell (multiplier increments); the caller stamps it before a search and clears it after. */
  readonly overlay: Float32Array;
  private readonly g: Float64Array;
  private readonly seen: Int32Array;
  private readonly closed: Int32Array;
  private readonly parent: Int32Array;
  private readonly heapNode: Int32Array;
  private readonly heapKey: Float64Array;
  private readonly baseCost: Float32Array;
  private heapSize = 0;
  private generation = 0;

  constructor(private readonly grid: NavGrid) {
    const n = grid.cols * grid.rows;
    this.overlay = new Float32Array(n);
    this.g = new Float64Array(n);
    this.seen = new Int32Array(n);
    this.closed = new Int32Array(n);
    this.parent = new Int32Array(n);
    this.heapNode = new Int32Array(n * 8 + 16);
    this.heapKey = new Float64Array(n * 8 + 16);
    this.baseCost = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const clr = grid.clearance[i]!;
      // Infinity marks cells a body centre may not enter; the bands make people keep off shelves when they can.
      this.baseCost[i] = clr < BODY_RADIUS ? Infinity : clr < 0.3 ? 4 : clr < 0.45 ? 1.4 : 1;
    }
  }

  /**
   * Waypoints from (sx, sy) to (gx, gy) as a flat [x0, y0, x1, y1, …] list ending exactly at the
   * goal (start excluded); null when the goal cannot be reached.
   */
  find(sx: number, sy: number, gx: number, gy: number): number[] | null {
    const grid = this.grid;
    const cols = grid.cols;
    const start = this.cellOf(sx, sy);
    const goal = this.cellOf(gx, gy);
    if (start < 0 || goal < 0) return null;
    const gen = ++this.generation;
    const goalC = goal % cols;
    const goalR = (goal - goalC) / cols;
    this.heapSize = 0;
    this.g[start] = 0;
    this.seen[start] = gen;
    this.parent[start] = -1;
    this.push(start, this.heuristic(start % cols, Math.floor(start / cols), goalC, goalR));
    let found = false;
    while (this.heapSize > 0) {
      const node = this.pop();
      if (this.closed[node] === gen) continue;
      this.closed[node] = gen;
      if (node === goal) {
        found = true;
        break;
      }
      const c = node % cols;
      const r = (node - c) / cols;
      const gNode = this.g[node]!;
      for (let k = 0; k < 8; k++) {
        const dc = DC[k]!;
        const dr = DR[k]!;
        const nc = c + dc;
        const nr = r + dr;
        if (nc < 0 || nr < 0 || nc >= cols || nr >= grid.rows) continue;
        const next = nr * cols + nc;
        if (this.closed[next] === gen) continue;
        let cost = this.baseCost[next]!;
        if (cost === Infinity && next !== goal) continue;
        if (cost === Infinity) cost = 4;
        // No corner cutting: a diagonal step needs both orthogonal neighbours open.
        if (dc !== 0 && dr !== 0 && (this.baseCost[r * cols + nc] === Infinity || this.baseCost[nr * cols + c] === Infinity)) continue;
        const step = (dc !== 0 && dr !== 0 ? SQRT2 : 1) * CELL_SIZE * (cost + this.overlay[next]!);
        const gNext = gNode + step;
        if (this.seen[next] === gen && gNext >= this.g[next]!) continue;
        this.seen[next] = gen;
        this.g[next] = gNext;
        this.parent[next] = node;
        this.push(next, gNext + this.heuristic(nc, nr, goalC, goalR));
      }
    }
    if (!found) return null;
    const cells: number[] = [];
    for (let n = goal; n !== -1 && n !== start; n = this.parent[n]!) cells.push(n);
    cells.reverse();
    return this.smooth(sx, sy, gx, gy, cells);
  }

  /**
   * Straight-line walkability between two points: with room to spare away from the ends (what
   * string-pulling uses), or `relaxed`, just room for a body (is a planned corner still in sight).
   */
  lineOfSight(ax: number, ay: number, bx: number, by: number, relaxed = false): boolean {
    const grid = this.grid;
    const len = Math.hypot(bx - ax, by - ay);
    const steps = Math.max(1, Math.ceil(len / 0.05));
    for (let i = 1; i < steps; i++) {
      const t = i / steps;
      const x = ax + (bx - ax) * t;
      const y = ay + (by - ay) * t;
      const fromEnds = Math.min(t, 1 - t) * len;
      const need = relaxed ? BODY_RADIUS - 0.02 : fromEnds < 0.45 ? BODY_RADIUS + 0.01 : LEG_CLEARANCE;
      if (grid.clearanceAt(x, y) < need) return false;
      const cell = this.cellOf(x, y);
      if (cell >= 0 && this.overlay[cell]! > 0.5) return false;
    }
    return true;
  }

  private smooth(sx: number, sy: number, gx: number, gy: number, cells: number[]): number[] {
    const grid = this.grid;
    const n = cells.length;
    // Points: start, the cell centres after the start cell (the goal's cell replaced by the exact goal).
    const px = new Float64Array(n + 1);
    const py = new Float64Array(n + 1);
    px[0] = sx;
    py[0] = sy;
    for (let i = 0; i < n; i++) {
      const c = cells[i]! % grid.cols;
      px[i + 1] = grid.centreX(c);
      py[i + 1] = grid.centreY((cells[i]! - c) / grid.cols);
    }
    px[n] = gx;
    py[n] = gy;
    const out: number[] = [];
    let anchor = 0;
    while (anchor < n) {
      let j = anchor + 1;
      while (j + 1 <= n && this.lineOfSight(px[anchor]!, py[anchor]!, px[j + 1]!, py[j + 1]!)) j++;
      out.push(px[j]!, py[j]!);
      anchor = j;
    }
    if (out.length === 0) out.push(gx, gy);
    return out;
  }

  private cellOf(x: number, y: number): number {
    const c = this.grid.col(x);
    const r = this.grid.row(y);
    if (c < 0 || r < 0 || c >= this.grid.cols || r >= this.grid.rows) return -1;
    return r * this.grid.cols + c;
  }

  private heuristic(c: number, r: number, gc: number, gr: number): number {
    const dx = Math.abs(c - gc);
    const dy = Math.abs(r - gr);
    return GREED * CELL_SIZE * (Math.max(dx, dy) + (SQRT2 - 1) * Math.min(dx, dy));
  }

  private push(node: number, key: number): void {
    let i = this.heapSize++;
    const nodes = this.heapNode;
    const keys = this.heapKey;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      nodes[i] = nodes[p]!;
      keys[i] = keys[p]!;
      i = p;
    }
    nodes[i] = node;
    keys[i] = key;
  }

  private pop(): number {
    const nodes = this.heapNode;
    const keys = this.heapKey;
    const top = nodes[0]!;
    const size = --this.heapSize;
    const lastNode = nodes[size]!;
    const lastKey = keys[size]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= lastKey) break;
      nodes[i] = nodes[child]!;
      keys[i] = keys[child]!;
      i = child;
    }
    nodes[i] = lastNode;
    keys[i] = lastKey;
    return top;
  }
}

const DC = [1, -1, 0, 0, 1, 1, -1, -1];
const DR = [0, 0, 1, -1, 1, -1, 1, -1];
