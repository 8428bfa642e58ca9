// What a shopper came for. Product popularity follows a Zipf-like skew (a few lines sell most, as
// in any convenience store) with ranks fixed per SKU rather than per seed, so analytics see the
// same best-sellers across runs; each shopper also favours a couple of categories (a "mission":
// lunch, drinks, cleaning). The list is walked in a greedy nearest-next order from the entrance,
// roughly how people route through a small store.
import type { StoreModel } from '../../store/schema';
import { hashString, type Rng } from './rng';
import type { PlateSite, ShelfAccess } from './shelf-access';

export interface ListItem {
  sku: string;
  /** Units wanted at this stop. */
  want: number;
  /** Look only: dwell at the plate without picking. */
  browse: boolean;
  /** A plate carrying the product, used to order the route (the shopper chooses the plate on arrival). */
  hint: PlateSite;
}

export interface Assortment {
  skus: string[];
  categoryOf: string[];
  categories: string[];
  weights: Float64Array;
}

const assortments = new WeakMap<StoreModel, Assortment>();

export function assortmentFor(store: StoreModel, access: ShelfAccess): Assortment {
  let a = assortments.get(store);
  if (a) return a;
  const products = store.catalog.filter((p) => access.platesBySku.has(p.sku));
  const ranked = [...products].sort((p, q) => hashString(p.sku) - hashString(q.sku) || (p.sku < q.sku ? -1 : 1));
  const rank = new Map(ranked.map((p, i) => [p.sku, i]));
  const weights = new Float64Array(products.length);
  products.forEach((p, i) => (weights[i] = 1 / (rank.get(p.sku)! + 1) ** 0.6));
  a = {
    skus: products.map((p) => p.sku),
    categoryOf: products.map((p) => p.category),
    categories: [...new Set(products.map((p) => p.category))].sort(),
    weights,
  };
  assortments.set(store, a);
  return a;
}

/** Units wanted per pick: mostly one, sometimes a few (the brief's 1–3). */
export function drawQuantity(rng: Rng): number {
  const r = rng.float();
  return r < 0.72 ? 1 : r < 0.93 ? 2 : 3;
}

export function drawShoppingList(
  assortment: Assortment,
  access: ShelfAccess,
  rng: Rng,
  browseOnly: boolean,
  fromX: number,
  fromY: number,
): ListItem[] {
  const favourites = new Set([rng.pick(assortment.categories), rng.pick(assortment.categories)]);
  const weights = assortment.weights.map((w, i) => (favourites.has(assortment.categoryOf[i]!) ? w * 4 : w));
  const picks = browseOnly ? 0 : Math.min(10, 1 + rng.poisson(3));
  const looks = browseOnly ? 1 + rng.poisson(1.2) : rng.poisson(0.8);
  const items: ListItem[] = [];
  for (let i = 0; i < picks + looks; i++) {
    const sku = assortment.skus[rng.weighted(weights)]!;
    const plates = access.platesBySku.get(sku)!;
    items.push({ sku, want: drawQuantity(rng), browse: i >= picks, hint: access.sites[rng.pick(plates)]! });
  }
  return routeOrder(items, fromX, fromY);
}

function routeOrder(items: ListItem[], x: number, y: number): ListItem[] {
  const left = [...items];
  const out: ListItem[] = [];
  while (left.length > 0) {
    let best = 0;
    let bestD = Infinity;
    left.forEach((it, i) => {
      const d = Math.hypot(it.hint.frontX - x, it.hint.frontY - y);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    });
    const [next] = left.splice(best, 1);
    out.push(next!);
    x = next!.hint.frontX;
    y = next!.hint.frontY;
  }
  return out;
}
