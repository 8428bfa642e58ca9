import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../native-bridge/contract/errors';
import type { StoreDatabase } from '../db';
import { createReviewDesk, type ReviewDesk } from './review-desk';
import { RecordingIssuer, storeDecisions, storyDatabase, tailgaterDecisions, testStore } from './test-support';

let db: StoreDatabase;
let issuer: RecordingIssuer;
let desk: ReviewDesk;
let clock: number;

beforeEach(() => {
  db = storyDatabase();
  issuer = new RecordingIssuer();
  clock = 1_800_000_000_000;
  desk = createReviewDesk({ db, store: testStore, issuer, now: () => ++clock });
});
afterEach(() => db.close());

async function refusal(run: () => unknown): Promise<ApiError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected a refusal');
}

const moveApples = { type: 'reassign-event', eventId: 'F1-S1#1', from: 'S1', to: 'S2' } as const;

describe('the review queue', () => {
  it('lists held sessions oldest first with their reasons, leaving out the charged one', () => {
    const queue = desk.queue({ limit: 50, offset: 0 });
    expect(queue.total).toBe(2);
    expect(queue.items).toEqual([
      expect.objectContaining({ sessionId: 'S1', account: 'acct-1', anonymous: false, reasons: ['close-second'], units: 2, corrections: 0 }),
      expect.objectContaining({ sessionId: 'S2', reasons: ['close-second'], units: 0 }),
    ]);
    expect(desk.queue({ limit: 1, offset: 1 }).items.map((i) => i.sessionId)).toEqual(['S2']);
  });
});

describe('a session under review', () => {
  it('shows its flags, its cart priced, and every event it was charged for or came close to', () => {
    const s1 = desk.session('S1');
    expect(s1).toMatchObject({ status: 'held-for-review', editable: true, currency: 'EUR', totalMinor: 250, engineTotalMinor: 250 });
    expect(s1.lines).toEqual([
      { sku: 'APPLE', name: 'Apple', quantity: 1, unitPriceMinor: 50, amountMinor: 50 },
      { sku: 'BREAD', name: 'Bread', quantity: 1, unitPriceMinor: 200, amountMinor: 200 },
    ]);
    expect(s1.events.map((e) => [e.id, e.owner, e.effect])).toEqual([
      ['F1-S1#1', 'S1', [{ sku: 'APPLE', quantity: 1 }]],
      ['F1-S1#2', 'S1', [{ sku: 'BREAD', quantity: 1 }]],
    ]);
    expect(s1.events[0]!.attribution!.candidates.map((c) => [c.sessionId, c.probability])).toEqual([
      ['S1', 0.55],
      ['S2', 0.4],
    ]);
    const s2 = desk.session('S2');
    expect(s2.events.map((e) => [e.id, e.owner, e.effect])).toEqual([
      ['F1-S1#1', 'S1', [{ sku: 'APPLE', quantity: 1 }]],
      ['F1-S1#3', 'nobody', [{ sku: 'WINE', quantity: 1 }]],
    ]);
    expect(s2.flags.map((f) => f.eventId)).toEqual(['F1-S1#1', 'F1-S1#3']);
  });

  it('answers not_found for a session nobody decided anything about', async () => {
    expect((await refusal(() => desk.session('S404'))).code).toBe('not_found');
  });
});

