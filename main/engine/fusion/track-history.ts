// The recent floor positions of one track, and its hands where the cameras saw them, in a
// fixed-size ring of typed arrays: shelf events are attributed seconds after they happen, so fusion
// must look back, and at 10 points a second per shopper a growing array of objects would be most of
// the engine's garbage. Rings are pooled and reused when their tracks are forgotten.
import type { HandPoint } from '../decisions';

/** Values per hand in the ring: x, y, z and the covariance's six (x NaN when not seen). */
export const HAND_STRIDE = 9;
/** Values per sighting handsInWindow writes: body x, y, then both hands. */
export const SIGHTING_STRIDE = 2 + 2 * HAND_STRIDE;

export class TrackHistory {
  private readonly t: Float64Array;
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  /** Left then right hand, HAND_STRIDE values each, per point. */
  private readonly hands: Float32Array;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.t = new Float64Array(capacity);
    this.x = new Float32Array(capacity);
    this.y = new Float32Array(capacity);
    this.hands = new Float32Array(capacity * 2 * HAND_STRIDE);
  }

  get length(): number {
    return this.size;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  push(t: number, x: number, y: number, left?: HandPoint, right?: HandPoint): void {
    this.t[this.head] = t;
    this.x[this.head] = x;
    this.y[this.head] = y;
    setHand(this.hands, this.head * 2 * HAND_STRIDE, left);
    setHand(this.hands, (this.head * 2 + 1) * HAND_STRIDE, right);
    this.head = (this.head + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
  }

  /** Time of the newest point (NaN when empty). */
  get lastT(): number {
    return this.size === 0 ? NaN : this.t[(this.head - 1 + this.capacity) % this.capacity]!;
  }

  /**
   * For the points with fromMs ≤ t ≤ toMs: each point's distance to the nearest of `targets`
   * (x, y pairs), written into `out` newest first. Returns how many were written.
   */
  distancesInWindow(fromMs: number, toMs: number, targets: Float64Array, out: Float64Array): number {
    let n = 0;
    for (let k = 0; k < this.size && n < out.length; k++) {
      const i = (this.head - 1 - k + 2 * this.capacity) % this.capacity;
      const t = this.t[i]!;
      if (t < fromMs) break;
      if (t > toMs) continue;
      const px = this.x[i]!;
      const py = this.y[i]!;
      let best = Infinity;
      for (let j = 0; j < targets.length; j += 2) {
        const d = Math.hypot(px - targets[j]!, py - targets[j + 1]!);
        if (d < best) best = d;
      }
      out[n++] = best;
    }
    return n;
  }

  /** Time of the earliest point at or after fromMs where `test(x, y)` holds; NaN when none does. */
  firstWhere(fromMs: number, test: (x: number, y: number) => boolean): number {
    let first = NaN;
    for (let k = 0; k < this.size; k++) {
      const i = (this.head - 1 - k + 2 * this.capacity) % this.capacity;
      const t = this.t[i]!;
      if (t < fromMs) break;
      if (test(this.x[i]!, this.y[i]!)) first = t;
    }
    return first;
  }

  /**
   * For the points with fromMs ≤ t ≤ toMs at which a hand was seen, newest first, SIGHTING_STRIDE
   * values each into `out`: the body's x, y, then per hand (left, right) HAND_STRIDE values — x,
   * y, z and the covariance xx, xy, xz, yy, yz, zz — NaN for a hand not seen. Returns how many.
   */
  handsInWindow(fromMs: number, toMs: number, out: Float64Array): number {
    let n = 0;
    const hands = this.hands;
    for (let k = 0; k < this.size && (n + 1) * SIGHTING_STRIDE <= out.length; k++) {
      const i = (this.head - 1 - k + 2 * this.capacity) % this.capacity;
      const t = this.t[i]!;
      if (t < fromMs) break;
      if (t > toMs) continue;
      const h = i * 2 * HAND_STRIDE;
      if (Number.isNaN(hands[h]!) && Number.isNaN(hands[h + HAND_STRIDE]!)) continue;
      const at = n * SIGHTING_STRIDE;
      out[at] = this.x[i]!;
      out[at + 1] = this.y[i]!;
      for (let j = 0; j < 2 * HAND_STRIDE; j++) out[at + 2 + j] = hands[h + j]!;
      n++;
    }
    return n;
  }
}

function setHand(hands: Float32Array, at: number, hand: HandPoint | undefined): void {
  if (!hand) {
    hands[at] = NaN;
    return;
  }
  hands[at] = hand.x;
  hands[at + 1] = hand.y;
  hands[at + 2] = hand.z;
  for (let k = 0; k < 6; k++) hands[at + 3 + k] = hand.cov[k]!;
}

/** Median of the first n values of `values` (reordered in place). */
export function medianInPlace(values: Float64Array, n: number): number {
  if (n === 0) return NaN;
  const part = values.subarray(0, n).sort();
  return n % 2 === 1 ? part[(n - 1) / 2]! : (part[n / 2 - 1]! + part[n / 2]!) / 2;
}

/** Rings handed out and taken back, so a day of tracks reuses a few dozen buffers. */
export class TrackHistoryPool {
  private readonly free: TrackHistory[] = [];

  constructor(private readonly capacity: number) {}

  take(): TrackHistory {
    const ring = this.free.pop() ?? new TrackHistory(this.capacity);
    ring.clear();
    return ring;
  }

  give(ring: TrackHistory): void {
    this.free.push(ring);
  }
}
