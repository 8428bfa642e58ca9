// Receipt metrics as the 2020 AutoCheckout competition scored them: a true positive is a unit of the
// right product on the right shopper's receipt. Sessions are matched by the nonce of their entry
// token. Also the figures that decide whether customers trust the store: exact receipts, the review
// rate, and how often a receipt charged without review is exactly right.
import type { FlagReason, ReceiptDecision } from '../engine/decisions';
import { peekEntryClaims } from '../engine/fusion/entry-token';
import type { SimSession } from '../sim/world';
import { ratio } from './ratio';

export interface ReceiptMetrics {
  receipt_precision: number | null;
  receipt_recall: number | null;
  receipt_f1: number | null;
  exact_receipt_rate: number | null;
  review_rate: number | null;
  /**
   * Receipts held for a doubt about what happened (who took what, which product, a lost track),
   * leaving out those held by policy alone: age-restricted products and tailgaters' anonymous sessions.
   */
  doubt_review_rate: number | null;
  unflagged_exact_rate: number | null;
  counts: { sessions: number; receipts: number; missingReceipts: number; anonymousReceipts: number; tp: number; fp: number; fn: number };
}

/** Reasons a receipt is held by store policy rather than for a doubt about the session. */
const policyHolds: ReadonlySet<FlagReason> = new Set<FlagReason>(['age-restricted', 'tailgating']);

function linesBySku(lines: readonly { sku: string; quantity: number }[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of lines) map.set(line.sku, (map.get(line.sku) ?? 0) + line.quantity);
  return map;
}

/**
 * Scores the engine's receipts against the true ones. A true session with no receipt counts all its
 * units as misses and is not exact; receipts of anonymous sessions (tailgaters: no token) cannot be
 * tied to a shopper, so they count only towards the review rate.
 */
export function scoreReceipts(truth: readonly SimSession[], receipts: readonly ReceiptDecision[]): ReceiptMetrics {
  const byNonce = new Map<string, ReceiptDecision>();
  let anonymous = 0;
  for (const receipt of receipts) {
    if (receipt.tokenNonce) byNonce.set(receipt.tokenNonce, receipt);
    else anonymous++;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let exact = 0;
  let missing = 0;
  let unflagged = 0;
  let unflaggedExact = 0;
  for (const session of truth) {
    const nonce = peekEntryClaims(session.token)?.nonce;
    const receipt = nonce === undefined ? undefined : byNonce.get(nonce);
    const truthLines = linesBySku(session.receipt);
    const predicted = linesBySku(receipt?.lines ?? []);
    if (!receipt) missing++;
    let sessionExact = receipt !== undefined;
    for (const sku of new Set([...truthLines.keys(), ...predicted.keys()])) {
      const t = truthLines.get(sku) ?? 0;
      const p = predicted.get(sku) ?? 0;
      tp += Math.min(t, p);
      fp += Math.max(0, p - t);
      fn += Math.max(0, t - p);
      if (t !== p) sessionExact = false;
    }
    if (sessionExact) exact++;
    if (receipt?.status === 'charged') {
      unflagged++;
      if (sessionExact) unflaggedExact++;
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision === null || recall === null || precision + recall === 0 ? (precision === null && recall === null ? null : 0) : (2 * precision * recall) / (precision + recall);
  const flagged = receipts.filter((r) => r.status === 'held-for-review').length;
  const doubted = receipts.filter((r) => r.flags.some((f) => !policyHolds.has(f))).length;
  return {
    receipt_precision: precision,
    receipt_recall: recall,
    receipt_f1: f1,
    exact_receipt_rate: ratio(exact, truth.length),
    review_rate: ratio(flagged, receipts.length),
    doubt_review_rate: ratio(doubted, receipts.length),
    unflagged_exact_rate: ratio(unflaggedExact, unflagged),
    counts: { sessions: truth.length, receipts: receipts.length, missingReceipts: missing, anonymousReceipts: anonymous, tp, fp, fn },
  };
}
