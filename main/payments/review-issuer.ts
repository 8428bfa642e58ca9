// Review's payment port (main/review/receipt-issuer.ts) on top of the receipt service: approving a
// reviewed receipt queues its charge, a refund queues a refund, each durably in the outbox before
// the promise resolves; the reference is the outbox idempotency key. A waiver closes the held
// receipt with nothing queued; its reference is the receipt id. Review's own idempotency key
// makes a retried refund find the refund it already queued.
import type { ReceiptRecord } from '../db';
import type { ReceiptIssuer, RefundOrder, ReviewedReceipt, WaivedReceipt } from '../review/receipt-issuer';
import { ReceiptActionError } from './receipt-actions';
import type { PaymentsService } from './payments-service';

export function createReviewReceiptIssuer(payments: PaymentsService): ReceiptIssuer {
  return {
    async issueReviewed(receipt: ReviewedReceipt) {
      const found = findReceipt(payments, receipt);
      const { payment } = payments.approveHeld({
        receiptId: found.id,
        actor: receipt.approvedBy,
        reason: 'approved in review',
        lines: receipt.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
      });
      return { reference: payment!.key };
    },
    async waive(receipt: WaivedReceipt) {
      const found = findReceipt(payments, receipt);
      const { receipt: closed } = payments.waiveHeld({ receiptId: found.id, actor: receipt.waivedBy, reason: `waived in review: ${receipt.reason}: ${receipt.note}` });
      return { reference: closed.id };
    },
    async refund(order: RefundOrder, idempotencyKey: string) {
      const found = findReceipt(payments, order);
      const { payment } = payments.refund({
        receiptId: found.id,
        actor: order.refundedBy,
        reason: order.note ? `${order.reason}: ${order.note}` : order.reason,
        ...(order.lines.length > 0 ? { lines: order.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })) } : { amountMinor: order.totalMinor }),
        requestId: idempotencyKey.replace(/[^A-Za-z0-9_-]/g, '_'),
      });
      return { reference: payment!.key };
    },
  };
}

/**
 * By receipt id when review has it, else by live run and session (unique: what the receipt id is
 * made of), else by the entry token's nonce, else by session id if only one receipt has it.
 */
function findReceipt(payments: PaymentsService, by: { receiptId?: string; runId?: number; tokenNonce?: string; sessionId: string }): ReceiptRecord {
  if (by.receiptId !== undefined) {
    const receipt = payments.receipt(by.receiptId);
    if (!receipt) throw new ReceiptActionError(`no receipt ${by.receiptId}`);
    return receipt;
  }
  const matches =
    by.runId !== undefined
      ? payments.find({ runId: by.runId, sessionId: by.sessionId, limit: 2 })
      : by.tokenNonce !== undefined
        ? payments.find({ tokenNonce: by.tokenNonce, limit: 2 })
        : payments.find({ sessionId: by.sessionId, limit: 2 });
  if (matches.length === 1) return matches[0]!;
  const what = by.runId !== undefined ? `session ${by.sessionId} of live run ${by.runId}` : by.tokenNonce !== undefined ? `entry token ${by.tokenNonce}` : `session ${by.sessionId}`;
  throw new ReceiptActionError(matches.length === 0 ? `no receipt for ${what}` : `more than one receipt for ${what} (session ids restart with each live run): pass receiptId`);
}
