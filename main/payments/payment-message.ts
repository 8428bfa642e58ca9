// What Walkout tells the payment side: one message per charge, refund or adjustment, the same JSON
// whichever adapter carries it. `id` is the idempotency key: a receiver that has seen an id must
// treat the message again as done, which is what makes redelivery after a crash or a timeout safe.
import type { PaymentType, ReceiptLineRecord } from '../db';

export interface PaymentMessage {
  /** Idempotency key: the receipt id for its charge, `<receipt>.refund.<n>` / `<receipt>.adjust.<n>` after. */
  id: string;
  type: PaymentType;
  store: string;
  receiptId: string;
  sessionId: string;
  /** The shopper's account from the entry token. */
  account: string;
  /** ISO 4217. */
  currency: string;
  /** What to charge (charge, adjustment) or give back (refund), in minor units; never negative. */
  amountMinor: number;
  lines: ReceiptLineRecord[];
  /** The store time the receipt was issued at (the shopper's exit plus the settling delay), ISO 8601. */
  receiptTime: string;
  /** When this message was created, ISO 8601. */
  createdAt: string;
  /** Refunds and adjustments: why, in the words of the person who made it. */
  reason?: string;
}

/** A receipt's id: unique across live runs (session ids restart with each run) and stores. */
export function receiptIdOf(storeId: string, runId: number, sessionId: string): string {
  return `${storeId}.r${runId}.${sessionId}`;
}

/** The message for a receipt's charge, refund or adjustment, keyed by `key`. */
export function paymentMessage(
  receipt: { id: string; sessionId: string; account?: string; currency: string; t: number },
  payment: { key: string; type: PaymentType; amountMinor: number; lines: ReceiptLineRecord[]; reason?: string },
  storeId: string,
  createdAtMs: number,
): PaymentMessage {
  if (receipt.account === undefined) throw new Error(`receipt ${receipt.id} has no account to ${payment.type === 'refund' ? 'refund' : 'charge'}`);
  return {
    id: payment.key,
    type: payment.type,
    store: storeId,
    receiptId: receipt.id,
    sessionId: receipt.sessionId,
    account: receipt.account,
    currency: receipt.currency,
    amountMinor: payment.amountMinor,
    lines: payment.lines,
    receiptTime: new Date(receipt.t).toISOString(),
    createdAt: new Date(createdAtMs).toISOString(),
    ...(payment.reason !== undefined ? { reason: payment.reason } : {}),
  };
}
