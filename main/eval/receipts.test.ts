// Receipt metrics on hand-made decision sets whose scores are worked out by hand.
import { describe, expect, it } from 'vitest';
import type { ReceiptDecision } from '../engine/decisions';
import { issueEntryToken, keyFromHex } from '../engine/fusion/entry-token';
import type { SimSession } from '../sim/world';
import { scoreReceipts } from './receipts';

const key = keyFromHex('ab'.repeat(32));
function session(nonce: string, receipt: SimSession['receipt']): SimSession {
  const token = issueEntryToken(key, { account: `a-${nonce}`, store: 's', issuedAtMs: 0, expiresAtMs: 1e9, nonce, groupSize: 1 });
  return { id: `S-${nonce}`, token, account: `a-${nonce}`, memberIds: [1], entryMs: 0, exitMs: 1, receipt };
}
function receipt(nonce: string | undefined, lines: [string, number][], status: ReceiptDecision['status'] = 'charged'): ReceiptDecision {
  return {
    kind: 'receipt',
    t: 1,
    sessionId: `E-${nonce ?? 'anon'}`,
    ...(nonce ? { tokenNonce: nonce } : {}),
    status,
    lines: lines.map(([sku, quantity]) => ({ sku, quantity, confidence: 1 })),
    flags: status === 'charged' ? [] : ['low-posterior'],
  };
}

describe('scoreReceipts', () => {
  it('scores perfect receipts as 1 everywhere', () => {
    const truth = [session('n1', [{ sku: 'A', quantity: 2 }]), session('n2', [])];
    const m = scoreReceipts(truth, [receipt('n1', [['A', 2]]), receipt('n2', [])]);
    expect(m).toMatchObject({ receipt_precision: 1, receipt_recall: 1, receipt_f1: 1, exact_receipt_rate: 1, review_rate: 0, unflagged_exact_rate: 1 });
  });

  it('counts units: a wrong quantity, a wrong product and a missed product', () => {
    // n1: truth A×3, B×1; predicted A×2, C×1 → TP 2, FP 1 (C), FN 2 (one A, one B)
    // n2: truth D×1; predicted D×1 (held for review) → TP 1
    const truth = [session('n1', [{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 1 }]), session('n2', [{ sku: 'D', quantity: 1 }])];
    const m = scoreReceipts(truth, [receipt('n1', [['A', 2], ['C', 1]]), receipt('n2', [['D', 1]], 'held-for-review')]);
    expect(m.counts).toMatchObject({ tp: 3, fp: 1, fn: 2 });
    expect(m.receipt_precision).toBeCloseTo(3 / 4, 12);
    expect(m.receipt_recall).toBeCloseTo(3 / 5, 12);
    expect(m.receipt_f1).toBeCloseTo((2 * 0.75 * 0.6) / 1.35, 12);
    expect(m.exact_receipt_rate).toBe(0.5);
    expect(m.review_rate).toBe(0.5);
    expect(m.unflagged_exact_rate).toBe(0);
  });

  it('matches sessions by token nonce, not by the engine session id', () => {
    const truth = [session('n1', [{ sku: 'A', quantity: 1 }]), session('n2', [{ sku: 'B', quantity: 1 }])];
    // Right products on the wrong shoppers: every unit is both a false positive and a miss.
    const m = scoreReceipts(truth, [receipt('n1', [['B', 1]]), receipt('n2', [['A', 1]])]);
    expect(m.counts).toMatchObject({ tp: 0, fp: 2, fn: 2 });
    expect(m.receipt_f1).toBe(0);
  });

  it('counts a session without a receipt as missed and not exact, even when it bought nothing', () => {
    const m = scoreReceipts([session('n1', [{ sku: 'A', quantity: 1 }]), session('n2', [])], []);
    expect(m.counts).toMatchObject({ tp: 0, fp: 0, fn: 1, missingReceipts: 2 });
    expect(m.receipt_precision).toBeNull();
    expect(m.receipt_recall).toBe(0);
    expect(m.receipt_f1).toBe(0);
    expect(m.exact_receipt_rate).toBe(0);
    expect(m.review_rate).toBeNull();
  });

  it('keeps anonymous receipts out of precision and recall but in the review rate', () => {
    const m = scoreReceipts([session('n1', [])], [receipt('n1', []), receipt(undefined, [['A', 1]], 'held-for-review')]);
    expect(m.counts.anonymousReceipts).toBe(1);
    expect(m.counts.fp).toBe(0);
    expect(m.review_rate).toBe(0.5);
  });

  it('tells holds for a doubt from holds by policy (age-restricted products, tailgaters)', () => {
    const held = (nonce: string, flags: ReceiptDecision['flags']): ReceiptDecision => ({ ...receipt(nonce, []), status: 'held-for-review', flags });
    const truth = ['n1', 'n2', 'n3', 'n4'].map((n) => session(n, []));
    const m = scoreReceipts(truth, [held('n1', ['age-restricted']), held('n2', ['tailgating']), held('n3', ['age-restricted', 'close-second']), receipt('n4', [])]);
    expect(m.review_rate).toBe(0.75);
    expect(m.doubt_review_rate).toBe(0.25);
  });
});
