import { describe, expect, it } from 'vitest';
import { NOBODY } from '../../../../native-bridge/contract';
import {
  cartChanges,
  describeCorrection,
  eventGroups,
  lineEditRequest,
  paymentLabel,
  previewCorrection,
  productNames,
  reassignChoices,
  waiveDecision,
  waiveReasonChoices,
  waiverPaymentLabel,
} from './review-selectors';
import { sampleSession } from './review-test-data';

const session = sampleSession();
const name = productNames(session);

describe('review selectors', () => {
  it('says each correction in words, with product names', () => {
    expect(describeCorrection({ type: 'add-line', sessionId: 'r1.S1', sku: 'WINE', quantity: 2 }, name)).toBe('Added 2 × Wine');
    expect(describeCorrection({ type: 'remove-line', sessionId: 'r1.S1', sku: 'APPLE', quantity: 1 }, name)).toBe('Removed 1 × Apple');
    expect(describeCorrection({ type: 'change-line', sessionId: 'r1.S1', from: { sku: 'APPLE', quantity: 1 }, to: { sku: 'APPLE', quantity: 3 } }, name)).toBe('Changed Apple from 1 to 3');
    expect(describeCorrection({ type: 'change-line', sessionId: 'r1.S1', from: { sku: 'APPLE', quantity: 1 }, to: { sku: 'WINE', quantity: 1 } }, name)).toBe('Changed 1 × Apple to 1 × Wine');
    expect(describeCorrection({ type: 'reassign-event', eventId: 'E1', from: 'r1.S1', to: NOBODY, items: [{ sku: 'APPLE', quantity: 1 }] }, name)).toBe(
      'Moved event E1 (1 × Apple) from r1.S1 to nobody (staff or no shopper)',
    );
    expect(name('UNKNOWN')).toBe('UNKNOWN');
  });

  it('previews the cart a correction leaves, with the same rules the host applies', () => {
    expect(previewCorrection(session, { type: 'add-line', sessionId: 'r1.S1', sku: 'WINE', quantity: 1 })).toEqual({
      cart: { lines: [{ sku: 'APPLE', quantity: 1 }, { sku: 'BREAD', quantity: 1 }, { sku: 'WINE', quantity: 1 }], events: ['E1', 'E2'] },
    });
    expect(previewCorrection(session, { type: 'reassign-event', eventId: 'E1', from: 'r1.S1', to: 'r1.S2' })).toEqual({
      cart: { lines: [{ sku: 'BREAD', quantity: 1 }], events: ['E2'] },
    });
    expect(previewCorrection(session, { type: 'reassign-event', eventId: 'E3', from: NOBODY, to: 'r1.S1' })).toEqual({
      cart: { lines: [{ sku: 'APPLE', quantity: 1 }, { sku: 'BREAD', quantity: 1 }, { sku: 'WINE', quantity: 1 }], events: ['E1', 'E2', 'E3'] },
    });
    expect(previewCorrection(session, { type: 'remove-line', sessionId: 'r1.S1', sku: 'APPLE', quantity: 2 })).toEqual({ refused: "r1.S1's cart holds 1 × APPLE, not 2" });
    expect(previewCorrection(session, { type: 'add-line', sessionId: 'r1.S2', sku: 'WINE', quantity: 1 })).toHaveProperty('refused');
    expect(previewCorrection(session, { type: 'reassign-event', eventId: 'E9', from: NOBODY, to: 'r1.S1' })).toHaveProperty('refused');
  });

  it('offers moves out of this cart to runners-up or nobody, and into it from whoever holds the event', () => {
    const [e1, , e3] = session.events;
    expect(reassignChoices(session, e1!).map((c) => [c.label, c.request])).toEqual([
      ['Move to r1.S2', { type: 'reassign-event', eventId: 'E1', from: 'r1.S1', to: 'r1.S2' }],
      ['Charge to nobody (staff, not a shopper)', { type: 'reassign-event', eventId: 'E1', from: 'r1.S1', to: NOBODY }],
    ]);
    expect(reassignChoices(session, e3!).map((c) => c.request)).toEqual([{ type: 'reassign-event', eventId: 'E3', from: NOBODY, to: 'r1.S1' }]);
    expect(eventGroups(session)).toEqual({ inCart: [session.events[0], session.events[1]], elsewhere: [session.events[2]] });
  });

  it('lists the lines that changed from the engine cart', () => {
    const after = { lines: [{ sku: 'BREAD', quantity: 3 }, { sku: 'WINE', quantity: 1 }], events: [] };
    expect(cartChanges(session.engineCart, after)).toEqual([
      { sku: 'APPLE', before: 1, after: 0 },
      { sku: 'BREAD', before: 1, after: 3 },
      { sku: 'WINE', before: 0, after: 1 },
    ]);
    expect(cartChanges(session.engineCart, session.cart)).toEqual([]);
  });

  it('names payment states', () => {
    expect(paymentLabel({ state: 'issued', reference: 'pay-1' })).toBe('sent to payment · pay-1');
    expect(paymentLabel({ state: 'failed', error: 'endpoint down' })).toBe('payment failed: endpoint down');
    expect(paymentLabel({ state: 'pending' })).toBe('payment pending');
  });
});

