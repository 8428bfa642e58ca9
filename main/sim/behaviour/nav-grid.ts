// The walkable floor as a clearance field: for each 0.1 m cell, how far its centre is from the
// nearest fixture or wall. People are discs, so "can a body centre be here" is one lookup
// (clearance ≥ body radius) and path costs can prefer aisle centres. Gate openings are cut out of
// the front wall and each gate gets a short lane outside it, closed at the far end, so the only
// ways in and out are through the gates and paths inside never shortcut through the street.
import { fixtureFootprint, pointInPolygon } from '../../store/geometry';
import type { Gate, Point, StoreLayout } from '../../store/schema';

/** Body radius for the hard "no part of a centre inside a fixture" rule. */
export const BODY_RADIUS = 0.25;
/** How far gate lanes reach outside: people appear and vanish at their far end. */
export const LANE_LENGTH = 1.6;
export const CELL_SIZE = 0.1;

export interface GateLane {
  gate: Gate;
  kind: 'entry' | 'exit';
  /** Unit normal of the gate line pointing into the store. */
  inward: Point;
  mid: Point;
  /** Where people appear (entry) or vanish (exit), near the lane's far end. */
  outer: Point;
  /** Where a shopper stands to hold their phone to the scanner, just outside the line. */
  scan: Point;
  /** A point just inside the store, past the gate. */
  inner: Point;
}

type Segment = [number, number, number, number];

export class NavGrid {
  readonly cols: number;
  readonly rows: number;
  readonly originX: number;
  readonly originY: number;
  /** Metres from each cell centre to the nearest obstacle; 0 off the walkable floor. */
  readonly clearance: Float32Array;
  readonly lanes: GateLane[];
  /** Fixture footprints, for tests and for line-of-sight sanity. */
  readonly footprints: Point[][];
  /** Box around all gate lines: most moves are nowhere near one. */
  private readonly gateBounds: { minX: number; minY: number; maxX: number; maxY: number };

  constructor(readonly layout: StoreLayout) {
    this.lanes = layout.gates.map(gateLane);
    this.footprints = layout.fixtures.map(fixtureFootprint);
    const gatePoints = layout.gates.flatMap((g) => g.line);
    this.gateBounds = {
      minX: Math.min(...gatePoints.map((p) => p[0])) - 0.05,
      minY: Math.min(...gatePoints.map((p) => p[1])) - 0.05,
      maxX: Math.max(...gatePoints.map((p) => p[0])) + 0.05,
      maxY: Math.max(...gatePoints.map((p) => p[1])) + 0.05,
    };
    const laneQuads = this.lanes.map(laneQuad);
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const poly of [layout.floor.outline, ...laneQuads]) {
      for (const [x, y] of poly) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    this.originX = minX - CELL_SIZE;
    this.originY = minY - CELL_SIZE;
    this.cols = Math.ceil((maxX - minX) / CELL_SIZE) + 2;
    this.rows = Math.ceil((maxY - minY) / CELL_SIZE) + 2;
    this.clearance = new Float32Array(this.cols * this.rows);

    const walls = wallSegments(layout, this.lanes);
    const fixtureEdges: Segment[] = [];
    for (const fp of this.footprints) for (let i = 0; i < fp.length; i++) fixtureEdges.push(edge(fp, i));
    const obstacles = [...walls, ...fixtureEdges];
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const p: Point = [this.originX + (c + 0.5) * CELL_SIZE, this.originY + (r + 0.5) * CELL_SIZE];
        const walkable = pointInPolygon(p, layout.floor.outline) || laneQuads.some((q) => pointInPolygon(p, q));
        if (!walkable || this.footprints.some((fp) => pointInPolygon(p, fp))) continue;
        let best = Infinity;
        for (const s of obstacles) best = Math.min(best, segmentDistance(p[0], p[1], s));
        this.clearance[r * this.cols + c] = best;
      }
    }
  }

  /**
   * True when a move from (x0, y0) to (x1, y1) goes the wrong way through a gate: out through an
   * entry or in through an exit. Gates are one-way, like the turnstiles they model.
   */
  wrongWayThroughGate(x0: number, y0: number, x1: number, y1: number): boolean {
    const b = this.gateBounds;
    if (Math.max(x0, x1) < b.minX || Math.min(x0, x1) > b.maxX || Math.max(y0, y1) < b.minY || Math.min(y0, y1) > b.maxY) return false;
    for (const lane of this.lanes) {
      const [[ax, ay], [bx, by]] = lane.gate.line;
      if (Math.max(x0, x1) < Math.min(ax, bx) - 0.01 || Math.min(x0, x1) > Math.max(ax, bx) + 0.01) continue;
      if (Math.max(y0, y1) < Math.min(ay, by) - 0.01 || Math.min(y0, y1) > Math.max(ay, by) + 0.01) continue;
      const s0 = (x0 - lane.mid[0]) * lane.inward[0] + (y0 - lane.mid[1]) * lane.inward[1];
      const s1 = (x1 - lane.mid[0]) * lane.inward[0] + (y1 - lane.mid[1]) * lane.inward[1];
      if (lane.kind === 'entry' ? s0 >= 0 && s1 < 0 : s0 <= 0 && s1 > 0) return true;
    }
    return false;
  }

  col(x: number): number {
    return Math.floor((x - this.originX) / CELL_SIZE);
  }

  row(y: number): number {
    return Math.floor((y - this.originY) / CELL_SIZE);
  }

  centreX(c: number): number {
    return this.originX + (c + 0.5) * CELL_SIZE;
  }

  centreY(r: number): number {
    return this.originY + (r + 0.5) * CELL_SIZE;
  }

  /** Clearance at a point, bilinear between cell centres (the field is 1-Lipschitz, so this is within a few cm). */
  clearanceAt(x: number, y: number): number {
    const fx = (x - this.originX) / CELL_SIZE - 0.5;
    const fy = (y - this.originY) / CELL_SIZE - 0.5;
    const c0 = Math.floor(fx);
    const r0 = Math.floor(fy);
    if (c0 < 0 || r0 < 0 || c0 + 1 >= this.cols || r0 + 1 >= this.rows) return 0;
    const tx = fx - c0;
    const ty = fy - r0;
    const i = r0 * this.cols + c0;
    const g = this.clearance;
    const a = g[i]!;
    const b = g[i + 1]!;
    const cc = g[i + this.cols]!;
    const d = g[i + this.cols + 1]!;
    // Next to a wall one corner is 0 (off the floor); the minimum keeps the field conservative there.
    if (a === 0 || b === 0 || cc === 0 || d === 0) return Math.min(a, b, cc, d);
    return (a * (1 - tx) + b * tx) * (1 - ty) + (cc * (1 - tx) + d * tx) * ty;
  }

  /** The nearest point (cell centre) with at least `minClearance`, searching outwards; the point itself when it qualifies. */
  nearestClear(x: number, y: number, minClearance: number): Point {
    if (this.clearanceAt(x, y) >= minClearance) return [x, y];
    const c0 = this.col(x);
    const r0 = this.row(y);
    for (let ring = 1; ring < Math.max(this.cols, this.rows); ring++) {
      let best: Point | undefined;
      let bestD = Infinity;
      for (let dr = -ring; dr <= ring; dr++) {
        for (let dc = -ring; dc <= ring; dc++) {
          if (Math.max(Math.abs(dr), Math.abs(dc)) !== ring) continue;
          const c = c0 + dc;
          const r = r0 + dr;
          if (c < 0 || r < 0 || c >= this.cols || r >= this.rows) continue;
          if (this.clearance[r * this.cols + c]! < minClearance) continue;
          const px = this.centreX(c);
          const py = this.centreY(r);
          const d = (px - x) ** 2 + (py - y) ** 2;
          if (d < bestD) {
            bestD = d;
            best = [px, py];
          }
        }
      }
      if (best) return best;
    }
    throw new Error(`no walkable floor with ${minClearance} m clearance anywhere in the store`);
  }
}

