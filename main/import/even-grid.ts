// Puts a plate's timestamped readings onto an even grid. Real loggers stamp each reading with the
// time it arrived, a few milliseconds early or late, and the engine takes runs of evenly spaced
// samples (PlateSamples: t0, dt, grams), so each grid point gets the reading linearly interpolated
// between its two neighbours. Where readings stop for longer than `maxGapMs` nothing is invented:
// the run ends and a new one starts when readings resume, as after a controller outage. Runs go out
// in chunks of `chunkSamples`, the way a shelf controller reports. The chunk buffer is reused: the
// consumer must copy what it keeps (the recording writer does).

export interface EvenGridOptions {
  /** Time of grid point 0, ms; every plate of one import shares it, so their samples line up. */
  originMs: number;
  /** Grid period, ms. */
  dtMs: number;
  maxGapMs: number;
  chunkSamples: number;
}

export type EmitRun = (t0: number, dt: number, grams: Float32Array) => void;

/** Tolerance for "this reading is exactly on a grid point": far below any clock's resolution. */
const ON_GRID = 1e-6;

export class EvenGrid {
  private prevT = Number.NaN;
  private prevG = 0;
  /** Index of the next grid point to fill. */
  private next = 0;
  private readonly chunk: Float32Array;
  private filled = 0;
  private chunkStart = 0;

  constructor(
    private readonly o: EvenGridOptions,
    private readonly emit: EmitRun,
  ) {
    this.chunk = new Float32Array(o.chunkSamples);
  }

  private timeOf(k: number): number {
    return this.o.originMs + k * this.o.dtMs;
  }

  /** One reading; times must not decrease (at a repeated time, the later reading is the one interpolated from). */
  push(tMs: number, grams: number): void {
    const prevT = this.prevT;
    if (prevT !== prevT || tMs - prevT > this.o.maxGapMs) {
      this.flush();
      this.next = Math.ceil((tMs - this.o.originMs) / this.o.dtMs - ON_GRID);
      if (Math.abs(this.timeOf(this.next) - tMs) <= ON_GRID) this.add(grams);
    } else if (tMs > prevT) {
      const slope = (grams - this.prevG) / (tMs - prevT);
      for (let t = this.timeOf(this.next); t <= tMs + ON_GRID; t = this.timeOf(this.next)) this.add(this.prevG + slope * (t - prevT));
    }
    this.prevT = tMs;
    this.prevG = grams;
  }

  /** Sends what is buffered; call once after the last reading. */
  flush(): void {
    if (this.filled > 0) this.emit(this.timeOf(this.chunkStart), this.o.dtMs, this.chunk.subarray(0, this.filled));
    this.filled = 0;
  }

  private add(grams: number): void {
    if (this.filled === 0) this.chunkStart = this.next;
    this.chunk[this.filled++] = grams;
    this.next++;
    if (this.filled === this.chunk.length) this.flush();
  }
}
