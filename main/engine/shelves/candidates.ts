// Which products could explain a change on some plates, and how likely each is before weighing:
// the plates' own planogram products first, then what the dynamic planogram has seen put down on
// them, then the rest of the shelf (a neighbour's product on the wrong plate), and for put-backs
// only, what shoppers are carrying and then the whole catalog (a shopper can put anything down
// anywhere; nothing can be taken that is not there). Each class's mass is shared by its members, so
// a crowded class does not outweigh a sparse one; a product in several classes takes its largest
// prior.
import type { Product } from '../../store/schema';
import type { DynamicPlanogram } from './dynamic-planogram';
import type { Candidate } from './hypotheses';
import type { ShelfLayout } from './layout';
import type { ShelfStageOptions } from './options';

export function candidatesFor(
  layout: ShelfLayout,
  dynamic: DynamicPlanogram,
  o: ShelfStageOptions,
  shelf: number,
  slots: readonly number[],
  /** The change on each slot, grams. */
  sizes: readonly number[],
  putBack: boolean,
  carried: readonly (readonly [string, number])[],
): Candidate[] {
  const prior = new Map<string, number>();
  const offer = (skus: readonly string[], mass: number): void => {
    if (skus.length === 0) return;
    const each = mass / skus.length;
    for (const sku of skus) if (each > (prior.get(sku) ?? 0)) prior.set(sku, each);
  };
  const stray = new Set<string>();
  for (const slot of slots) for (const sku of dynamic.skusOn(layout.plateIds[slot]!)) stray.add(sku);
  if (putBack) {
    offer(layout.catalog.map((p) => p.sku), o.priorCatalog);
    for (const [sku, share] of carried) if (o.priorCarried * share > (prior.get(sku) ?? 0)) prior.set(sku, o.priorCarried * share);
  }
  offer(layout.shelfSkus[shelf]!, o.priorShelf);
  offer([...stray].sort(), o.priorDynamic);
  // A unit across two plates mostly rests on its own plate: each plate's product gets the planogram
  // mass in proportion to the plate's share of the change.
  let total = 0;
  for (const d of sizes) total += Math.abs(d);
  const own = new Map<string, number>();
  slots.forEach((slot, i) => {
    const f = layout.facing[slot];
    const share = total > 0 ? Math.abs(sizes[i]!) / total : 1 / slots.length;
    if (f) own.set(f.sku, (own.get(f.sku) ?? 0) + o.priorPlanogram * share);
  });
  for (const [sku, p] of [...own].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (p > (prior.get(sku) ?? 0)) prior.set(sku, p);
  const out: Candidate[] = [];
  for (const [sku, p] of prior) {
    const product: Product | undefined = layout.products.get(sku);
    if (product) out.push({ product, prior: p });
  }
  return out;
}
