// A sparse (gt id, tracker id) → number table. TrackEval keeps dense gt-ids × tracker-ids matrices;
// over hours of data with fragmented tracks that is millions of cells, nearly all zero, and HOTA needs
// 19 of them. Only pairs that ever overlap can be non-zero, so we store just those, in typed arrays.

export class PairTable {
  private readonly index = new Map<number, number>();
  private gtOf = new Int32Array(64);
  private trOf = new Int32Array(64);
  private values = new Float64Array(64);
  size = 0;

  constructor(private readonly numTrackerIds: number) {}

  /** The slot of (gt, tracker), or -1 if the pair was never added. */
  find(gt: number, tracker: number): number {
    return this.index.get(gt * this.numTrackerIds + tracker) ?? -1;
  }

  /** The slot of (gt, tracker), created with value 0 if new. */
  slot(gt: number, tracker: number): number {
    const key = gt * this.numTrackerIds + tracker;
    const found = this.index.get(key);
    if (found !== undefined) return found;
    if (this.size === this.values.length) this.grow();
    const slot = this.size++;
    this.index.set(key, slot);
    this.gtOf[slot] = gt;
    this.trOf[slot] = tracker;
    this.values[slot] = 0;
    return slot;
  }

  /** values[slot(gt, tracker)] += amount. (Not written inline: slot() may replace `values`.) */
  add(gt: number, tracker: number, amount: number): void {
    const slot = this.slot(gt, tracker);
    this.values[slot]! += amount;
  }

  valueAt(slot: number): number {
    return this.values[slot]!;
  }

  gtAt(slot: number): number {
    return this.gtOf[slot]!;
  }

  trackerAt(slot: number): number {
    return this.trOf[slot]!;
  }

  private grow(): void {
    const capacity = this.values.length * 2;
    const gtOf = new Int32Array(capacity);
    const trOf = new Int32Array(capacity);
    const values = new Float64Array(capacity);
    gtOf.set(this.gtOf);
    trOf.set(this.trOf);
    values.set(this.values);
    this.gtOf = gtOf;
    this.trOf = trOf;
    this.values = values;
  }
}
