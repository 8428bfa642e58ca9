// A session's cart: units per SKU with the confidence of the weakest event behind them, and what
// the held units weighed when they were taken (a unit put back is the same unit: its weight is the
// best evidence of which one it is). Picks add the shelf's best reading; put-backs take out what
// put-back.ts read against the cart.

export interface CartLine {
  sku: string;
  quantity: number;
  confidence: number;
}

/** What a cart holds of one SKU, for reading put-backs. */
export interface Holding {
  units: number;
  /** The weight change the held units were taken with, grams (positive). */
  grams: number;
}

export class Cart {
  private readonly lines = new Map<string, CartLine>();
  private readonly grams = new Map<string, number>();

  holds(sku: string): number {
    return this.lines.get(sku)?.quantity ?? 0;
  }

  /** Adds units taken with a weight change of `grams` (positive). */
  add(sku: string, quantity: number, confidence: number, grams: number): void {
    this.grams.set(sku, (this.grams.get(sku) ?? 0) + grams);
    const line = this.lines.get(sku);
    if (line) {
      line.quantity += quantity;
      line.confidence = Math.min(line.confidence, confidence);
    } else {
      this.lines.set(sku, { sku, quantity, confidence });
    }
  }

  /** Takes up to `units` of a SKU out, put back with a weight change of `grams`; returns how many it held of them. */
  remove(sku: string, units: number, grams: number): number {
    const line = this.lines.get(sku);
    if (!line) return 0;
    const removed = Math.min(line.quantity, units);
    line.quantity -= removed;
    if (line.quantity === 0) {
      this.lines.delete(sku);
      this.grams.delete(sku);
    } else {
      // What the units left weigh: the put-back's own weight came off, within what the rest can weigh.
      const before = this.grams.get(sku)!;
      const perUnit = before / (line.quantity + removed);
      this.grams.set(sku, Math.min(Math.max(before - grams, 0.5 * perUnit * line.quantity), 1.5 * perUnit * line.quantity));
    }
    return removed;
  }

  /** What is held per SKU. */
  held(): Map<string, Holding> {
    const out = new Map<string, Holding>();
    for (const line of this.lines.values()) if (line.quantity > 0) out.set(line.sku, { units: line.quantity, grams: this.grams.get(line.sku) ?? 0 });
    return out;
  }

  /** Lines in the order their SKUs were first taken. */
  list(): CartLine[] {
    return [...this.lines.values()].map((line) => ({ ...line }));
  }
}
