import { describe, expect, it } from 'vitest';
import {
  CorrectionRefusedError,
  NOBODY,
  cartOf,
  correctionActionRequestSchema,
  inverseOf,
  performCorrection,
  performCorrections,
  sessionsOfAction,
  type Carts,
  type CorrectionAction,
} from './review-actions';

const carts: Carts = {
  S1: cartOf([{ sku: 'cola', quantity: 2 }, { sku: 'chips', quantity: 1 }], ['E7', 'E3']),
  S2: cartOf([{ sku: 'water', quantity: 1 }], ['E5']),
};

const everyKind: CorrectionAction[] = [
  { type: 'add-line', sessionId: 'S1', sku: 'gum', quantity: 3 },
  { type: 'add-line', sessionId: 'S1', sku: 'cola', quantity: 1 },
  { type: 'remove-line', sessionId: 'S1', sku: 'cola', quantity: 2 },
  { type: 'remove-line', sessionId: 'S1', sku: 'cola', quantity: 1 },
  { type: 'change-line', sessionId: 'S1', from: { sku: 'cola', quantity: 2 }, to: { sku: 'cola-zero', quantity: 2 } },
  { type: 'change-line', sessionId: 'S1', from: { sku: 'cola', quantity: 1 }, to: { sku: 'chips', quantity: 1 } },
  { type: 'change-line', sessionId: 'S1', from: { sku: 'cola', quantity: 2 }, to: { sku: 'cola', quantity: 1 } },
  { type: 'reassign-event', eventId: 'E7', from: 'S1', to: 'S2', items: [{ sku: 'cola', quantity: 2 }] },
  { type: 'reassign-event', eventId: 'E7', from: 'S1', to: NOBODY, items: [{ sku: 'cola', quantity: 2 }] },
  { type: 'reassign-event', eventId: 'E9', from: NOBODY, to: 'S2', items: [{ sku: 'gum', quantity: 1 }] },
  // A put-back charged to the wrong session: moving it takes a unit out of the new owner's cart.
  { type: 'reassign-event', eventId: 'E9', from: NOBODY, to: 'S1', items: [{ sku: 'chips', quantity: -1 }] },
];

describe('cart corrections', () => {
  it('keeps carts canonical: sorted lines, no zero lines, sorted events', () => {
    expect(carts.S1).toEqual({ lines: [{ sku: 'chips', quantity: 1 }, { sku: 'cola', quantity: 2 }], events: ['E3', 'E7'] });
    const after = performCorrection(carts, { type: 'remove-line', sessionId: 'S1', sku: 'chips', quantity: 1 });
    expect(after.S1!.lines).toEqual([{ sku: 'cola', quantity: 2 }]);
  });

  it('changes a product in place of another, and a quantity', () => {
    const product = performCorrection(carts, everyKind[4]!);
    expect(product.S1!.lines).toEqual([{ sku: 'chips', quantity: 1 }, { sku: 'cola-zero', quantity: 2 }]);
    const quantity = performCorrection(carts, everyKind[6]!);
    expect(quantity.S1!.lines).toEqual([{ sku: 'chips', quantity: 1 }, { sku: 'cola', quantity: 1 }]);
  });

  it('moves an event and its units from one session to another', () => {
    const after = performCorrection(carts, everyKind[7]!);
    expect(after.S1).toEqual({ lines: [{ sku: 'chips', quantity: 1 }], events: ['E3'] });
    expect(after.S2).toEqual({ lines: [{ sku: 'cola', quantity: 2 }, { sku: 'water', quantity: 1 }], events: ['E5', 'E7'] });
  });

  it('never mutates the carts it is given', () => {
    const frozen = structuredClone(carts);
    for (const action of everyKind) performCorrection(carts, action);
    expect(carts).toEqual(frozen);
  });

  it.each(everyKind.map((action) => [action.type, action] as const))('undoes %s exactly: inverse after perform gives the carts back', (_type, action) => {
    const after = performCorrection(carts, action);
    expect(after).not.toEqual(carts);
    expect(performCorrection(after, inverseOf(action))).toEqual(carts);
    expect(inverseOf(inverseOf(action))).toEqual(action);
  });

  it('undoes a sequence by performing the inverses in reverse order', () => {
    const sequence: CorrectionAction[] = [
      everyKind[0]!,
      everyKind[7]!,
      { type: 'change-line', sessionId: 'S2', from: { sku: 'cola', quantity: 2 }, to: { sku: 'cola-zero', quantity: 1 } },
      everyKind[9]!,
    ];
    const after = performCorrections(carts, sequence);
    expect(performCorrections(after, sequence.map(inverseOf).reverse())).toEqual(carts);
  });

  it('refuses to remove more than the cart holds, naming the line', () => {
    expect(() => performCorrection(carts, { type: 'remove-line', sessionId: 'S1', sku: 'cola', quantity: 3 })).toThrow(
      new CorrectionRefusedError("S1's cart holds 2 × cola, not 3"),
    );
    expect(() => performCorrection(carts, { type: 'change-line', sessionId: 'S2', from: { sku: 'gum', quantity: 1 }, to: { sku: 'water', quantity: 2 } })).toThrow(
      CorrectionRefusedError,
    );
  });

  it('refuses to move an event the cart does not hold, or into a cart that already holds it', () => {
    expect(() => performCorrection(carts, { type: 'reassign-event', eventId: 'E5', from: 'S1', to: 'S2', items: [] })).toThrow(/E5 is not in S1's cart/);
    expect(() => performCorrection(carts, { type: 'reassign-event', eventId: 'E5', from: NOBODY, to: 'S2', items: [] })).toThrow(/E5 is already in S2's cart/);
  });

  it('refuses a session whose cart is not in the set', () => {
    expect(() => performCorrection(carts, { type: 'add-line', sessionId: 'S9', sku: 'gum', quantity: 1 })).toThrow(/S9 is not open for correction/);
  });

  it('names the sessions an action touches, leaving out nobody', () => {
    expect(sessionsOfAction(everyKind[7]!)).toEqual(['S1', 'S2']);
    expect(sessionsOfAction(everyKind[8]!)).toEqual(['S1']);
    expect(sessionsOfAction(everyKind[0]!)).toEqual(['S1']);
  });
});

describe('correction requests (what a client may send)', () => {
  it('accepts each kind', () => {
    expect(correctionActionRequestSchema.safeParse({ type: 'add-line', sessionId: 'S1', sku: 'gum', quantity: 2 }).success).toBe(true);
    expect(correctionActionRequestSchema.safeParse({ type: 'reassign-event', eventId: 'E1', from: 'S1', to: 'nobody' }).success).toBe(true);
  });

  it('refuses client-supplied event effects, zero or fractional units, and no-op changes', () => {
    const bad = [
      { type: 'reassign-event', eventId: 'E1', from: 'S1', to: 'S2', items: [{ sku: 'gold', quantity: -100 }] },
      { type: 'reassign-event', eventId: 'E1', from: 'S1', to: 'S1' },
      { type: 'add-line', sessionId: 'S1', sku: 'gum', quantity: 0 },
      { type: 'remove-line', sessionId: 'S1', sku: 'gum', quantity: 1.5 },
      { type: 'change-line', sessionId: 'S1', from: { sku: 'a', quantity: 1 }, to: { sku: 'a', quantity: 1 } },
      { type: 'drop-table', sessionId: 'S1' },
    ];
    for (const input of bad) expect(correctionActionRequestSchema.safeParse(input).success, JSON.stringify(input)).toBe(false);
  });
});