describe('corrections', () => {
  it('moves an event to the runner-up: both carts change, one audit entry says who, why, before and after', () => {
    const s1 = desk.correct({ sessionId: 'S1', action: moveApples, reason: 'wrong-shopper', note: 'video shows S2 taking it' }, 'rita');
    expect(s1.cart).toEqual({ lines: [{ sku: 'BREAD', quantity: 1 }], events: ['F1-S1#2'] });
    expect(s1.totalMinor).toBe(200);
    expect(desk.session('S2').cart).toEqual({ lines: [{ sku: 'APPLE', quantity: 1 }], events: ['F1-S1#1'] });
    expect(desk.session('S2').events.find((e) => e.id === 'F1-S1#1')!.owner).toBe('S2');
    expect(s1.corrections).toEqual([
      expect.objectContaining({ actor: 'rita', reason: 'wrong-shopper', note: 'video shows S2 taking it', action: { ...moveApples, items: [{ sku: 'APPLE', quantity: 1 }] } }),
    ]);
    const [entry] = db.audit.list({ limit: 10, subject: 'session:S1' });
    expect(entry).toMatchObject({ actor: 'rita', action: 'review.correct', reason: 'wrong-shopper: video shows S2 taking it' });
    expect(entry!.before).toMatchObject({ carts: { S1: { lines: [{ sku: 'APPLE', quantity: 1 }, { sku: 'BREAD', quantity: 1 }] }, S2: { lines: [] } } });
    expect(entry!.after).toMatchObject({ carts: { S1: { lines: [{ sku: 'BREAD', quantity: 1 }] }, S2: { lines: [{ sku: 'APPLE', quantity: 1 }] } } });
    expect(db.audit.verify()).toEqual({ ok: true, entries: 1 });
  });

  it('gives an event charged to nobody to a session, and then refuses to give it to another from nobody', async () => {
    const s2 = desk.correct({ sessionId: 'S2', action: { type: 'reassign-event', eventId: 'F1-S1#3', from: 'nobody', to: 'S2' }, reason: 'missed-item', note: '' }, 'rita');
    expect(s2.cart.lines).toEqual([{ sku: 'WINE', quantity: 1 }]);
    const error = await refusal(() =>
      desk.correct({ sessionId: 'S2', action: { type: 'reassign-event', eventId: 'F1-S1#3', from: 'nobody', to: 'S2' }, reason: 'missed-item', note: '' }, 'rita'),
    );
    expect(error).toMatchObject({ code: 'conflict', message: 'event F1-S1#3 is charged to S2 now, not nobody' });
  });

  it('changes a product, a quantity, adds and removes lines', () => {
    desk.correct({ sessionId: 'S1', action: { type: 'change-line', sessionId: 'S1', from: { sku: 'APPLE', quantity: 1 }, to: { sku: 'CHEESE', quantity: 1 } }, reason: 'wrong-product', note: '' }, 'rita');
    desk.correct({ sessionId: 'S1', action: { type: 'change-line', sessionId: 'S1', from: { sku: 'BREAD', quantity: 1 }, to: { sku: 'BREAD', quantity: 3 } }, reason: 'wrong-quantity', note: '' }, 'rita');
    desk.correct({ sessionId: 'S1', action: { type: 'add-line', sessionId: 'S1', sku: 'APPLE', quantity: 2 }, reason: 'missed-item', note: '' }, 'rita');
    const s1 = desk.correct({ sessionId: 'S1', action: { type: 'remove-line', sessionId: 'S1', sku: 'BREAD', quantity: 1 }, reason: 'not-taken', note: '' }, 'rita');
    expect(s1.cart.lines).toEqual([
      { sku: 'APPLE', quantity: 2 },
      { sku: 'BREAD', quantity: 2 },
      { sku: 'CHEESE', quantity: 1 },
    ]);
    expect(s1.totalMinor).toBe(2 * 50 + 2 * 200 + 400);
    expect(s1.engineCart.lines).toHaveLength(2);
  });

  it('refuses what the cart cannot do, a product not in the catalog, and carts that are not under review', async () => {
    expect(await refusal(() => desk.correct({ sessionId: 'S1', action: { type: 'remove-line', sessionId: 'S1', sku: 'BREAD', quantity: 2 }, reason: 'not-taken', note: '' }, 'rita'))).toMatchObject({
      code: 'conflict',
      message: "S1's cart holds 1 × BREAD, not 2",
    });
    expect(await refusal(() => desk.correct({ sessionId: 'S1', action: { type: 'add-line', sessionId: 'S1', sku: 'CAVIAR', quantity: 1 }, reason: 'missed-item', note: '' }, 'rita'))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await refusal(() => desk.correct({ sessionId: 'S3', action: { type: 'add-line', sessionId: 'S3', sku: 'APPLE', quantity: 1 }, reason: 'missed-item', note: '' }, 'rita'))).toMatchObject({
      code: 'conflict',
      message: 'S3 was charged without review: take things back with a refund',
    });
    expect(await refusal(() => desk.correct({ sessionId: 'S1', action: { type: 'add-line', sessionId: 'S2', sku: 'APPLE', quantity: 1 }, reason: 'missed-item', note: '' }, 'rita'))).toMatchObject({
      code: 'invalid_input',
    });
    expect(await refusal(() => desk.correct({ sessionId: 'S1', action: { ...moveApples, to: 'S3' }, reason: 'wrong-shopper', note: '' }, 'rita'))).toMatchObject({ code: 'conflict' });
    expect(db.audit.verify()).toEqual({ ok: true, entries: 0 });
  });

  it('undoes the last correction with an audit entry of its own, the carts exactly as before', () => {
    const before = desk.session('S1');
    desk.correct({ sessionId: 'S1', action: moveApples, reason: 'wrong-shopper', note: '' }, 'rita');
    const undone = desk.undo('S2', 'sam');
    expect(desk.session('S1').cart).toEqual(before.cart);
    expect(undone.cart).toEqual({ lines: [], events: [] });
    expect(undone.corrections[0]!.undone).toEqual({ at: expect.any(Number), by: 'sam' });
    expect(db.audit.list({ limit: 10, subject: 'session:S2' })[0]).toMatchObject({ actor: 'sam', action: 'review.undo', reason: 'undo correction #1' });
    expect(db.audit.verify()).toEqual({ ok: true, entries: 2 });
  });

  it('undoes only in order: a later correction on the other session comes first', async () => {
    desk.correct({ sessionId: 'S1', action: moveApples, reason: 'wrong-shopper', note: '' }, 'rita');
    desk.correct({ sessionId: 'S2', action: { type: 'add-line', sessionId: 'S2', sku: 'BREAD', quantity: 1 }, reason: 'missed-item', note: '' }, 'rita');
    expect(desk.session('S1').undoBlockedBy).toBe('correction #2 on S2 came after it: undo that one first');
    expect((await refusal(() => desk.undo('S1', 'rita'))).code).toBe('conflict');
    desk.undo('S2', 'rita');
    expect(desk.undo('S1', 'rita').cart.lines).toHaveLength(2);
    expect((await refusal(() => desk.undo('S1', 'rita'))).message).toBe('S1 has no correction to undo');
  });
});

