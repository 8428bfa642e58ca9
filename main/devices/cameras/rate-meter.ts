// Events per second over the last two seconds, from a fixed ring of timestamps (no allocation per
// event): what a camera's fps figure means to a person watching it. A stream that stops reads 0
// within the window.
export class RateMeter {
  private readonly times: Float64Array;
  private next = 0;
  private count = 0;

  constructor(
    private readonly windowMs = 2000,
    capacity = 512,
  ) {
    this.times = new Float64Array(capacity);
  }

  mark(at: number): void {
    this.times[this.next] = at;
    this.next = (this.next + 1) % this.times.length;
    this.count = Math.min(this.count + 1, this.times.length);
  }

  /** Events in the window ending at `now`, per second. */
  perSecond(now: number): number {
    let n = 0;
    for (let k = 1; k <= this.count; k++) {
      const t = this.times[(this.next - k + this.times.length) % this.times.length]!;
      if (now - t > this.windowMs) break;
      n++;
    }
    return (n * 1000) / this.windowMs;
  }
}
