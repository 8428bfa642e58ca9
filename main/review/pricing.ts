// Prices cart lines from the store's catalog, in minor units of its currency, so what a reviewer
// approves, what the shopper is charged and what a refund gives back add up to the same cents.
import type { CartItem } from '../../native-bridge/contract/review-actions';
import type { Product } from '../store/schema';
import type { PricedLine } from './receipt-issuer';

export interface Pricing {
  has(sku: string): boolean;
  name(sku: string): string;
  /** Throws for a SKU the catalog does not have: a line nobody can price must not be charged. */
  price(items: readonly CartItem[]): { lines: PricedLine[]; totalMinor: number };
  /** For showing: a SKU the catalog lacks is priced at 0 and named as missing instead of throwing. */
  describe(items: readonly CartItem[]): { lines: PricedLine[]; totalMinor: number };
}

export function createPricing(catalog: readonly Product[]): Pricing {
  const bySku = new Map(catalog.map((product) => [product.sku, product]));
  const priceWith = (missing: (sku: string) => PricedLine['name']) => (items: readonly CartItem[]) => {
    const lines = items.map(({ sku, quantity }) => {
      const product = bySku.get(sku);
      const unitPriceMinor = product?.priceMinor ?? 0;
      return { sku, name: product?.name ?? missing(sku), quantity, unitPriceMinor, amountMinor: unitPriceMinor * quantity };
    });
    return { lines, totalMinor: lines.reduce((sum, line) => sum + line.amountMinor, 0) };
  };
  return {
    has: (sku) => bySku.has(sku),
    name: (sku) => bySku.get(sku)?.name ?? sku,
    price: priceWith((sku) => {
      throw new Error(`product ${sku} is not in the catalog`);
    }),
    describe: priceWith((sku) => `${sku} (not in the catalog)`),
  };
}
