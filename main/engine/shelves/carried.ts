// What shoppers are carrying, store-wide: units taken by shopper events and not yet put back. A
// put-back is far more likely to be one of these than any other product in the catalog, which is
// what separates a misplaced put-back's product from the dozens of catalog products of about the
// same weight. Fusion will do better per shopper (DESIGN §4: put-backs are matched first against
// what that shopper holds); this is the prior the shelves can know on their own. Units taken longer
// ago than the memory are assumed to have left the store.
export class CarriedUnits {
  /** sku → times of the units taken, oldest first. */
  private readonly taken = new Map<string, number[]>();
  private total = 0;

  constructor(private readonly memoryMs: number) {}

  take(sku: string, units: number, t: number): void {
    let times = this.taken.get(sku);
    if (!times) this.taken.set(sku, (times = []));
    for (let i = 0; i < units; i++) times.push(t);
    this.total += units;
  }

  /** A unit of `sku` came back: forget the most recently taken ones first. */
  putBack(sku: string, units: number): void {
    const times = this.taken.get(sku);
    if (!times) return;
    const n = Math.min(units, times.length);
    times.length -= n;
    this.total -= n;
    if (times.length === 0) this.taken.delete(sku);
  }

  /** Forgets units taken before t − memory. */
  expire(t: number): void {
    const cutoff = t - this.memoryMs;
    for (const [sku, times] of this.taken) {
      let drop = 0;
      while (drop < times.length && times[drop]! < cutoff) drop++;
      if (drop === 0) continue;
      times.splice(0, drop);
      this.total -= drop;
      if (times.length === 0) this.taken.delete(sku);
    }
  }

  /** Share of carried units per sku, sorted by sku. */
  shares(): [string, number][] {
    if (this.total === 0) return [];
    return [...this.taken].map(([sku, times]): [string, number] => [sku, times.length / this.total]).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }
}
