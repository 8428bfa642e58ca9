// A small store for the shelf stage's tests and benchmark, built in code because the engine may not
// read files (the bundled demo store is loaded from disk). The products are copied from the demo
// catalog (main/store/demo/catalog.json) so the near-identical weights the tests rely on are the
// real ones: crisp flavours 0.1–0.7 g apart, a 2 L milk, a 14.7 g blister pack.
import type { Facing, Fixture, Plate, Product, Shelf, StoreModel } from '../../store/schema';

const product = (sku: string, name: string, category: string, weightMeanG: number, weightStdG: number, upc: string): Product => ({
  sku,
  upc,
  name,
  category,
  priceMinor: 199,
  weightMeanG,
  weightStdG,
  ageRestricted: false,
});

export const demoProducts: readonly Product[] = [
  product('CRI-0001', 'Harvest Valley Sea Salt Crisps 150 g', 'Crisps & chips', 157.5, 1.5, '5392000000100'),
  product('CRI-0002', 'Harvest Valley Salt & Vinegar Crisps 150 g', 'Crisps & chips', 157.4, 1.5, '5392000000209'),
  product('CRI-0003', 'Harvest Valley Cheese & Onion Crisps 150 g', 'Crisps & chips', 158.1, 1.5, '5392000000308'),
  product('CRI-0006', 'Harvest Valley Sea Salt Crisps 100 g', 'Crisps & chips', 105.3, 1, '5392000000407'),
  product('CRI-0007', 'Harvest Valley Salt & Vinegar Crisps 100 g', 'Crisps & chips', 104.8, 1, '5392000000506'),
  product('CRI-0008', 'Harvest Valley Cheese & Onion Crisps 100 g', 'Crisps & chips', 104.7, 1, '5392000000605'),
  product('BIS-0003', 'Brookfield Milk Chocolate Digestive Biscuits 400 g', 'Biscuits', 421.3, 4, '5392370000304'),
  product('BIS-0020', 'Brookfield Milk Chocolate Biscuit Bar 38 g', 'Biscuits', 40.4, 0.4, '5392370002001'),
  product('CAK-0011', 'Little Oven Double Chocolate Muffins 4 pack', 'Cakes', 293.9, 2.8, '5392407001106'),
  product('DAI-0002', 'Meadowbrook Semi-Skimmed Milk 2 L', 'Dairy', 2154.7, 20.6, '5393961000208'),
  product('PHA-0003', 'Carewell Tablets Ibuprofen 200 mg 16 tablets', 'Pharmacy', 14.7, 0.2, '5393221000702'),
];

export interface TestPlate {
  id: string;
  sku: string;
  capacity?: number;
  threshold?: number;
}

export interface TestShelf {
  id: string;
  plates: readonly TestPlate[];
  /** Shelf controller serial (default `SHC-<fixture>`). */
  controller?: string;
}

export interface TestFixture {
  id: string;
  shelves: readonly TestShelf[];
}

/** A store of the given fixtures (0.4 m plates side by side) with the demo products above. */
export function testStore(fixtures: readonly TestFixture[], catalog: readonly Product[] = demoProducts): StoreModel {
  const planogram: Facing[] = [];
  const built: Fixture[] = fixtures.map((f, fi) => ({
    id: f.id,
    name: f.id,
    kind: 'gondola',
    center: [2 + 3 * fi, 3],
    length: 6,
    depth: 1,
    height: 1.6,
    rotation: 0,
    shelves: f.shelves.map(
      (s, si): Shelf => ({
        id: s.id,
        face: 'front',
        height: 0.2 + 0.4 * si,
        depth: 0.45,
        plates: s.plates.map((p, pi): Plate => {
          planogram.push({ plate: p.id, sku: p.sku, capacity: p.capacity ?? 10, restockThreshold: p.threshold ?? 2 });
          return { id: p.id, offset: 0.4 * pi, width: 0.4, device: { controller: s.controller ?? `SHC-${f.id}`, channel: pi } };
        }),
      }),
    ),
  }));
  return {
    layout: {
      schemaVersion: 1,
      id: 'test-store',
      name: 'Test store',
      currency: 'EUR',
      timezone: 'Europe/Dublin',
      floor: { width: 20, depth: 10, outline: [[0, 0], [20, 0], [20, 10], [0, 10]] },
      zones: [],
      fixtures: built,
      gates: [{ id: 'entry-1', name: 'Entry', kind: 'entry', line: [[1, 10], [0, 10]] }],
    },
    cameras: [],
    catalog: [...catalog],
    planogram,
  };
}
