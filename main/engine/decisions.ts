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

export type EngineDecision = ShelfEventDecision | TrackPoint | ReceiptDecision | TrackLifecycleDecision | RestockAlertDecision;

/**
 * A floor track's life, for fusion: 'track-started' when it is confirmed (a shopper appears, e.g.
 * at a gate), 'track-lost' when it stops being seen, 'track-refound' when a lost track is picked up
 * again near where it was predicted (identity across the gap is a guess, so fusion may flag it),
 * 'track-ended' when it is given up. x, y is the floor position (metres) at t: where it started,
 * where it was last seen, where it was found again.
 */
export interface TrackLifecycleDecision {
  kind: 'track-started' | 'track-ended' | 'track-lost' | 'track-refound';
  t: number;
  trackId: number;
  x: number;
  y: number;
}

export type VisionDecision = TrackPoint | TrackLifecycleDecision;

/**
 * A plate's estimated stock fell to its planogram's restock threshold or below. Sent once per
 * crossing: not again until the plate has been seen above the threshold (restocked).
 */
export interface RestockAlertDecision {
  kind: 'restock-alert';
  t: number;
  plate: string;
  sku: string;
  /** Units estimated on the plate from its settled weight. */
  units: number;
  threshold: number;
}
