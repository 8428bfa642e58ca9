// Builds the demo catalog.json from the merchandising plan: one product per line variant, with a
// realistic unit weight (contents with a slight overfill, plus packaging) and a valid EAN-13.
// Deterministic: all variation comes from hashing the product's name, never from Math.random.
import { withGtinCheckDigit } from '../gtin';
import type { Product } from '../schema';
import { FIXTURES, shelfId } from './floor-plan';
import { MERCHANDISE, type ProductLine } from './merchandise';

/** A product as placed on one shelf, with what the planogram needs to size its facings. */
export interface ShelfProduct {
  product: Product;
  line: ProductLine;
}

/** A uniform number in [0, 1) from a string: FNV-1a, then a murmur-style finaliser. */
export function hashUnit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

/** SKU prefixes by category; explicit so a new category cannot silently collide with another. */
const SKU_PREFIX: Record<string, string> = {
  'Crisps & chips': 'CRI',
  'Nuts & seeds': 'NUT',
  'Crackers & rice cakes': 'CRA',
  Biscuits: 'BIS',
  Cakes: 'CAK',
  Chocolate: 'CHO',
  'Snack bars': 'BAR',
  'Sweets & gum': 'SWE',
  'Pasta & rice': 'PAS',
  'Sauces & condiments': 'SAU',
  'Tins & jars': 'TIN',
  'Soups & noodles': 'SOU',
  Cereal: 'CER',
  'Spreads & jams': 'SPR',
  'Tea & coffee': 'TEA',
  'Health & beauty': 'HBA',
  Pharmacy: 'PHA',
  'Nicotine pouches': 'NIC',
  Household: 'HOU',
  Pet: 'PET',
  'Water & soft drinks': 'SOF',
  'Juice & smoothies': 'JUI',
  'Energy drinks': 'ENE',
  'Iced coffee & shakes': 'ICE',
  Dairy: 'DAI',
  'Beer & cider': 'BEE',
  Wine: 'WIN',
  'Cleaning & paper': 'CLE',
  Bakery: 'BAK',
  'Food to go': 'FTG',
};

/** EAN-13 in Ireland's GS1 range (539), one invented company number per brand. */
class Barcodes {
  private readonly companies = new Map<string, { company: string; items: number }>();

  next(brand: string): string {
    let entry = this.companies.get(brand);
    if (!entry) {
      entry = { company: String(2000 + this.companies.size * 37).padStart(4, '0'), items: 0 };
      this.companies.set(brand, entry);
    }
    entry.items += 1;
    return withGtinCheckDigit(`539${entry.company}${String(entry.items * 10).padStart(5, '0')}`);
  }
}

/** "Brand Variant Product Size"; a variant like "in Brine" or "with Garlic" reads after the product. */
export function productName(line: ProductLine, variant: string): string {
  const trailing = /^[a-z]/.test(variant);
  const parts = trailing ? [line.brand, line.product, variant, line.size] : [line.brand, variant, line.product, line.size];
  return parts.filter((part) => part !== '').join(' ');
}

function makeProduct(sku: string, upc: string, category: string, line: ProductLine, variant: string, net: number): Product {
  const name = productName(line, variant);
  // Packs are filled slightly over the declared amount; packaging varies by a few per cent.
  const overfill = 0.003 + 0.022 * hashUnit(`${name}/fill`);
  const packaging = line.pack * (0.92 + 0.16 * hashUnit(`${name}/pack`));
  const cv = line.cv ?? 0.01;
  return {
    sku,
    upc,
    name,
    category,
    priceMinor: line.price,
    weightMeanG: round1(net * (1 + overfill) + packaging),
    weightStdG: Math.max(0.2, round1(Math.hypot(net * cv, line.pack * 0.02))),
    ageRestricted: line.ageRestricted ?? false,
  };
}

/** Every product, and the products of each shelf (by shelf id) in display order. */
export function buildCatalog(): { products: Product[]; byShelf: Map<string, ShelfProduct[]> } {
  const products: Product[] = [];
  const byShelf = new Map<string, ShelfProduct[]>();
  const counters = new Map<string, number>();
  const barcodes = new Barcodes();
  for (const spec of FIXTURES) {
    const plans = MERCHANDISE[spec.id];
    for (const face of ['front', 'back'] as const) {
      for (const [level, plan] of (plans?.[face] ?? []).entries()) {
        const placed: ShelfProduct[] = [];
        const prefix = SKU_PREFIX[plan.category];
        if (!prefix) throw new Error(`no SKU prefix for category "${plan.category}"`);
        for (const line of plan.lines) {
          for (const variant of line.variants) {
            const [name, net] = typeof variant === 'string' ? [variant, line.net] : variant;
            const n = (counters.get(prefix) ?? 0) + 1;
            counters.set(prefix, n);
            const sku = `${prefix}-${String(n).padStart(4, '0')}`;
            const product = makeProduct(sku, barcodes.next(line.brand), plan.category, line, name, net);
            products.push(product);
            placed.push({ product, line });
          }
        }
        byShelf.set(shelfId(spec.id, face, level), placed);
      }
    }
  }
  return { products, byShelf };
}
