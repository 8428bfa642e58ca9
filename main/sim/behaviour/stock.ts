// What is on each plate right now: the planogram product's units plus anything put down there by
// mistake. Picks can only take what is there, so the world never goes negative and an emptying
// plate sends staff to restock it. Starting levels are mostly full with a tail of depleted plates
// (yesterday's sales), so staff have work from the first minute.
import type { Rng } from './rng';
import type { PlateSite, ShelfAccess } from './shelf-access';

export interface StockLine {
  plate: string;
  sku: string;
  units: number;
}

export class Stock {
  /** Units of the planogram SKU per plate index. */
  private readonly units: Int32Array;
  /** Foreign units left on a plate by misplaced put-backs: plate index → sku → units. */
  private readonly foreign = new Map<number, Map<string, number>>();
  /** Plates a staff member has claimed for restocking, so two do not fill the same one. */
  private readonly claimed = new Set<number>();
  readonly initial: StockLine[];

  constructor(
    private readonly access: ShelfAccess,
    rng: Rng,
  ) {
    this.units = new Int32Array(access.sites.length);
    this.initial = [];
    for (const site of access.sites) {
      if (!site.sku) continue;
      const r = rng.float();
      const fill = r < 0.72 ? 1 : r < 0.93 ? rng.range(0.5, 1) : rng.range(0, 0.5);
      const units = Math.round(site.capacity * fill);
      this.units[site.index] = units;
      this.initial.push({ plate: site.id, sku: site.sku, units });
    }
  }

  available(site: PlateSite, sku: string): number {
    if (site.sku === sku) return this.units[site.index]!;
    return this.foreign.get(site.index)?.get(sku) ?? 0;
  }

  /** Takes up to `want` units of `sku`; returns how many were there to take. */
  take(site: PlateSite, sku: string, want: number): number {
    const n = Math.max(0, Math.min(want, this.available(site, sku)));
    if (n === 0) return 0;
    if (site.sku === sku) this.units[site.index] = this.units[site.index]! - n;
    else this.adjustForeign(site.index, sku, -n);
    return n;
  }

  put(site: PlateSite, sku: string, n: number): void {
    if (site.sku === sku) this.units[site.index] = this.units[site.index]! + n;
    else this.adjustForeign(site.index, sku, n);
  }

  fillRatio(site: PlateSite): number {
    return site.capacity > 0 ? this.units[site.index]! / site.capacity : 1;
  }

  missing(site: PlateSite): number {
    return Math.max(0, site.capacity - this.units[site.index]!);
  }

  /**
   * The plate most in need of stock (at or under its restock threshold first, then the emptiest
   * under 60 %), nearest first among equals; unclaimed only. Undefined when all is well stocked.
   */
  mostNeeded(fromX: number, fromY: number): PlateSite | undefined {
    let best: PlateSite | undefined;
    let bestScore = Infinity;
    for (const site of this.access.sites) {
      if (!site.sku || this.claimed.has(site.index)) continue;
      const u = this.units[site.index]!;
      const ratio = u / site.capacity;
      if (u > site.restockThreshold && ratio >= 0.6) continue;
      const urgent = u <= site.restockThreshold ? 0 : 1;
      const score = urgent * 100 + ratio * 10 + Math.hypot(site.frontX - fromX, site.frontY - fromY) * 0.5;
      if (score < bestScore) {
        bestScore = score;
        best = site;
      }
    }
    return best;
  }

  claim(site: PlateSite): void {
    this.claimed.add(site.index);
  }

  unclaim(site: PlateSite): void {
    this.claimed.delete(site.index);
  }

  private adjustForeign(plate: number, sku: string, delta: number): void {
    let m = this.foreign.get(plate);
    if (!m) {
      m = new Map();
      this.foreign.set(plate, m);
    }
    m.set(sku, (m.get(sku) ?? 0) + delta);
  }
}
