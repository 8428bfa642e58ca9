// What the shelves really hold beyond the planogram: units of other products that shoppers put down
// on the wrong plate. Remembering them is what lets the next pick of that weight from that plate be
// read as the stray product rather than as a strange quantity of the planogram's, and it keeps the
// planogram product's unit count honest (the stray's grams are not the plate's product).
import type { Product } from '../../store/schema';

export class DynamicPlanogram {
  /** plate → sku → units. Maps keep insertion order, and every reader sorts, so output is deterministic. */
  private readonly held = new Map<string, Map<string, number>>();

  /** Stray skus on a plate, sorted. */
  skusOn(plate: string): string[] {
    const bySku = this.held.get(plate);
    return bySku ? [...bySku.keys()].sort() : [];
  }

  unitsOn(plate: string, sku: string): number {
    return this.held.get(plate)?.get(sku) ?? 0;
  }

  add(plate: string, sku: string, units: number): void {
    if (units <= 0) return;
    let bySku = this.held.get(plate);
    if (!bySku) this.held.set(plate, (bySku = new Map()));
    bySku.set(sku, (bySku.get(sku) ?? 0) + units);
  }

  /** Takes up to `units` of `sku` off the plate; returns how many were there to take. */
  remove(plate: string, sku: string, units: number): number {
    const bySku = this.held.get(plate);
    const have = bySku?.get(sku) ?? 0;
    const taken = Math.min(have, Math.max(0, units));
    if (taken === 0) return 0;
    if (have - taken > 0) bySku!.set(sku, have - taken);
    else {
      bySku!.delete(sku);
      if (bySku!.size === 0) this.held.delete(plate);
    }
    return taken;
  }

  /** Grams of stray units on the plate, by their catalog mean. */
  strayGrams(plate: string, products: ReadonlyMap<string, Product>): number {
    const bySku = this.held.get(plate);
    if (!bySku) return 0;
    let grams = 0;
    for (const [sku, units] of bySku) grams += units * (products.get(sku)?.weightMeanG ?? 0);
    return grams;
  }
}
