// The cart: picks accumulate with the weakest confidence behind them; put-backs are read against
// what is held before the shelf's own ranking, and what cannot be matched is reported.
import { describe, expect, it } from 'vitest';
import { Cart } from './cart';

describe('cart', () => {
  it('adds picks per SKU, keeping the lowest confidence', () => {
    const cart = new Cart();
    cart.add('A', 1, 0.9);
    cart.add('B', 2, 0.8);
    cart.add('A', 2, 0.7);
    expect(cart.list()).toEqual([
      { sku: 'A', quantity: 3, confidence: 0.7 },
      { sku: 'B', quantity: 2, confidence: 0.8 },
    ]);
  });

  it('prefers a put-back reading the cart fully covers over the shelf’s top reading', () => {
    const cart = new Cart();
    cart.add('A', 1, 0.9);
    cart.add('B', 1, 0.9);
    const reading = cart.putBack([
      { sku: 'C', quantity: -1, probability: 0.6 },
      { sku: 'B', quantity: -2, probability: 0.25 },
      { sku: 'A', quantity: -1, probability: 0.15 },
    ]);
    expect(reading).toMatchObject({ rank: 2, removed: 1, unmatched: 0, hypothesis: { sku: 'A' } });
    expect(cart.list()).toEqual([{ sku: 'B', quantity: 1, confidence: 0.9 }]);
  });

  it('removes what is held of a partly covered reading and reports the rest', () => {
    const cart = new Cart();
    cart.add('B', 1, 0.9);
    const reading = cart.putBack([{ sku: 'B', quantity: -2, probability: 0.9 }]);
    expect(reading).toMatchObject({ rank: 0, removed: 1, unmatched: 1 });
    expect(cart.list()).toEqual([]);
  });

  it('falls back to the shelf’s top reading when nothing matches the cart', () => {
    const cart = new Cart();
    cart.add('A', 1, 0.9);
    expect(cart.putBack([{ sku: 'C', quantity: -1, probability: 0.7 }, { sku: 'D', quantity: -1, probability: 0.3 }])).toMatchObject({ rank: 0, removed: 0, unmatched: 1 });
    expect(cart.putBack([{ sku: 'C', quantity: 1, probability: 1 }])).toBeUndefined();
  });
});
