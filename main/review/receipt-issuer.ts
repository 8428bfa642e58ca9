// What review needs from payments: issue a receipt a person approved, close one a person waived
// (nobody is charged), and refund after charge. A narrow port so review does not depend on how payment is done (a signed webhook, a file export);
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

/** A held receipt a reviewer closed without charge. */
export interface WaivedReceipt {
  sessionId: string;
  runId?: number;
  tokenNonce?: string;
  account?: string;
  /** The reason code and the reviewer's note. */
  reason: string;
  note: string;
  waivedBy: string;
  waivedAtMs: number;
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
  /** Closes the held receipt uncharged; asking again for one already closed answers as before. */
  waive(receipt: WaivedReceipt, idempotencyKey: string): Promise<PaymentReceipt>;
  refund(order: RefundOrder, idempotencyKey: string): Promise<PaymentReceipt>;
}

export const approvalKey = (sessionId: string): string => `review:${sessionId}:approve`;
export const waiveKey = (sessionId: string): string => `review:${sessionId}:waive`;
export const refundKey = (sessionId: string, refundId: number): string => `review:${sessionId}:refund:${refundId}`;