describe('approval', () => {
  it('issues the corrected receipt once through the payment adapter and closes the session to corrections', async () => {
    desk.correct({ sessionId: 'S1', action: moveApples, reason: 'wrong-shopper', note: '' }, 'rita');
    const s1 = await desk.approve({ sessionId: 'S1', note: 'checked the video' }, 'rita');
    expect(s1.status).toBe('approved');
    expect(s1.editable).toBe(false);
    expect(s1.approval).toMatchObject({ actor: 'rita', totalMinor: 200, payment: { state: 'issued', reference: 'pay-1' } });
    expect(issuer.issued).toEqual([
      {
        key: 'review:S1:approve',
        receipt: expect.objectContaining({ sessionId: 'S1', tokenNonce: 'n1', account: 'acct-1', currency: 'EUR', totalMinor: 200, approvedBy: 'rita' }),
      },
    ]);
    expect(desk.queue({ limit: 50, offset: 0 }).items.map((i) => i.sessionId)).toEqual(['S2']);
    expect((await refusal(() => desk.approve({ sessionId: 'S1', note: '' }, 'rita'))).message).toBe('S1 is already approved');
    expect((await refusal(() => desk.undo('S1', 'rita'))).message).toBe('S1 is already approved');
    // The event moved into S2 cannot be moved back now that S1 is approved.
    expect(await refusal(() => desk.correct({ sessionId: 'S2', action: { ...moveApples, from: 'S2', to: 'S1' }, reason: 'wrong-shopper', note: '' }, 'rita'))).toMatchObject({ code: 'conflict' });
    expect(issuer.issued).toHaveLength(1);
    expect(db.audit.list({ limit: 10, subject: 'session:S1' }).map((e) => e.action)).toEqual(['review.approve', 'review.correct']);
  });

  it('keeps the approval when the payment side fails, and asking again retries the payment only', async () => {
    issuer.failWith = 'webhook endpoint down';
    const failed = await desk.approve({ sessionId: 'S1', note: '' }, 'rita');
    expect(failed.approval!.payment).toEqual({ state: 'failed', error: 'webhook endpoint down' });
    issuer.failWith = undefined;
    const retried = await desk.approve({ sessionId: 'S1', note: '' }, 'sam');
    expect(retried.approval).toMatchObject({ actor: 'rita', payment: { state: 'issued', reference: 'pay-1' } });
    expect(db.audit.list({ limit: 10, subject: 'session:S1' }).map((e) => e.action)).toEqual(['review.approve']);
  });

  it('asks for a payment left pending by a stopped host again, under the same key', async () => {
    const stalled: RecordingIssuer = Object.assign(new RecordingIssuer(), { issueReviewed: () => new Promise<never>(() => undefined) });
    void createReviewDesk({ db, store: testStore, issuer: stalled, now: () => ++clock }).approve({ sessionId: 'S1', note: '' }, 'rita');
    expect(desk.session('S1').approval!.payment.state).toBe('pending');
    expect(await desk.resumePayments()).toBe(1);
    expect(issuer.issued.map((i) => i.key)).toEqual(['review:S1:approve']);
    expect(desk.session('S1').approval!.payment.state).toBe('issued');
    expect(await desk.resumePayments()).toBe(0);
  });
});

