// Units on each plate, estimated from its settled weight: (stable weight − the stray units the
// dynamic planogram knows of) ÷ the planogram product's unit weight. Weight, not a running count of
// events, is the truth here, so a missed or misread event does not leave the count wrong forever.
// A restock alert goes out when a plate reaches its threshold, once, and re-arms only when the plate
// is seen above it again (restocked), so a shopper fiddling with the last unit cannot spam alerts.
import type { RestockAlertDecision } from '../decisions';
import type { DynamicPlanogram } from './dynamic-planogram';
import type { ShelfLayout } from './layout';

export interface PlateInventory {
  plate: string;
  sku: string;
  /** Estimated units of `sku`; null until the plate has reported a stable weight. */
  units: number | null;
  capacity: number;
  threshold: number;
  /** Store time since when the plate has been at or below its threshold; null when above or unknown. */
  belowThresholdSince: number | null;
}

/** Where the plates' stable weights come from (the segmenter). */
export interface PlateLevels {
  readonly ready: Uint8Array;
  readonly base: Float64Array;
}

export class Inventory {
  private readonly belowSince: Float64Array;

  constructor(
    private readonly layout: ShelfLayout,
    private readonly levels: PlateLevels,
    private readonly dynamic: DynamicPlanogram,
  ) {
    this.belowSince = new Float64Array(layout.plateIds.length).fill(Number.NaN);
  }

  units(slot: number): number | null {
    const facing = this.layout.facing[slot];
    const product = facing && this.layout.products.get(facing.sku);
    if (!product || this.levels.ready[slot] !== 1) return null;
    const plate = this.layout.plateIds[slot]!;
    const grams = this.levels.base[slot]! - this.dynamic.strayGrams(plate, this.layout.products);
    return Math.max(0, Math.round(grams / product.weightMeanG));
  }

  /** The plate's stable weight changed (or became known) at t: re-count it and alert on a crossing. */
  update(slot: number, t: number): RestockAlertDecision | undefined {
    const facing = this.layout.facing[slot];
    const units = this.units(slot);
    if (!facing || units === null) return undefined;
    const since = this.belowSince[slot]!;
    if (units > facing.restockThreshold) {
      this.belowSince[slot] = Number.NaN;
      return undefined;
    }
    if (since === since) return undefined;
    this.belowSince[slot] = t;
    return { kind: 'restock-alert', t, plate: facing.plate, sku: facing.sku, units, threshold: facing.restockThreshold };
  }

  list(): PlateInventory[] {
    const out: PlateInventory[] = [];
    this.layout.plateIds.forEach((plate, slot) => {
      const facing = this.layout.facing[slot];
      if (!facing) return;
      const since = this.belowSince[slot]!;
      out.push({
        plate,
        sku: facing.sku,
        units: this.units(slot),
        capacity: facing.capacity,
        threshold: facing.restockThreshold,
        belowThresholdSince: since === since ? since : null,
      });
    });
    return out;
  }
}
