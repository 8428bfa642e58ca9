import { describe, expect, it } from 'vitest';
import { ApiError, type ReviewQueue, type ReviewSession, type ReviewWaiver } from '../../../../native-bridge/contract';
import { createAppStore } from '../../state/app-store';
import { deferred, TestDoubleApiClient } from '../../testing/test-double-api-client';
import { initialReviewState, paymentNotice, waiveNotice } from './review-slice';
import { sampleSession, T } from './review-test-data';

const queue = (ids: string[]): ReviewQueue => ({
  items: ids.map((sessionId) => ({ sessionId, heldAt: T, openedAt: T, anonymous: false, reasons: ['close-second'], units: 2, corrections: 0 })),
  total: ids.length,
});

function setup() {
  const client = new TestDoubleApiClient();
  client.answer('getReviewQueue', () => queue(['r1.S1', 'r1.S2']));
  client.answer('getReviewSession', ({ sessionId }) => sampleSession({ sessionId }));
  const store = createAppStore({ client });
  return { client, review: () => store.getState().review };
}

describe('review slice', () => {
  it('starts empty and loads the queue, oldest first as the host sends it', async () => {
    const { client, review } = setup();
    expect(review()).toMatchObject(initialReviewState());
    await review().loadQueue();
    expect(review().queue).toEqual({ status: 'ready', data: queue(['r1.S1', 'r1.S2']) });
    expect(client.callsOf('getReviewQueue')).toEqual([{ limit: 50, offset: 0 }]);
  });

  it('shows a failed queue as an error, and a retry recovers', async () => {
    const { client, review } = setup();
    client.answer('getReviewQueue', () => {
      throw new ApiError('forbidden', 'getReviewQueue: the analyst role may not do this');
    });
    await review().loadQueue();
    expect(review().queue).toEqual({ status: 'error', error: { code: 'forbidden', message: 'getReviewQueue: the analyst role may not do this' } });
    client.answer('getReviewQueue', () => queue([]));
    await review().loadQueue();
    expect(review().queue).toEqual({ status: 'ready', data: queue([]) });
  });

  it('opens a session: loading, then ready; the latest open wins when answers cross', async () => {
    const { client, review } = setup();
    const slow = deferred<ReviewSession>();
    client.answer('getReviewSession', ({ sessionId }) => (sessionId === 'r1.S1' ? slow.promise : sampleSession({ sessionId })));
    const first = review().open('r1.S1');
    expect(review().session).toEqual({ status: 'loading' });
    await review().open('r1.S2');
    slow.resolve(sampleSession());
    await first;
    expect(review().selected).toBe('r1.S2');
    expect(review().session.status === 'ready' && review().session).toMatchObject({ data: { sessionId: 'r1.S2' } });
  });

  it('sends a correction with its reason and note, shows the host’s answer and re-reads the queue', async () => {
    const { client, review } = setup();
    await review().open('r1.S1');
    const corrected = sampleSession({ cart: { lines: [{ sku: 'BREAD', quantity: 1 }], events: ['E2'] } });
    client.answer('correctCart', () => corrected);
    const action = { type: 'reassign-event', eventId: 'E1', from: 'r1.S1', to: 'r1.S2' } as const;
    const sent = review().correct(action, 'wrong-shopper', 'video');
    expect(review().busy).toBe('correct');
    expect(await sent).toBe(true);
    expect(client.callsOf('correctCart')).toEqual([{ sessionId: 'r1.S1', action, reason: 'wrong-shopper', note: 'video' }]);
    expect(review().session).toEqual({ status: 'ready', data: corrected });
    expect(review().busy).toBeNull();
    expect(review().notice).toMatch(/Correction saved/);
    expect(client.callsOf('getReviewQueue')).toHaveLength(1);
  });

  it('keeps the session shown and says why when the host refuses a command', async () => {
    const { client, review } = setup();
    await review().open('r1.S1');
    const before = review().session;
    client.answer('undoCorrection', () => Promise.reject(new ApiError('conflict', 'correction #2 on r1.S2 came after it: undo that one first')));
    expect(await review().undo()).toBe(false);
    expect(review().session).toBe(before);
    expect(review().commandError).toEqual({ code: 'conflict', message: 'correction #2 on r1.S2 came after it: undo that one first' });
  });

  it('approves and says what became of the payment, refunds with items', async () => {
    const { client, review } = setup();
    await review().open('r1.S1');
    client.answer('approveSession', () =>
      sampleSession({ status: 'approved', editable: false, approval: { at: T, actor: 'rita', note: '', lines: [], totalMinor: 250, payment: { state: 'failed', error: 'no payment adapter' } } }),
    );
    await review().approve('checked');
    expect(client.callsOf('approveSession')).toEqual([{ sessionId: 'r1.S1', note: 'checked' }]);
    expect(review().notice).toBe('Approved, but the payment did not go through: no payment adapter. Approve again to retry it.');
    client.answer('refundSession', () => sampleSession({ refunds: [{ id: 1, at: T, actor: 'rita', reason: 'customer-dispute', note: '', lines: [], totalMinor: 50, payment: { state: 'issued', reference: 'r-1' } }] }));
    await review().refund([{ sku: 'APPLE', quantity: 1 }], 'customer-dispute', '');
    expect(client.callsOf('refundSession')).toEqual([{ sessionId: 'r1.S1', items: [{ sku: 'APPLE', quantity: 1 }], reason: 'customer-dispute', note: '' }]);
    expect(review().notice).toBe('Refund recorded: sent to the payment adapter (r-1).');
  });

  it('closes a session without charge with its reason and note, and says what the payment side did', async () => {
    const { client, review } = setup();
    await review().open('r1.S1');
    const waiver: ReviewWaiver = { at: T, actor: 'rita', reason: 'goodwill', note: 'broken gate', lines: [], totalMinor: 250, payment: { state: 'issued', reference: 'demo.r1.S1' } };
    client.answer('waiveSession', () => sampleSession({ status: 'waived', editable: false, waiver }));
    const sent = review().waive({ reason: 'goodwill', note: 'broken gate', waiveAccountCharge: true });
    expect(review().busy).toBe('waive');
    expect(await sent).toBe(true);
    expect(client.callsOf('waiveSession')).toEqual([{ sessionId: 'r1.S1', reason: 'goodwill', note: 'broken gate', waiveAccountCharge: true }]);
    expect(review().session.status === 'ready' && review().session).toMatchObject({ data: { status: 'waived', waiver } });
    expect(review().notice).toBe('Closed without charge: the receipt is closed and nothing is charged (demo.r1.S1).');
    // The queue is read again: the host has taken the session off it.
    expect(client.callsOf('getReviewQueue')).toHaveLength(1);
    client.answer('waiveSession', () => Promise.reject(new ApiError('conflict', 'r1.S1 has an account (acct-1) that can be charged: waive it only on purpose (waiveAccountCharge)')));
    expect(await review().waive({ reason: 'goodwill', note: 'x' })).toBe(false);
    expect(review().commandError).toMatchObject({ code: 'conflict' });
  });

  it('words a waiver the payment side has not recorded yet, or could not', () => {
    expect(waiveNotice({ state: 'failed', error: 'no receipt for session A1' })).toBe('Closed without charge, but the payment side did not record it: no receipt for session A1. Close it again to retry.');
    expect(waiveNotice({ state: 'pending' })).toBe('Closed without charge: the payment side is being told.');
  });

  it('does nothing without an open session, and one command at a time', async () => {
    const { client, review } = setup();
    expect(await review().undo()).toBe(false);
    await review().open('r1.S1');
    const slow = deferred<ReviewSession>();
    client.answer('undoCorrection', () => slow.promise);
    const first = review().undo();
    expect(await review().approve('')).toBe(false);
    slow.resolve(sampleSession());
    expect(await first).toBe(true);
    expect(client.callsOf('approveSession')).toEqual([]);
  });

  it('checks the audit chain on request', async () => {
    const { client, review } = setup();
    client.answer('verifyAuditChain', () => ({ ok: false, brokenAt: 3, reason: 'contents do not match the stored hash (the entry was altered)' }));
    await review().verifyAudit();
    expect(review().audit).toEqual({ status: 'ready', data: { ok: false, brokenAt: 3, reason: 'contents do not match the stored hash (the entry was altered)' } });
  });

  it('words a pending payment plainly', () => {
    expect(paymentNotice('Approved', { state: 'pending' })).toBe('Approved: the payment is on its way.');
    expect(paymentNotice('Approved', undefined)).toBe('Approved.');
  });
});
