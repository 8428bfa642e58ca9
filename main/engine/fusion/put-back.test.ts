// Put-backs read against the cart: the unit that comes back is one that was taken, so the weight it
// was taken with decides between look-alikes; a put-back nothing held explains is not forced on the cart.
import { describe, expect, it } from 'vitest';
import type { ShelfEventDecision } from '../decisions';
import type { Holding } from './cart';
import { defaultFusionOptions } from './options';
import { PutBackReader } from './put-back';
import { testStore } from './test-support';

const reader = new PutBackReader(new Map(testStore.catalog.map((p) => [p.sku, p])), new Map(testStore.planogram.map((f) => [f.plate, f.sku])), defaultFusionOptions);

function putBack(grams: number, hypotheses: ShelfEventDecision['hypotheses'], plate = 'P4'): ShelfEventDecision {
  return { kind: 'shelf-event', id: 'e', t: 0, startMs: 0, endMs: 0, fixture: 'F1', shelf: 'F1-S1', plates: [plate], deltaGrams: [grams], hypotheses };
}

const held = (...lines: [string, number, number][]) => new Map<string, Holding>(lines.map(([sku, units, grams]) => [sku, { units, grams }]));

describe('put-back reader', () => {
  it('reads a put-back as the held product whose taken unit weighed the same, over the shelf’s look-alike', () => {
    // Apples (180 g) and cheese (200 g) are held; 191 g comes back onto the cheese plate. By the
    // catalog it is nearer a cheese, but the apple taken weighed 191 g, the cheese 199 g.
    const reading = reader.read(putBack(191, [{ sku: 'CHEESE', quantity: -1, probability: 0.8 }]), held(['APPLE', 1, 191], ['CHEESE', 1, 199]));
    expect(reading).toMatchObject({ sku: 'APPLE', quantity: -1, fromCart: true, shelfRank: -1 });
    expect(reading!.probability).toBeGreaterThan(0.9);
    expect(reading!.z).toBeLessThan(0.5);
  });

  it('reads how many units of a held product came back', () => {
    const reading = reader.read(putBack(721, [{ sku: 'APPLE', quantity: -4, probability: 0.9 }]), held(['APPLE', 5, 900]));
    expect(reading).toMatchObject({ sku: 'APPLE', quantity: -4, fromCart: true, shelfRank: 0 });
  });

  it('keeps the shelf’s reading, not from the cart, when nothing held fits the weight', () => {
    const reading = reader.read(putBack(1200, [{ sku: 'WINE', quantity: -1, probability: 0.9 }]), held(['APPLE', 1, 180]));
    expect(reading).toMatchObject({ sku: 'WINE', quantity: -1, fromCart: false });
    expect(reader.fit(putBack(1200, [{ sku: 'WINE', quantity: -1, probability: 0.9 }]), held(['APPLE', 1, 180]))).toBe(defaultFusionOptions.putBackUnheldFit);
  });

  it('fits a cart fully when a held unit explains the weight, and reads picks as no put-back at all', () => {
    expect(reader.fit(putBack(180, [{ sku: 'APPLE', quantity: -1, probability: 0.9 }]), held(['APPLE', 1, 180]))).toBe(1);
    expect(reader.read(putBack(-180, [{ sku: 'APPLE', quantity: 1, probability: 0.9 }]), held(['APPLE', 1, 180]))).toBeUndefined();
  });
});
