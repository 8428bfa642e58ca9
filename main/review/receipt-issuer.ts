// What review needs from payments: issue a receipt a person approved, and refund after charge. A
// narrow port so review does not depend on how payment is done (a signed webhook, a file export);
// the composition root plugs in the payment adapter. Both calls carry an idempotency key: a retry
// after a crash or a timeout must not charge or refund twice.
import type { PricedLine } from '../../native-bridge/contract/dto-review';

export type { PricedLine };

export interface ReviewedReceipt {
  /** The engine's session id within its live run. */
  sessionId: string;
  /** The live run (absent for decisions recorded before runs were). */
  runId?: number;
  /** The entry token's nonce, which ties the session to the shopper's account (absent for tailgaters). */
  tokenNonce?: string;
  account?: string;
  currency: string;
  lines: PricedLine[];
  totalMinor: number;
  approvedBy: string;
  approvedAtMs: number;
}

export interface RefundOrder {
  sessionId: string;
  runId?: number;
  refundId: number;
  tokenNonce?: string;
  account?: string;
  currency: string;
  lines: PricedLine[];
  totalMinor: number;
  reason: string;
  note: string;
  refundedBy: string;
  refundedAtMs: number;
}

export interface PaymentReceipt {
  /** The payment side's reference for what it did (shown to the reviewer, kept with the outcome). */
  reference: string;
}

export interface ReceiptIssuer {
  issueReviewed(receipt: ReviewedReceipt, idempotencyKey: string): Promise<PaymentReceipt>;
  refund(order: RefundOrder, idempotencyKey: string): Promise<PaymentReceipt>;
}

export const approvalKey = (sessionId: string): string => `review:${sessionId}:approve`;
export const refundKey = (sessionId: string, refundId: number): string => `review:${sessionId}:refund:${refundId}`;
