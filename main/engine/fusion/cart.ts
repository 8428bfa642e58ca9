// A session's cart: units per SKU with the confidence of the weakest event behind them. Picks add
// the shelf's best reading; a put-back is read against what the session holds first (DESIGN §4:
// a shopper can only put back what they took), so a near-tie between two look-alike products is
// settled by the cart, and a put-back that matches nothing held is reported, not guessed.
import type { ProductHypothesis } from '../decisions';

export interface CartLine {
  sku: string;
  quantity: number;
  confidence: number;
}

export interface PutBackReading {
  /** The hypothesis used and its rank in the shelf's list. */
  hypothesis: ProductHypothesis;
  rank: number;
  /** Units actually removed from the cart (fewer than asked when it held fewer). */
  removed: number;
  /** Units put back that the cart did not hold. */
  unmatched: number;
}

export class Cart {
  private readonly lines = new Map<string, CartLine>();

  holds(sku: string): number {
    return this.lines.get(sku)?.quantity ?? 0;
  }

  add(sku: string, quantity: number, confidence: number): void {
    const line = this.lines.get(sku);
    if (line) {
      line.quantity += quantity;
      line.confidence = Math.min(line.confidence, confidence);
    } else {
      this.lines.set(sku, { sku, quantity, confidence });
    }
  }

  /**
   * Chooses the put-back reading (hypotheses with negative quantity, best first): the best one the
   * cart fully covers, else the best whose SKU it holds at all, else the shelf's top reading. Then
   * removes what the cart holds of it.
   */
  putBack(hypotheses: readonly ProductHypothesis[]): PutBackReading | undefined {
    let covered = -1;
    let held = -1;
    let first = -1;
    hypotheses.forEach((h, i) => {
      if (h.quantity >= 0) return;
      if (first < 0) first = i;
      const have = this.holds(h.sku);
      if (covered < 0 && have >= -h.quantity) covered = i;
      if (held < 0 && have > 0) held = i;
    });
    const rank = covered >= 0 ? covered : held >= 0 ? held : first;
    if (rank < 0) return undefined;
    const hypothesis = hypotheses[rank]!;
    const removed = Math.min(this.holds(hypothesis.sku), -hypothesis.quantity);
    if (removed > 0) {
      const line = this.lines.get(hypothesis.sku)!;
      line.quantity -= removed;
      if (line.quantity === 0) this.lines.delete(hypothesis.sku);
    }
    return { hypothesis, rank, removed, unmatched: -hypothesis.quantity - removed };
  }

  /** Lines in the order their SKUs were first taken. */
  list(): CartLine[] {
    return [...this.lines.values()].map((line) => ({ ...line }));
  }
}
