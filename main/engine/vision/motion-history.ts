// Where a floor track was seen over the last second or so: the filter's velocity jitters with a
// single camera's noise (a shopper standing in a queue reads 0.3 m/s), while the displacement over
// a second says plainly whether they stand or walk, and which way. Fixed-size ring, no allocation.

const SIZE = 16;

export class MotionHistory {
  private readonly t = new Float64Array(SIZE);
  private readonly x = new Float64Array(SIZE);
  private readonly y = new Float64Array(SIZE);
  private head = 0;
  private count = 0;

  push(t: number, x: number, y: number): void {
    this.head = (this.head + 1) % SIZE;
    this.t[this.head] = t;
    this.x[this.head] = x;
    this.y[this.head] = y;
    if (this.count < SIZE) this.count++;
  }

  /** Index of the latest sighting at least `windowMs` before the newest (else the oldest kept). */
  private anchor(windowMs: number): number {
    let k = this.head;
    for (let n = 1; n < this.count; n++) {
      k = (k - 1 + SIZE) % SIZE;
      if (this.t[this.head]! - this.t[k]! >= windowMs) break;
    }
    return k;
  }

  /** Mean speed (m/s) over about the last windowMs; 0 with fewer than two sightings. */
  speed(windowMs: number): number {
    if (this.count < 2) return 0;
    const k = this.anchor(windowMs);
    const dt = (this.t[this.head]! - this.t[k]!) / 1000;
    return dt > 0 ? Math.hypot(this.x[this.head]! - this.x[k]!, this.y[this.head]! - this.y[k]!) / dt : 0;
  }

  /** Position at the start of that window into out. */
  from(windowMs: number, out: [number, number]): void {
    const k = this.count > 0 ? this.anchor(windowMs) : this.head;
    out[0] = this.x[k]!;
    out[1] = this.y[k]!;
  }
}
