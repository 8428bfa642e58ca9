// The live engine's stock, as the worker reports it to the host: the plates at or under their
// restock threshold (from the shelf stage's inventory), how many plates have a known weight yet, and
// which fixtures are in staff restock mode (and which of those this run put back at its start).
// Only the low plates travel: a store of 1,400 plates posts a few dozen rows a second, not all of them.
import type { ShelfStage } from '../engine/shelves';
import type { RestockHolder } from '../engine/restock-mode';
import type { RestoredRestock } from './restock-carry-over';

export interface LowPlate {
  plate: string;
  sku: string;
  units: number;
  capacity: number;
  threshold: number;
  /** Store time the plate fell to its threshold. */
  since: number;
}

export interface LiveStock {
  /** Store time of the estimates. */
  t: number;
  /** Plates with a planogram product, and of those, the ones whose units are known. */
  plates: number;
  known: number;
  low: LowPlate[];
  restocking: RestockHolder[];
  /** Restock mode that was on when the host last stopped, switched back on at this run's start. */
  restored: RestoredRestock[];
}

export function stockOf(shelves: Pick<ShelfStage, 'inventory' | 'restocking'>, t: number, restored: RestoredRestock[] = []): LiveStock {
  const low: LowPlate[] = [];
  let known = 0;
  const inventory = shelves.inventory();
  for (const p of inventory) {
    if (p.units === null) continue;
    known++;
    if (p.belowThresholdSince !== null) {
      low.push({ plate: p.plate, sku: p.sku, units: p.units, capacity: p.capacity, threshold: p.threshold, since: p.belowThresholdSince });
    }
  }
  return { t, plates: inventory.length, known, low, restocking: shelves.restocking(), restored };
}
