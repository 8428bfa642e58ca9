// Gate lines on the floor plan: which side of a gate a point is on, and whether a step of a track
// crossed the line and which way. The schema's convention: walking from line[0] to line[1], inside
// the store is on the right, which with y down the page is the normal (−dy, dx). Crossings are
// tested per track step (100 ms apart), so a segment test is exact where a "was near the line" test
// would double-count people standing in the gate.
import type { Gate } from '../../store/schema';

export interface GateLine {
  readonly id: string;
  readonly kind: 'entry' | 'exit';
  readonly ax: number;
  readonly ay: number;
  /** Unit direction from line[0] to line[1]. */
  readonly ux: number;
  readonly uy: number;
  readonly length: number;
  readonly midX: number;
  readonly midY: number;
}

export interface Crossing {
  gate: GateLine;
  direction: 'in' | 'out';
  /** Where the step met the line, and when (interpolated between the two points). */
  x: number;
  y: number;
  t: number;
}

export function gateLine(gate: Gate): GateLine {
  const [[x0, y0], [x1, y1]] = gate.line;
  const length = Math.hypot(x1 - x0, y1 - y0);
  return {
    id: gate.id,
    kind: gate.kind,
    ax: x0,
    ay: y0,
    ux: (x1 - x0) / length,
    uy: (y1 - y0) / length,
    length,
    midX: (x0 + x1) / 2,
    midY: (y0 + y1) / 2,
  };
}

/** Signed distance from the (infinite) line, positive on the store side. */
export function insideDistance(g: GateLine, x: number, y: number): number {
  return g.ux * (y - g.ay) - g.uy * (x - g.ax);
}

/** Position along the line from line[0], metres (0..length on the gate itself). */
export function alongLine(g: GateLine, x: number, y: number): number {
  return g.ux * (x - g.ax) + g.uy * (y - g.ay);
}

/** Distance from a point to the gate segment. */
export function distanceToGate(g: GateLine, x: number, y: number): number {
  const s = Math.max(0, Math.min(g.length, alongLine(g, x, y)));
  return Math.hypot(x - (g.ax + g.ux * s), y - (g.ay + g.uy * s));
}

/**
 * The crossing of the step (t0, x0, y0) → (t1, x1, y1) over the gate, if any. A point exactly on
 * the line counts as outside, so a track stepping onto the line and back in crosses once.
 * `tolerance` stretches the gate at both ends.
 */
export function stepCrossing(g: GateLine, t0: number, x0: number, y0: number, t1: number, x1: number, y1: number, tolerance: number): Crossing | undefined {
  const d0 = insideDistance(g, x0, y0);
  const d1 = insideDistance(g, x1, y1);
  const inward = d0 <= 0 && d1 > 0;
  const outward = d0 > 0 && d1 <= 0;
  if (!inward && !outward) return undefined;
  const f = d0 / (d0 - d1);
  const x = x0 + f * (x1 - x0);
  const y = y0 + f * (y1 - y0);
  const s = alongLine(g, x, y);
  if (s < -tolerance || s > g.length + tolerance) return undefined;
  return { gate: g, direction: inward ? 'in' : 'out', x, y, t: t0 + f * (t1 - t0) };
}
