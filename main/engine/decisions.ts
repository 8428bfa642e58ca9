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

/**
 * A first reading of a shelf's weight change, taken from the plates' first still samples (the shelf
 * stage's previewWindowS) while the shelf is still settling. Fusion shows it as a pending line on the
 * live cart of the session it would be charged to; the settled shelf event, or the shelf settling
 * with no change, replaces it. Never charged and not stored: a replay makes the same readings again.
 */
export interface ShelfReadingDecision extends Omit<ShelfEventDecision, 'kind' | 'sessionId'> {
  kind: 'shelf-reading';
  /** 'nobody' when the shelf's fixture is in staff restock mode. */
  sessionId?: 'nobody';
}

/** A hand in the store at one tick, triangulated from the cameras' hand keypoints. */
export interface HandPoint {
  /** Metres on the plan, and above the floor. */
  x: number;
  y: number;
  z: number;
  /**
   * Covariance of the estimate (m²: xx, xy, xz, yy, yz, zz): small where cameras agree, long along
   * the ray where one camera alone saw the hand (its depth is then a guess).
   */
  cov: [number, number, number, number, number, number];
}

/** One floor position of one confirmed floor track at a frame time. */
export interface TrackPoint {
  kind: 'track-point';
  t: number;
  trackId: number;
  x: number;
  y: number;
  /** The person's hands, when a camera saw them at this tick (evidence for who reached into a shelf). */
  leftHand?: HandPoint;
  rightHand?: HandPoint;
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

/**
 * Decisions the stores of decisions leave out: floor track points (kept apart, as a MOT file) and
 * first readings (superseded within a second by the settled event). A replay makes both again.
 */
export function isTransient(decision: EngineDecision): decision is TrackPoint | ShelfReadingDecision {
  return decision.kind === 'track-point' || decision.kind === 'shelf-reading';
}

export type EngineDecision =
  | ShelfEventDecision
  | ShelfReadingDecision
  | TrackPoint
  | ReceiptDecision
  | TrackLifecycleDecision
  | RestockAlertDecision
  | FusionDecision;

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

// ---------------------------------------------------------------------------------------------
// Fusion: gate and sessions, attribution of shelf events to sessions, carts, flags. Each decision
// carries the evidence it was taken on, so a reviewer (or "why was I charged?") can retrace it.

/** Why a gate scan did not open a session: the token check's reasons, plus single use and gate kind. */
export type GateRefusalReason =
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-store'
  | 'reused'
  | 'not-an-entry-gate';

/** A valid token was scanned: a session is open and up to `groupSize` people may walk in on it. */
export interface GateAdmittedDecision {
  kind: 'gate-admitted';
  t: number;
  gate: string;
  sessionId: string;
  account: string;
  groupSize: number;
  tokenNonce: string;
  expiresAtMs: number;
}

/** A scan was refused. `claimedNonce` is what the token says (trusted only for 'reused'). */
export interface GateRefusedDecision {
  kind: 'gate-refused';
  t: number;
  gate: string;
  reason: GateRefusalReason;
  claimedNonce?: string;
  /** For 'reused': the session the token first opened. */
  admittedSessionId?: string;
}

export type GateDecision = GateAdmittedDecision | GateRefusedDecision;

/**
 * A floor track joined a session: it crossed in on the session's admission, it is a tailgater's
 * anonymous session, or it took over from a member whose track was lost nearby just before.
 */
export interface SessionMemberDecision {
  kind: 'session-member';
  t: number;
  sessionId: string;
  trackId: number;
  via: 'admission' | 'tailgating' | 'rebind';
  gate?: string;
  /** For 'rebind': the lost track it replaces and how far apart the two were. */
  replacesTrackId?: number;
  distanceM?: number;
}

/** Someone came in without a scan: a track crossing in with no open admission, or a passage count beyond it. */
export interface TailgatingAlertDecision {
  kind: 'tailgating-alert';
  t: number;
  gate: string;
  /** The track that crossed; absent when only the passage sensor counted an extra person. */
  trackId?: number;
  /** The anonymous session opened for the track. */
  sessionId?: string;
  evidence: 'track-crossing' | 'passage-count';
}

/** What a track showed during a shelf event (attribution.ts explains each figure). */
export interface AttributionEvidence {
  /** Median distance of the body to the nearest of the event's plate fronts, metres. */
  bodyM: number;
  /** Whether a camera saw either hand during the event; its better hand's fit (−q/2, 0 = right there) and precision (log, 0 = exact). */
  handSeen: boolean;
  handFit: number;
  handPrecision: number;
  /** The same hand's fit over the seconds before the event, when seen then. */
  handBeforeSeen: boolean;
  handBefore: number;
  /** Sightings of either hand while the weight changed, and their mean density (fit + precision, each clipped at −6). */
  handCoreSightings: number;
  handCoreMean: number;
}

export interface AttributionCandidate {
  sessionId: string;
  /** The session's member track that explains the event best. */
  trackId: number;
  /** Median distance from that track to the nearest of the event's plate fronts over the event. */
  distanceM: number;
  /** How far that track's better hand was from where a wrist goes to take from the plates, and the estimate's expected error; absent when no camera saw its hands. */
  handDistanceM?: number;
  handErrorM?: number;
  /** For a put-back: how well the session's cart explains it (1: a held unit fits the weight; less: nothing held does). */
  cartFit?: number;
  evidence: AttributionEvidence;
  /** The candidate's score (log-weight) in the posterior. */
  score: number;
  probability: number;
}

/** Who a shelf event is charged to: a session, or 'nobody' (staff, restock, nobody in reach). */
export interface AttributionDecision {
  kind: 'attribution';
  t: number;
  eventId: string;
  sessionId: string;
  probability: number;
  /** 'posterior': chosen by the distance posterior; otherwise forced to 'nobody'. */
  basis: 'posterior' | 'restock-mode' | 'marked-nobody';
  /** Sessions best first. */
  candidates: AttributionCandidate[];
  /** The "nobody or staff" alternative, with the unbound (staff, unknown) track nearest the plates if any. */
  nobody: { probability: number; trackId?: number; distanceM?: number; score?: number };
  /** Reasons this event gave to flag the sessions involved. */
  flags: FlagReason[];
  /** The session had already been charged when the event arrived: its receipt is not changed. */
  late?: boolean;
}

/** A cart line changed: units added by a pick (positive) or removed by a put-back (negative). */
export interface CartChangeDecision {
  kind: 'cart-change';
  t: number;
  sessionId: string;
  eventId: string;
  sku: string;
  quantity: number;
  confidence: number;
  /** For a put-back: the rank of the reading in the shelf's hypotheses (0 = the shelf's top; -1 = the shelf did not list it). */
  hypothesisRank: number;
  /** For a put-back read against the session's cart: true, with how many weight standard deviations the reading is off. */
  fromCart?: true;
  weightZ?: number;
}

/** A reason to hold a session for review, raised with its evidence (repeats included; the receipt dedupes). */
export interface SessionFlagDecision {
  kind: 'session-flag';
  t: number;
  sessionId: string;
  reason: FlagReason;
  eventId?: string;
  trackId?: number;
  detail: string;
}

/**
 * Staff said they checked a session's shopper's ID. 'applied': the session was open and its
 * age-restricted lines no longer hold its receipt; otherwise the check changed nothing, and says why.
 */
export interface AgeCheckDecision {
  kind: 'age-check';
  t: number;
  sessionId: string;
  actor: string;
  outcome: 'applied' | 'unknown-session' | 'closed-session';
}

export type FusionDecision =
  | GateDecision
  | AgeCheckDecision
  | SessionMemberDecision
  | TailgatingAlertDecision
  | AttributionDecision
  | CartChangeDecision
  | SessionFlagDecision;
