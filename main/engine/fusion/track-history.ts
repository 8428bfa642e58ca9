// The recent floor positions of one track, in a fixed-size ring of typed arrays: shelf events are
// attributed seconds after they happen, so fusion must look back, and at 10 points a second per
// shopper a growing array of objects would be most of the engine's garbage. Rings are pooled and
// reused when their tracks are forgotten.

export class TrackHistory {
  private readonly t: Float64Array;
  private readonly x: Float32Array;
  private readonly y: Float32Array;
  private head = 0;
  private size = 0;

  constructor(readonly capacity: number) {
    this.t = new Float64Array(capacity);
    this.x = new Float32Array(capacity);
    this.y = new Float32Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  clear(): void {
    this.head = 0;
    this.size = 0;
  }

  push(t: number, x: number, y: number): void {
    this.t[this.head] = t;
    this.x[this.head] = x;
    this.y[this.head] = y;
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