describe('line edits', () => {
  const fields = { lineSku: 'APPLE', productSku: 'WINE', quantity: 1 };
  it('turns each form into the correction it describes', () => {
    expect(lineEditRequest(session, 'add-line', fields)).toEqual({ request: { type: 'add-line', sessionId: 'r1.S1', sku: 'WINE', quantity: 1 } });
    expect(lineEditRequest(session, 'remove-line', fields)).toEqual({ request: { type: 'remove-line', sessionId: 'r1.S1', sku: 'APPLE', quantity: 1 } });
    expect(lineEditRequest(session, 'change-quantity', { ...fields, quantity: 3 })).toEqual({
      request: { type: 'change-line', sessionId: 'r1.S1', from: { sku: 'APPLE', quantity: 1 }, to: { sku: 'APPLE', quantity: 3 } },
    });
    expect(lineEditRequest(session, 'change-product', fields)).toEqual({
      request: { type: 'change-line', sessionId: 'r1.S1', from: { sku: 'APPLE', quantity: 1 }, to: { sku: 'WINE', quantity: 1 } },
    });
  });

  it('says what is missing instead of building a correction that changes nothing', () => {
    expect(lineEditRequest(session, 'change-quantity', fields)).toEqual({ invalid: 'that is the quantity already' });
    expect(lineEditRequest(session, 'change-product', { ...fields, productSku: 'APPLE' })).toEqual({ invalid: 'choose a different product' });
    expect(lineEditRequest(session, 'remove-line', { ...fields, lineSku: '' })).toEqual({ invalid: 'choose a line of the cart' });
    expect(lineEditRequest(session, 'add-line', { ...fields, quantity: 0 })).toHaveProperty('invalid');
    expect(lineEditRequest(session, 'add-line', { ...fields, productSku: '' })).toEqual({ invalid: 'choose a product' });
  });

  describe('closing without charge', () => {
    const tailgater = { anonymous: true } as const;
    const fields = { reason: 'goodwill', note: ' waited at a broken gate ', accountConfirmed: false } as const;

    it('offers "no account" only for a session that came in without a scan', () => {
      expect(waiveReasonChoices(tailgater)).toEqual(['no-account', 'nothing-taken', 'staff-or-restock', 'goodwill', 'other']);
      expect(waiveReasonChoices(session)).toEqual(['nothing-taken', 'staff-or-restock', 'goodwill', 'other']);
    });

    it('needs a note, and for a shopper with an account the reviewer’s explicit choice', () => {
      expect(waiveDecision(tailgater, { ...fields, reason: 'no-account' })).toEqual({ decision: { reason: 'no-account', note: 'waited at a broken gate' } });
      expect(waiveDecision(tailgater, { ...fields, note: '   ' })).toEqual({ invalid: 'say in the note why nobody is charged' });
      expect(waiveDecision(session, fields)).toEqual({ invalid: 'tick the box to let account acct-1 go uncharged on purpose' });
      expect(waiveDecision(session, { ...fields, accountConfirmed: true })).toEqual({ decision: { reason: 'goodwill', note: 'waited at a broken gate', waiveAccountCharge: true } });
      expect(waiveDecision(session, { ...fields, reason: 'no-account', accountConfirmed: true })).toEqual({ invalid: 'this session has an account (acct-1): choose another reason' });
    });

    it('names what the payment side did with the waived receipt', () => {
      expect(waiverPaymentLabel({ state: 'issued', reference: 'demo.r1.A1' })).toBe('receipt closed, nothing charged · demo.r1.A1');
      expect(waiverPaymentLabel({ state: 'failed', error: 'no receipt for session A1' })).toBe('the payment side did not record it: no receipt for session A1');
      expect(waiverPaymentLabel({ state: 'pending' })).toBe('telling the payment side');
    });
  });
});
