// The engine's outputs: what it decided, each with its time and its evidence. Replay stores them,
// the services show them, the evaluator scores them against the simulator's ground truth.

export interface ProductHypothesis {
  sku: string;
  /** Units taken (positive) or put back (negative). */
  quantity: number;
  probability: number;
}

/** A weight change on a shelf between two stable states. */
export interface ShelfEventDecision {
  kind: 'shelf-event';
  id: string;
  t: number;
  startMs: number;
  endMs: number;
  fixture: string;
  shelf: string;
  plates: string[];
  /** Weight change per plate in `plates`, grams (negative = removed). */
  deltaGrams: number[];
  /** Best first; empty when nothing in the catalog explains the change. */
  hypotheses: ProductHypothesis[];
  /** The session charged, 'nobody' when staff or nobody near, undefined before attribution. */
  sessionId?: string;
}

/** One floor position of one confirmed floor track at a frame time. */
export interface TrackPoint {
  kind: 'track-point';
  t: number;
  trackId: number;
  x: number;
  y: number;
}

export type FlagReason =
  | 'low-posterior'
  | 'close-second'
  | 'weight-residual'
  | 'unmatched-put-back'
  | 'track-lost'
  | 'age-restricted'
  | 'tailgating';

export interface ReceiptLineDecision {
  sku: string;
  quantity: number;
  confidence: number;
}

/** A session's receipt at exit: charged, or held for a person to review. */
export interface ReceiptDecision {
  kind: 'receipt';
  t: number;
  sessionId: string;
  /** The nonce of the entry token, which ties the session to the shopper (absent for tailgaters). */
  tokenNonce?: string;
  status: 'charged' | 'held-for-review';
  lines: ReceiptLineDecision[];
  flags: FlagReason[];
}

export type EngineDecision = ShelfEventDecision | TrackPoint | ReceiptDecision;
