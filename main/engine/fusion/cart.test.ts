// The cart: picks accumulate with the weakest confidence behind them and what they weighed; units
// put back come out with their weight, so what is left keeps an honest weight.
import { describe, expect, it } from 'vitest';
import { Cart } from './cart';

describe('cart', () => {
  it('adds picks per SKU, keeping the lowest confidence and the weight taken', () => {
    const cart = new Cart();
    cart.add('A', 1, 0.9, 180);
    cart.add('B', 2, 0.8, 800);
    cart.add('A', 2, 0.7, 362);
    expect(cart.list()).toEqual([
      { sku: 'A', quantity: 3, confidence: 0.7 },
      { sku: 'B', quantity: 2, confidence: 0.8 },
    ]);
    expect(cart.held()).toEqual(
      new Map([
        ['A', { units: 3, grams: 542 }],
        ['B', { units: 2, grams: 800 }],
      ]),
    );
  });

  it('removes what it holds of a put-back, with its weight, and no more', () => {
    const cart = new Cart();
    cart.add('A', 2, 0.9, 360);
    expect(cart.remove('A', 1, 178)).toBe(1);
    expect(cart.held().get('A')).toEqual({ units: 1, grams: 182 });
    expect(cart.remove('A', 2, 364)).toBe(1);
    expect(cart.held().size).toBe(0);
    expect(cart.remove('B', 1, 100)).toBe(0);
  });

  it('keeps the weight left within reason when a put-back weighed oddly', () => {
    const cart = new Cart();
    cart.add('A', 2, 0.9, 360);
    cart.remove('A', 1, 400);
    // Never less than half of what one unit weighed on the way out.
    expect(cart.held().get('A')).toEqual({ units: 1, grams: 90 });
  });
});
