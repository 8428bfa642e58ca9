// Shelf events against the truth of what happened (an AutoCheckout sample's truth.json): an event
// matches a true action on the same gondola and shelf, sharing a plate, overlapping it in time give
// or take `toleranceS`; each is matched at most once, nearest start first. Precision and recall of
// the events, and of the matched ones, how many named the right product and the right quantity.
import type { ShelfEventLine } from './shelf-events';
import type { TruthEvent } from './autocheckout-sample';

export interface EventScore {
  truth: number;
  detected: number;
  matched: number;
  precision: number;
  recall: number;
  /** Matched events naming the true product. */
  productAccuracy: number;
  /** Matched events naming the true product and quantity. */
  quantityAccuracy: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function scoreShelfEvents(detected: readonly ShelfEventLine[], truth: readonly TruthEvent[], toleranceS = 1.5): EventScore {
  const used = new Uint8Array(detected.length);
  let matched = 0;
  let product = 0;
  let quantity = 0;
  for (const t of [...truth].sort((a, b) => a.start - b.start)) {
    let best = -1;
    for (let i = 0; i < detected.length; i++) {
      const d = detected[i]!;
      if (used[i] || d.gondola !== t.gondola || d.shelf !== t.shelf) continue;
      if (!d.plates.some((p) => t.plates.includes(p as number))) continue;
      if (d.start > t.end + toleranceS || d.end < t.start - toleranceS) continue;
      if (best < 0 || Math.abs(d.start - t.start) < Math.abs(detected[best]!.start - t.start)) best = i;
    }
    if (best < 0) continue;
    used[best] = 1;
    matched++;
    const d = detected[best]!;
    if (d.product === t.product) {
      product++;
      if (d.quantity === t.quantity) quantity++;
    }
  }
  return {
    truth: truth.length,
    detected: detected.length,
    matched,
    precision: ratio(matched, detected.length),
    recall: ratio(matched, truth.length),
    productAccuracy: ratio(product, matched),
    quantityAccuracy: ratio(quantity, matched),
  };
}
