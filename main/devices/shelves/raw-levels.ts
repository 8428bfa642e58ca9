// The last second or so of each plate's raw signal, kept so a tare or a span calibration can be
// computed from what the plate reads right now. One ring per plate, sized from its sample period on
// its first chunk; writing is a store per sample, reading (rare: a person pressed a button) scans it.
import type { RawLevel } from './calibration';

const WINDOW_MS = 1000;
const MIN_CAPACITY = 5;
const MAX_CAPACITY = 1000;

export class RawLevels {
  private readonly rings: (Float64Array | null)[];
  private readonly head: Int32Array;
  private readonly count: Int32Array;
  private readonly lastT: Float64Array;

  constructor(slots: number) {
    this.rings = new Array<Float64Array | null>(slots).fill(null);
    this.head = new Int32Array(slots);
    this.count = new Int32Array(slots);
    this.lastT = new Float64Array(slots).fill(Number.NaN);
  }

  accept(slot: number, t0: number, dt: number, raw: Float32Array): void {
    let ring = this.rings[slot];
    if (!ring) {
      ring = new Float64Array(Math.min(MAX_CAPACITY, Math.max(MIN_CAPACITY, Math.round(WINDOW_MS / dt))));
      this.rings[slot] = ring;
    }
    const cap = ring.length;
    let head = this.head[slot]!;
    let count = this.count[slot]!;
    let last = Number.NaN;
    for (let i = 0; i < raw.length; i++) {
      const x = raw[i]!;
      if (x !== x) continue;
      ring[head] = x;
      head = head + 1 === cap ? 0 : head + 1;
      if (count < cap) count++;
      last = t0 + i * dt;
    }
    this.head[slot] = head;
    this.count[slot] = count;
    if (last === last) this.lastT[slot] = last;
  }

  level(slot: number): RawLevel | undefined {
    const ring = this.rings[slot];
    const n = this.count[slot]!;
    if (!ring || n === 0) return undefined;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += ring[i]!;
    const mean = sum / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (ring[i]! - mean) ** 2;
    return { mean, std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0, samples: n, t: this.lastT[slot]! };
  }
}