const grids = new WeakMap<StoreLayout, NavGrid>();

/** Building the field costs tens of milliseconds; tests and benchmarks simulate one layout many times. */
export function navGridFor(layout: StoreLayout): NavGrid {
  let grid = grids.get(layout);
  if (!grid) {
    grid = new NavGrid(layout);
    grids.set(layout, grid);
  }
  return grid;
}

function gateLane(gate: Gate): GateLane {
  const [[x0, y0], [x1, y1]] = gate.line;
  const len = Math.hypot(x1 - x0, y1 - y0);
  // Walking from line[0] to line[1] the store is on the right; with y down the page that is (−dy, dx).
  const inward: Point = [-(y1 - y0) / len, (x1 - x0) / len];
  const mid: Point = [(x0 + x1) / 2, (y0 + y1) / 2];
  const at = (d: number): Point => [mid[0] + inward[0] * d, mid[1] + inward[1] * d];
  return { gate, kind: gate.kind, inward, mid, outer: at(-(LANE_LENGTH - 0.45)), scan: at(-0.4), inner: at(0.8) };
}

function laneQuad(lane: GateLane): Point[] {
  const [p0, p1] = lane.gate.line;
  const o: Point = [-lane.inward[0] * LANE_LENGTH, -lane.inward[1] * LANE_LENGTH];
  return [p0, p1, [p1[0] + o[0], p1[1] + o[1]], [p0[0] + o[0], p0[1] + o[1]]];
}

function edge(poly: Point[], i: number): Segment {
  const a = poly[i]!;
  const b = poly[(i + 1) % poly.length]!;
  return [a[0], a[1], b[0], b[1]];
}

/** The outline's edges with the gate openings cut out, plus each lane's side walls and far end. */
function wallSegments(layout: StoreLayout, lanes: GateLane[]): Segment[] {
  const out: Segment[] = [];
  const outline = layout.floor.outline;
  for (let i = 0; i < outline.length; i++) {
    const [ax, ay, bx, by] = edge(outline, i);
    const len = Math.hypot(bx - ax, by - ay);
    if (len === 0) continue;
    const ux = (bx - ax) / len;
    const uy = (by - ay) / len;
    const cuts: [number, number][] = [];
    for (const lane of lanes) {
      const ts = lane.gate.line.map(([x, y]) => {
        const off = Math.abs((x - ax) * uy - (y - ay) * ux);
        return off < 0.02 ? (x - ax) * ux + (y - ay) * uy : NaN;
      });
      if (ts.some(Number.isNaN)) continue;
      cuts.push([Math.min(ts[0]!, ts[1]!), Math.max(ts[0]!, ts[1]!)]);
    }
    cuts.sort((p, q) => p[0] - q[0]);
    let t = 0;
    for (const [c0, c1] of [...cuts, [len, len] as [number, number]]) {
      if (c0 > t) out.push([ax + ux * t, ay + uy * t, ax + ux * Math.min(c0, len), ay + uy * Math.min(c0, len)]);
      t = Math.max(t, c1);
    }
  }
  for (const lane of lanes) {
    const q = laneQuad(lane);
    out.push(edge(q, 1), edge(q, 2), edge(q, 3));
  }
  return out;
}

function segmentDistance(px: number, py: number, [ax, ay, bx, by]: Segment): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