describe('refunds after charge', () => {
  it('refunds part of a charged receipt through the payment adapter, never more than was charged', async () => {
    const s3 = await desk.refund({ sessionId: 'S3', items: [{ sku: 'CHEESE', quantity: 1 }], reason: 'customer-dispute', note: 'one was mouldy' }, 'rita');
    expect(s3.refunds).toEqual([expect.objectContaining({ actor: 'rita', totalMinor: 400, payment: { state: 'issued', reference: 'refund-1' } })]);
    expect(s3.refundable).toEqual([{ sku: 'CHEESE', quantity: 1 }]);
    expect(issuer.refunds).toEqual([{ key: 'review:S3:refund:1', order: expect.objectContaining({ sessionId: 'S3', totalMinor: 400, reason: 'customer-dispute' }) }]);
    expect(await refusal(() => desk.refund({ sessionId: 'S3', items: [{ sku: 'CHEESE', quantity: 2 }], reason: 'customer-dispute', note: '' }, 'rita'))).toMatchObject({
      code: 'conflict',
      message: 'S3 was charged for 1 more × CHEESE at most, not 2',
    });
    expect(db.audit.list({ limit: 10, subject: 'session:S3' }).map((e) => e.action)).toEqual(['review.refund']);
  });

  it('refunds an approved session once its charge went through, and refuses one still held', async () => {
    expect(await refusal(() => desk.refund({ sessionId: 'S1', items: [{ sku: 'BREAD', quantity: 1 }], reason: 'not-taken', note: '' }, 'rita'))).toMatchObject({ code: 'conflict' });
    await desk.approve({ sessionId: 'S1', note: '' }, 'rita');
    const s1 = await desk.refund({ sessionId: 'S1', items: [{ sku: 'BREAD', quantity: 1 }], reason: 'not-taken', note: '' }, 'rita');
    expect(s1.refundable).toEqual([{ sku: 'APPLE', quantity: 1 }]);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 2 });
  });
});

describe('sessions of different live runs (the engine numbers sessions afresh in each)', () => {
  beforeEach(() => {
    db.close();
    db = storyDatabase(2);
    desk = createReviewDesk({ db, store: testStore, issuer, now: () => ++clock });
  });

  it('keeps S1 of run 1 and S1 of run 2 apart in the queue, the carts and the events', () => {
    expect(desk.queue({ limit: 50, offset: 0 }).items.map((i) => i.sessionId)).toEqual(['r1.S1', 'r2.S1', 'r1.S2', 'r2.S2']);
    desk.correct({ sessionId: 'r1.S1', action: { ...moveApples, from: 'r1.S1', to: 'r1.S2' }, reason: 'wrong-shopper', note: '' }, 'rita');
    expect(desk.session('r1.S2').cart.lines).toEqual([{ sku: 'APPLE', quantity: 1 }]);
    expect(desk.session('r2.S2').cart.lines).toEqual([]);
    expect(desk.session('r2.S1').events.map((e) => [e.id, e.owner])).toEqual([
      ['F1-S1#1', 'r2.S1'],
      ['F1-S1#2', 'r2.S1'],
    ]);
    expect(desk.session('r1.S1').events[0]!.attribution!.candidates.map((c) => c.sessionId)).toEqual(['r1.S1', 'r1.S2']);
  });

  it('refuses to move an event into another run, and sends the run to the payment side', async () => {
    expect(await refusal(() => desk.correct({ sessionId: 'r1.S1', action: { ...moveApples, from: 'r1.S1', to: 'r2.S2' }, reason: 'wrong-shopper', note: '' }, 'rita'))).toMatchObject({
      code: 'invalid_input',
    });
    await desk.approve({ sessionId: 'r2.S1', note: '' }, 'rita');
    expect(issuer.issued[0]).toMatchObject({ key: 'review:r2.S1:approve', receipt: { sessionId: 'S1', runId: 2 } });
    expect(desk.session('r1.S1').status).toBe('held-for-review');
  });
});

