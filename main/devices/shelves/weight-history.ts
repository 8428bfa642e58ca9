// The recent weight of every plate, downsampled to a few points a second, for the live plots of the
// Devices view. Fixed rings of bucket means per plate (typed arrays, no allocation per sample);
// a bucket is identified by its index in store time, so a stale slot from a minute ago is never
// mistaken for a current one.

export interface WeightSeries {
  /** Bucket start times in seconds of store time (what uPlot expects on its x axis). */
  times: number[];
  /** One array per requested slot, aligned with `times`; null where the plate gave nothing. */
  grams: (number | null)[][];
}

export class WeightHistory {
  private readonly sums: Float64Array;
  private readonly counts: Int32Array;
  private readonly index: Float64Array;

  constructor(
    slots: number,
    readonly bucketMs = 250,
    readonly buckets = 120,
  ) {
    this.sums = new Float64Array(slots * buckets);
    this.counts = new Int32Array(slots * buckets);
    this.index = new Float64Array(slots * buckets).fill(-1);
  }

  accept(slot: number, t0: number, dt: number, grams: Float32Array): void {
    const B = this.buckets;
    const base = slot * B;
    const bucketMs = this.bucketMs;
    for (let i = 0; i < grams.length; i++) {
      const x = grams[i]!;
      if (x !== x) continue;
      const b = Math.floor((t0 + i * dt) / bucketMs);
      const k = base + (b % B);
      if (this.index[k] !== b) {
        this.index[k] = b;
        this.sums[k] = 0;
        this.counts[k] = 0;
      }
      this.sums[k] = this.sums[k]! + x;
      this.counts[k] = this.counts[k]! + 1;
    }
  }

  /** The last `buckets` buckets up to store time `now`, for the given slots. */
  series(slots: readonly number[], now: number): WeightSeries {
    const B = this.buckets;
    const last = Math.floor(now / this.bucketMs);
    const times: number[] = [];
    for (let b = last - B + 1; b <= last; b++) times.push((b * this.bucketMs) / 1000);
    const grams = slots.map((slot) => {
      const values: (number | null)[] = [];
      for (let b = last - B + 1; b <= last; b++) values.push(this.at(slot, b));
      return values;
    });
    return { times, grams };
  }

  private at(slot: number, b: number): number | null {
    if (b < 0) return null;
    const k = slot * this.buckets + (b % this.buckets);
    return this.index[k] === b && this.counts[k]! > 0 ? Math.round((this.sums[k]! / this.counts[k]!) * 10) / 10 : null;
  }
}
