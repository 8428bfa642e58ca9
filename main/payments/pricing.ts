// Receipt lines priced from the catalog. An item the catalog does not know (it changed since the
// receipt was decided) cannot be priced, so it is reported instead of charged at a guessed price.
import type { ReceiptLineRecord } from '../db';
import type { Product } from '../store/schema';

export interface PricedReceipt {
  lines: ReceiptLineRecord[];
  totalMinor: number;
  /** SKUs the catalog does not know (priced at 0 here; the receipt must be held). */
  unknown: string[];
}

/** `lines` may carry their own unit price (a reviewer's priced correction); otherwise the catalog's. */
export function priceLines(
  catalog: ReadonlyMap<string, Product>,
  lines: readonly { sku: string; quantity: number; unitPriceMinor?: number }[],
): PricedReceipt {
  const priced: ReceiptLineRecord[] = [];
  const unknown: string[] = [];
  let totalMinor = 0;
  for (const line of lines) {
    const product = catalog.get(line.sku);
    if (!product && line.unitPriceMinor === undefined) unknown.push(line.sku);
    const unitPriceMinor = line.unitPriceMinor ?? product?.priceMinor ?? 0;
    const amountMinor = unitPriceMinor * line.quantity;
    priced.push({ sku: line.sku, name: product?.name ?? line.sku, quantity: line.quantity, unitPriceMinor, amountMinor });
    totalMinor += amountMinor;
  }
  return { lines: priced, totalMinor, unknown };
}