describe('the audit trail of a session', () => {
  it('shows an event moved in from another session, and its undo, in both sessions’ trails', () => {
    desk.correct({ sessionId: 'S1', action: moveApples, reason: 'wrong-shopper', note: 'video' }, 'rita');
    desk.correct({ sessionId: 'S1', action: { type: 'add-line', sessionId: 'S1', sku: 'WINE', quantity: 1 }, reason: 'missed-item', note: '' }, 'rita');
    // Reviewed from S1, filed under S1: S2's cart changed all the same, so S2's trail has it.
    expect(desk.session('S2').audit.map((e) => [e.action, e.reason])).toEqual([['review.correct', 'wrong-shopper: video']]);
    desk.undo('S1', 'sam');
    desk.undo('S2', 'sam');
    expect(desk.session('S1').audit.map((e) => e.action)).toEqual(['review.correct', 'review.correct', 'review.undo', 'review.undo']);
    // S1's own line added and undone never touched S2's cart: not in S2's trail.
    expect(desk.session('S2').audit.map((e) => e.action)).toEqual(['review.correct', 'review.undo']);
    expect(desk.session('S3').audit).toEqual([]);
  });
});

describe('flags', () => {
  it('name the sessions they mention by key, as the rest of the page does', () => {
    db.close();
    db = storyDatabase(1);
    desk = createReviewDesk({ db, store: testStore, issuer, now: () => ++clock });
    expect(desk.session('r1.S1').flags.map((f) => f.detail)).toEqual(['runner-up r1.S2 at 0.4 against 0.55']);
    expect(desk.session('r1.S2').flags[0]!.detail).toBe('event F1-S1#1: runner-up at 0.4 to r1.S1 at 0.55');
  });
});

