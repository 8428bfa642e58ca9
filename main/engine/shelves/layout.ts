// The store model flattened into dense indices for the shelf stage: every plate gets a slot, the
// slots of one shelf are contiguous and in order along the shelf (so "adjacent" is slot ± 1), and
// all per-plate state can then live in typed arrays. Resolved once per store, so the hot path does
// one Map lookup per chunk of samples and none per sample.
import type { Facing, Product, StoreModel } from '../../store/schema';

export interface ShelfLayout {
  /** Slot → plate id. */
  plateIds: string[];
  slotOf: Map<string, number>;
  /** Slot → shelf index. */
  plateShelf: Int32Array;
  /** Slot → its planogram facing, if any. */
  facing: (Facing | undefined)[];
  shelfIds: string[];
  shelfFixture: string[];
  /** Shelf i owns slots [shelfStart[i], shelfStart[i + 1]). */
  shelfStart: Int32Array;
  /** Controller serial → its slots, for DeviceStatus. */
  controllerSlots: Map<string, number[]>;
  products: Map<string, Product>;
  /** The catalog in a fixed order (by sku), so catalog-wide candidate scans are deterministic. */
  catalog: Product[];
  /** Distinct planogram skus per shelf, sorted. */
  shelfSkus: string[][];
}

export function buildShelfLayout(store: StoreModel): ShelfLayout {
  const facings = new Map(store.planogram.map((f) => [f.plate, f]));
  const plateIds: string[] = [];
  const shelfOfSlot: number[] = [];
  const shelfIds: string[] = [];
  const shelfFixture: string[] = [];
  const starts: number[] = [];
  const controllerSlots = new Map<string, number[]>();
  for (const fixture of store.layout.fixtures) {
    for (const shelf of fixture.shelves) {
      const s = shelfIds.length;
      shelfIds.push(shelf.id);
      shelfFixture.push(fixture.id);
      starts.push(plateIds.length);
      const ordered = [...shelf.plates].sort((a, b) => a.offset - b.offset || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const plate of ordered) {
        const slot = plateIds.length;
        plateIds.push(plate.id);
        shelfOfSlot.push(s);
        const list = controllerSlots.get(plate.device.controller) ?? [];
        list.push(slot);
        controllerSlots.set(plate.device.controller, list);
      }
    }
  }
  starts.push(plateIds.length);
  const catalog = [...store.catalog].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const facing = plateIds.map((id) => facings.get(id));
  const shelfSkus = shelfIds.map((_, s) => {
    const skus = new Set<string>();
    for (let slot = starts[s]!; slot < starts[s + 1]!; slot++) {
      const f = facing[slot];
      if (f) skus.add(f.sku);
    }
    return [...skus].sort();
  });
  return {
    plateIds,
    slotOf: new Map(plateIds.map((id, i) => [id, i])),
    plateShelf: Int32Array.from(shelfOfSlot),
    facing,
    shelfIds,
    shelfFixture,
    shelfStart: Int32Array.from(starts),
    controllerSlots,
    products: new Map(catalog.map((p) => [p.sku, p])),
    catalog,
    shelfSkus,
  };
}
