// Builds the demo planogram.json: spreads each shelf's products over its plates in display order
// (neighbouring flavours on neighbouring plates) and sizes each facing from the plate and the unit.
import type { Facing, StoreLayout } from '../schema';
import type { ShelfProduct } from './build-catalog';

/** Units that fit: across the plate, into the shelf, times the stack height. */
export function facingCapacity(plateWidth: number, shelfDepth: number, unit: [number, number], stack = 1): number {
  const across = Math.floor(plateWidth / unit[0] + 1e-9);
  const deep = Math.floor(shelfDepth / unit[1] + 1e-9);
  return across * deep * stack;
}

/** Restock when a quarter of a full plate is left, as staff refill in one round per shift. */
export const restockThreshold = (capacity: number): number => Math.min(capacity - 1, Math.floor(capacity / 4));

export function buildPlanogram(layout: StoreLayout, byShelf: Map<string, ShelfProduct[]>): Facing[] {
  const facings: Facing[] = [];
  for (const fixture of layout.fixtures) {
    for (const shelf of fixture.shelves) {
      const products = byShelf.get(shelf.id) ?? [];
      const plates = shelf.plates.length;
      if (products.length === 0 || products.length > plates) {
        throw new Error(`shelf ${shelf.id}: ${products.length} products for ${plates} plates`);
      }
      // The first products (the best sellers) take the plates left over after an even split.
      const base = Math.floor(plates / products.length);
      const extra = plates % products.length;
      let next = 0;
      products.forEach(({ product, line }, i) => {
        for (let k = 0; k < base + (i < extra ? 1 : 0); k++) {
          const plate = shelf.plates[next++]!;
          const capacity = facingCapacity(plate.width, shelf.depth, line.dims, line.stack);
          if (capacity < 1) throw new Error(`${product.name} does not fit on plate ${plate.id}`);
          facings.push({ plate: plate.id, sku: product.sku, capacity, restockThreshold: restockThreshold(capacity) });
        }
      });
    }
  }
  return facings;
}
