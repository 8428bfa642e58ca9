// The review desk on the real receipt service (main/payments), as the app wires them: receipts the
// engine held are recorded by payments, and what a reviewer decides reaches the right receipt —
// found by live run and session, since the engine's ids (and here even the entry nonces) repeat in
// every run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreDatabase } from '../db';
import { createPaymentsService, type PaymentsService } from '../payments/payments-service';
import { createReviewReceiptIssuer } from '../payments/review-issuer';
import { createReviewDesk, type ReviewDesk } from './review-desk';
import { storeDecisions, storyDatabase, tailgaterDecisions, testStore } from './test-support';

let db: StoreDatabase;
let payments: PaymentsService;
let desk: ReviewDesk;

beforeEach(async () => {
  db = storyDatabase(2);
  storeDecisions(db, tailgaterDecisions(), 1);
  storeDecisions(db, tailgaterDecisions(), 2);
  payments = createPaymentsService({ db, store: testStore, log: () => undefined, env: {}, wallNow: () => 1_800_000_000_000 });
  await payments.pump();
  let clock = 1_800_000_000_000;
  desk = createReviewDesk({ db, store: testStore, issuer: createReviewReceiptIssuer(payments), now: () => ++clock });
});
afterEach(async () => {
  await payments.stop();
  db.close();
});

const receiptId = (key: string) => `${testStore.layout.id}.${key}`;

describe('review decisions reaching the payment side', () => {
  it('closes a tailgater’s held receipt of one run uncharged, leaving the same session id of the other run held', async () => {
    expect(payments.receipt(receiptId('r2.A1'))).toMatchObject({ status: 'held-for-review', totalMinor: 200 });
    expect(payments.receipt(receiptId('r2.A1'))!.account).toBeUndefined();

    const a1 = await desk.waive({ sessionId: 'r2.A1', reason: 'no-account', note: 'tailgater behind S3' }, 'rita');
    expect(a1.waiver!.payment).toEqual({ state: 'issued', reference: receiptId('r2.A1') });
    expect(payments.receipt(receiptId('r2.A1'))!.status).toBe('waived');
    expect(payments.receipt(receiptId('r1.A1'))!.status).toBe('held-for-review');
    expect(db.receipts.payments(receiptId('r2.A1'))).toEqual([]);
    // Both sides audited: the reviewer's decision and the receipt it closed.
    expect(db.audit.list({ limit: 5, subject: 'session:r2.A1' }).map((e) => e.action)).toEqual(['review.waive']);
    expect(db.audit.list({ limit: 5, subject: `receipt:${receiptId('r2.A1')}` })).toEqual([
      expect.objectContaining({ actor: 'rita', action: 'receipt.waive', reason: 'waived in review: no-account: tailgater behind S3' }),
    ]);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('charges the approved receipt of the right run, though the entry nonce repeats across runs', async () => {
    const s1 = await desk.approve({ sessionId: 'r2.S1', note: 'checked' }, 'rita');
    expect(s1.approval!.payment).toEqual({ state: 'issued', reference: receiptId('r2.S1') });
    expect(payments.receipt(receiptId('r2.S1'))!.status).toBe('approved');
    expect(payments.receipt(receiptId('r1.S1'))!.status).toBe('held-for-review');
  });

  it('waives a shopper with an account on purpose: the receipt is closed and nothing is charged', async () => {
    const s2 = await desk.waive({ sessionId: 'r1.S2', reason: 'goodwill', note: 'waited at a broken gate', waiveAccountCharge: true }, 'mia');
    expect(s2.waiver!.payment.state).toBe('issued');
    expect(payments.receipt(receiptId('r1.S2'))!.status).toBe('waived');
    expect(db.receipts.outboxCounts().pending).toBe(2); // the two runs' S3 charged by the engine, nothing more
  });
});