describe('closing a held session without charge (waiver)', () => {
  beforeEach(() => storeDecisions(db, tailgaterDecisions()));
  const tailgater = { sessionId: 'A1', reason: 'no-account', note: 'tailgater, nobody to charge' } as const;

  it('refuses to approve a tailgater’s session: there is no account to charge', async () => {
    expect(desk.queue({ limit: 50, offset: 0 }).items.map((i) => [i.sessionId, i.anonymous])).toEqual([['S1', false], ['S2', false], ['A1', true]]);
    expect(await refusal(() => desk.approve({ sessionId: 'A1', note: '' }, 'rita'))).toMatchObject({
      code: 'conflict',
      message: 'A1 came in without a scan: there is no account to charge, so close it without charge instead',
    });
    expect(issuer.issued).toEqual([]);
    expect(desk.session('A1').status).toBe('held-for-review');
  });

  it('closes it uncharged through the payment side, audited with the reason, and takes it off the queue', async () => {
    const a1 = await desk.waive(tailgater, 'rita');
    expect(a1).toMatchObject({ status: 'waived', editable: false, anonymous: true });
    expect(a1.approval).toBeUndefined();
    expect(a1.waiver).toEqual({
      at: expect.any(Number),
      actor: 'rita',
      reason: 'no-account',
      note: 'tailgater, nobody to charge',
      lines: [{ sku: 'BREAD', name: 'Bread', quantity: 1, unitPriceMinor: 200, amountMinor: 200 }],
      totalMinor: 200,
      payment: { state: 'issued', reference: 'waived-1' },
    });
    expect(issuer.waived).toEqual([
      { key: 'review:A1:waive', receipt: { sessionId: 'A1', reason: 'no-account', note: 'tailgater, nobody to charge', waivedBy: 'rita', waivedAtMs: expect.any(Number) } },
    ]);
    expect(issuer.issued).toEqual([]);
    expect(desk.queue({ limit: 50, offset: 0 }).items.map((i) => i.sessionId)).toEqual(['S1', 'S2']);
    const [entry] = db.audit.list({ limit: 10, subject: 'session:A1' });
    expect(entry).toMatchObject({ actor: 'rita', action: 'review.waive', reason: 'no-account: tailgater, nobody to charge', after: { charged: 0, notCharged: { currency: 'EUR', totalMinor: 200 } } });
    expect(a1.audit.map((e) => e.action)).toEqual(['review.waive']);
    expect(db.audit.verify()).toEqual({ ok: true, entries: 1 });

    // Closed: no corrections, no second outcome, and no refund of a charge that never was.
    expect(await refusal(() => desk.waive(tailgater, 'sam'))).toMatchObject({ code: 'conflict', message: 'A1 was already closed without charge' });
    expect(await refusal(() => desk.approve({ sessionId: 'A1', note: '' }, 'sam'))).toMatchObject({ code: 'conflict', message: 'A1 was already closed without charge' });
    expect(await refusal(() => desk.correct({ sessionId: 'A1', action: { type: 'add-line', sessionId: 'A1', sku: 'APPLE', quantity: 1 }, reason: 'missed-item', note: '' }, 'sam'))).toMatchObject({
      code: 'conflict',
    });
    expect(await refusal(() => desk.refund({ sessionId: 'A1', items: [{ sku: 'BREAD', quantity: 1 }], reason: 'customer-dispute', note: '' }, 'sam'))).toMatchObject({ code: 'conflict' });
    expect(issuer.waived).toHaveLength(1);
  });

  it('keeps the waiver when the payment side fails; asking again retries only that', async () => {
    issuer.failWith = 'receipt not recorded yet';
    expect((await desk.waive(tailgater, 'rita')).waiver!.payment).toEqual({ state: 'failed', error: 'receipt not recorded yet' });
    issuer.failWith = undefined;
    const retried = await desk.waive({ ...tailgater, note: 'again' }, 'sam');
    expect(retried.waiver).toMatchObject({ actor: 'rita', note: 'tailgater, nobody to charge', payment: { state: 'issued', reference: 'waived-1' } });
    expect(db.audit.list({ limit: 10, subject: 'session:A1' }).map((e) => e.action)).toEqual(['review.waive']);
  });

  it('tells the payment side again after a stop between the decision and the answer', async () => {
    const stalled: RecordingIssuer = Object.assign(new RecordingIssuer(), { waive: () => new Promise<never>(() => undefined) });
    void createReviewDesk({ db, store: testStore, issuer: stalled, now: () => ++clock }).waive(tailgater, 'rita');
    expect(desk.session('A1').waiver!.payment.state).toBe('pending');
    expect(await desk.resumePayments()).toBe(1);
    expect(issuer.waived.map((w) => w.key)).toEqual(['review:A1:waive']);
    expect(issuer.issued).toEqual([]);
  });

  it('waives a shopper with an account only when the reviewer says so explicitly, and never as "no account"', async () => {
    expect(await refusal(() => desk.waive({ sessionId: 'S1', reason: 'goodwill', note: 'long wait at the gate' }, 'rita'))).toMatchObject({
      code: 'conflict',
      message: 'S1 has an account (acct-1) that can be charged: waive it only on purpose (waiveAccountCharge)',
    });
    expect(await refusal(() => desk.waive({ sessionId: 'S1', reason: 'no-account', note: 'x', waiveAccountCharge: true }, 'rita'))).toMatchObject({ code: 'invalid_input' });
    expect(await refusal(() => desk.waive({ sessionId: 'S3', reason: 'goodwill', note: 'x', waiveAccountCharge: true }, 'rita'))).toMatchObject({
      code: 'conflict',
      message: 'S3 was charged without review: take things back with a refund',
    });
    expect(db.audit.verify()).toEqual({ ok: true, entries: 0 });

    const s1 = await desk.waive({ sessionId: 'S1', reason: 'goodwill', note: 'long wait at the gate', waiveAccountCharge: true }, 'mia');
    expect(s1).toMatchObject({ status: 'waived', waiver: { actor: 'mia', reason: 'goodwill', totalMinor: 250 } });
    expect(issuer.waived[0]).toMatchObject({ key: 'review:S1:waive', receipt: { sessionId: 'S1', account: 'acct-1', tokenNonce: 'n1', reason: 'goodwill' } });
    expect(db.audit.list({ limit: 1, subject: 'session:S1' })[0]).toMatchObject({ action: 'review.waive', after: { charged: 0, account: 'acct-1' } });
  });
});
