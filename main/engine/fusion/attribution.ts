// Who took it: a posterior over the sessions whose member tracks were near the event's plates while
// the weight changed, plus an explicit "nobody or staff" alternative. Each track's weight is the
// exponential of a linear score of its evidence (a conditional logit; the coefficients live in
// options.ts with where they were fitted), so the probabilities are calibrated rather than guessed:
// - body: the track's median distance to the nearest plate front over the padded event — the
//   median, not the minimum, because the picker stands at the shelf for the whole event while a
//   passer-by is close for a moment. Within arm's reach it says nothing about who took it (two
//   shoppers at neighbouring plates both stand within reach); beyond, the score falls as a Gaussian
//   tail. This term is a fixed physical prior, not fitted: the tuning data, where hands are mostly
//   seen, cannot pin it, and it is what decides when no hand is;
// - hand: two shoppers at neighbouring plates stand half a metre apart either way, but only the
//   picker's wrist goes to this plate. Each sighting of a wrist is compared with where a wrist is
//   when its hand grasps at the plate (the grasp pulled back along the arm towards the body): its
//   fit is −q/2 for the squared Mahalanobis distance q under the estimate's covariance plus σh², and
//   its precision the log of how much that widening costs (a wrist one camera alone saw, whose depth
//   is a guess, fits anything loosely). A track's hand is its better hand at a quantile of its
//   sightings over the padded span (the hand is in the shelf for part of it only), set against the
//   same hand's median fit over the seconds before: a hand resting near the plate all along is no
//   evidence, a hand that went there when the weight changed is;
// - cart (put-backs only): the log of how well the session's cart explains the weight (put-back.ts).
// A session takes its best member (any of a group may have taken it; the group pays either way).
// "Nobody" scores a constant, or as the nearest staff track, if that scores more. Tracks of unknown
// role (no session, not staff) are left out: on the tuning seeds they were mostly the vision stage's
// second track on a shopper, which would otherwise take that shopper's picks away as "nobody".
import type { AttributionCandidate, AttributionEvidence, ShelfEventDecision } from '../decisions';
import { HAND_STRIDE, medianInPlace, SIGHTING_STRIDE } from './track-history';
import type { TrackRegistry, TrackState } from './tracks';
import { rampPieces, type AttributionLogit, type FusionOptions, type RampPiece } from './options';
import { PutBackReader } from './put-back';

export const NOBODY = 'nobody';

/** Tracks further than this from the plates are left out of the sum and the evidence. */
const evidenceRadiusM = 3;
/** Fits are clamped here: beyond it a hand is simply elsewhere, and one wild sighting must not dominate. */
const minFit = -20;
const minPrecision = -10;
/** A sighting's density while the weight changed is clipped here. */
const coreClip = -6;

export interface Posterior {
  /** A session id or NOBODY. */
  winner: string;
  probability: number;
  /** Sessions, best first. */
  candidates: AttributionCandidate[];
  nobody: { probability: number; score: number; trackId?: number; distanceM?: number };
  /** The best alternative to the winner (a session or NOBODY), if any has weight. */
  second: { sessionId: string; probability: number } | undefined;
  /** The nearest track of no session, staff or not, for the restock check. */
  nearestUnbound: { trackId: number; distanceM: number } | undefined;
}

/** Where the event's plates are, for the body (front edge on the plan) and where a hand grasps to take from them (3-D). */
export interface PlateTargets {
  front: readonly [number, number];
  grasp: readonly [number, number, number];
}

/** How well a session's cart explains a put-back event (put-back.ts). */
export type CartFit = (sessionId: string, event: ShelfEventDecision) => number;

/** One track's evidence for an event, and its score. */
interface TrackEvidence extends AttributionEvidence {
  trackId: number;
  score: number;
  handDistanceM?: number;
  handErrorM?: number;
  cartFit?: number;
}

export class Attributor {
  private readonly scratch: Float64Array;
  private readonly sightings: Float64Array;
  private readonly fits: Float64Array;
  private readonly order: Float64Array;
  /** The sighting handScores last chose: its fit, precision, distance and error. */
  private readonly chosen = { fit: 0, precision: 0, d: NaN, err: NaN };

  constructor(
    private readonly plates: ReadonlyMap<string, PlateTargets>,
    private readonly tracks: TrackRegistry,
    private readonly o: FusionOptions,
    historyCapacity: number,
    private readonly cartFit: CartFit,
  ) {
    this.scratch = new Float64Array(historyCapacity);
    this.sightings = new Float64Array(historyCapacity * SIGHTING_STRIDE);
    this.fits = new Float64Array(historyCapacity * 2);
    this.order = new Float64Array(historyCapacity);
  }

  posterior(event: ShelfEventDecision): Posterior {
    const fronts: number[] = [];
    const grasps: number[] = [];
    for (const plate of event.plates) {
      const target = this.plates.get(plate);
      if (!target) continue;
      fronts.push(target.front[0], target.front[1]);
      grasps.push(target.grasp[0], target.grasp[1], target.grasp[2]);
    }
    const frontPoints = Float64Array.from(fronts);
    const graspPoints = Float64Array.from(grasps);
    const from = event.startMs - this.o.eventPadMs;
    const to = event.endMs + this.o.eventPadMs;
    const putBack = PutBackReader.isPutBack(event);
    const m = this.o.attributionLogit;

    const bestOfSession = new Map<string, TrackEvidence>();
    let staff: TrackEvidence | undefined;
    let unbound: { trackId: number; d: number } | undefined;
    if (frontPoints.length > 0) {
      for (const track of this.tracks.tracks.values()) {
        if (!track.seen || track.lastT < from || track.firstT > to) continue;
        const ev = this.trackEvidence(track, from, to, event.startMs, event.endMs, frontPoints, graspPoints);
        if (!ev) continue;
        if (track.sessionId === undefined) {
          if (!unbound || ev.bodyM < unbound.d) unbound = { trackId: track.id, d: ev.bodyM };
          if (track.role === 'staff' && (!staff || ev.score > staff.score)) staff = ev;
          continue;
        }
        if (putBack) {
          ev.cartFit = this.cartFit(track.sessionId, event);
          ev.score = logitScore(this.o, ev, ev.cartFit);
        }
        const best = bestOfSession.get(track.sessionId);
        if (!best || ev.score > best.score) bestOfSession.set(track.sessionId, ev);
      }
    }

    const nobodyScore = Math.max(m.nobody, staff?.score ?? -Infinity);
    const sessions = [...bestOfSession].sort((a, b) => b[1].score - a[1].score || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    // Softmax over the sessions and nobody, shifted by the best score so nothing overflows.
    const top = Math.max(nobodyScore, sessions[0]?.[1].score ?? -Infinity);
    let total = Math.exp(nobodyScore - top);
    for (const [, ev] of sessions) total += Math.exp(ev.score - top);
    const candidates: AttributionCandidate[] = sessions.map(([sessionId, ev]) => ({
      sessionId,
      trackId: ev.trackId,
      distanceM: round(ev.bodyM, 3),
      ...(ev.handDistanceM !== undefined ? { handDistanceM: round(ev.handDistanceM, 3), handErrorM: round(ev.handErrorM!, 3) } : {}),
      ...(ev.cartFit !== undefined ? { cartFit: round(ev.cartFit, 3) } : {}),
      evidence: evidenceOf(ev),
      score: round(ev.score, 3),
      probability: Math.exp(ev.score - top) / total,
    }));
    const nobodyP = Math.exp(nobodyScore - top) / total;
    const staffWon = staff !== undefined && staff.score > m.nobody;
    const nobody: Posterior['nobody'] = {
      probability: nobodyP,
      score: round(nobodyScore, 3),
      ...(staffWon ? { trackId: staff!.trackId, distanceM: round(staff!.bodyM, 3) } : {}),
    };

    const ranked = [...candidates.map((c) => ({ sessionId: c.sessionId, probability: c.probability })), { sessionId: NOBODY, probability: nobodyP }];
    // A stable sort with nobody listed last: a session wins an exact tie.
    ranked.sort((a, b) => b.probability - a.probability);
    const [first, second] = ranked as [{ sessionId: string; probability: number }, ...{ sessionId: string; probability: number }[]];
    return {
      winner: first.sessionId,
      probability: first.probability,
      candidates,
      nobody,
      second,
      nearestUnbound: unbound ? { trackId: unbound.trackId, distanceM: unbound.d } : undefined,
    };
  }

  /** Body and hand evidence of one track over [from, to], scored; undefined when it was not near the plates. */
  private trackEvidence(track: TrackState, from: number, to: number, core0: number, core1: number, fronts: Float64Array, grasps: Float64Array): TrackEvidence | undefined {
    const n = track.history.distancesInWindow(from, to, fronts, this.scratch);
    if (n === 0) return undefined;
    const d = medianInPlace(this.scratch, n);
    if (d > evidenceRadiusM) return undefined;
    const o = this.o;
    const ev: TrackEvidence = {
      trackId: track.id,
      score: 0,
      bodyM: d,
      handSeen: false,
      handFit: 0,
      handPrecision: 0,
      handBeforeSeen: false,
      handBefore: 0,
      handCoreSightings: 0,
      handCoreMean: 0,
    };
    // The better hand during the event, by its density there (fit + precision).
    let bestDensity = -Infinity;
    let bestHand = -1;
    if (grasps.length > 0) {
      for (let hand = 0; hand < 2; hand++) {
        if (!this.handScore(track, from, to, hand, grasps, o.handQuantile)) continue;
        const c = this.chosen;
        if (c.fit + c.precision <= bestDensity) continue;
        bestDensity = c.fit + c.precision;
        bestHand = hand;
        ev.handSeen = true;
        ev.handFit = c.fit;
        ev.handPrecision = c.precision;
        ev.handDistanceM = c.d;
        ev.handErrorM = c.err;
      }
      if (bestHand >= 0 && this.handScore(track, from - o.handBaselineMs, from, bestHand, grasps, 0.5)) {
        ev.handBeforeSeen = true;
        ev.handBefore = this.chosen.fit;
      }
      // While the weight changed, the hand in the shelf stays there: every sighting of either hand
      // then counts, each clipped so that one wild sighting cannot outweigh the rest.
      const m = track.history.handsInWindow(core0, core1, this.sightings);
      let sum = 0;
      let count = 0;
      for (let i = 0; i < m; i++) {
        let best = -Infinity;
        for (let hand = 0; hand < 2; hand++) {
          if (Number.isNaN(this.sightings[i * SIGHTING_STRIDE + 2 + hand * HAND_STRIDE]!)) continue;
          this.sightingFit(i, hand, grasps);
          best = Math.max(best, this.chosen.fit + this.chosen.precision);
        }
        if (best === -Infinity) continue;
        sum += Math.max(coreClip, best);
        count++;
      }
      ev.handCoreSightings = count;
      ev.handCoreMean = count > 0 ? sum / count : 0;
    }
    ev.score = logitScore(o, ev, undefined);
    return ev;
  }

  /**
   * One hand of a track over [from, to]: the sighting at the quantile (best first, by density) into
   * this.chosen; false when no camera saw that hand then.
   */
  private handScore(track: TrackState, from: number, to: number, hand: number, grasps: Float64Array, quantile: number): boolean {
    const m = track.history.handsInWindow(from, to, this.sightings);
    const fits = this.fits;
    let seen = 0;
    for (let i = 0; i < m; i++) {
      if (Number.isNaN(this.sightings[i * SIGHTING_STRIDE + 2 + hand * HAND_STRIDE]!)) continue;
      this.sightingFit(i, hand, grasps);
      fits[2 * i] = this.chosen.fit;
      fits[2 * i + 1] = this.chosen.precision;
      this.order[seen++] = this.chosen.fit + this.chosen.precision;
    }
    if (seen === 0) return false;
    const sorted = this.order.subarray(0, seen).sort();
    const target = sorted[seen - 1 - Math.min(seen - 1, Math.floor(quantile * seen))]!;
    for (let i = 0; i < m; i++) {
      if (Number.isNaN(this.sightings[i * SIGHTING_STRIDE + 2 + hand * HAND_STRIDE]!) || fits[2 * i]! + fits[2 * i + 1]! !== target) continue;
      this.sightingFit(i, hand, grasps);
      return true;
    }
    return true;
  }

  /**
   * Sighting i's hand (0 left, 1 right) against the grasp points, the best of them: the expected
   * wrist for a body standing where the track stood is the grasp pulled back along the arm towards
   * the body; S = the estimate's covariance + σh² I; fit −q/2 for q = rᵀS⁻¹r, precision
   * ½·log(σh⁶ / det S). Into this.chosen, with the distance and the estimate's expected error.
   */
  private sightingFit(i: number, hand: number, grasps: Float64Array): void {
    const o = this.o;
    const s = this.sightings;
    const at = i * SIGHTING_STRIDE;
    const bx = s[at]!;
    const by = s[at + 1]!;
    const h = at + 2 + hand * HAND_STRIDE;
    const h2 = o.handSigmaM * o.handSigmaM;
    // S and its inverse by cofactors.
    const a = s[h + 3]! + h2;
    const b = s[h + 4]!;
    const c = s[h + 5]!;
    const d = s[h + 6]! + h2;
    const e = s[h + 7]!;
    const f = s[h + 8]! + h2;
    const A = d * f - e * e;
    const B = c * e - b * f;
    const C = b * e - c * d;
    const D = a * f - c * c;
    const E = b * c - a * e;
    const F = a * d - b * b;
    const det = a * A + b * B + c * C;
    const chosen = this.chosen;
    chosen.err = Math.sqrt(s[h + 3]! + s[h + 6]! + s[h + 8]!);
    chosen.fit = minFit;
    chosen.precision = minPrecision;
    chosen.d = NaN;
    if (!(det > 0)) return;
    chosen.precision = Math.max(minPrecision, 0.5 * Math.log((h2 * h2 * h2) / det));
    for (let j = 0; j < grasps.length; j += 3) {
      const gx = grasps[j]!;
      const gy = grasps[j + 1]!;
      const ax = gx - bx;
      const ay = gy - by;
      const reach = Math.hypot(ax, ay);
      const back = reach > o.wristToGraspM ? o.wristToGraspM / reach : 0;
      const rx = gx - ax * back - s[h]!;
      const ry = gy - ay * back - s[h + 1]!;
      const rz = grasps[j + 2]! - s[h + 2]!;
      const q = (A * rx * rx + D * ry * ry + F * rz * rz + 2 * (B * rx * ry + C * rx * rz + E * ry * rz)) / det;
      const fit = Math.max(minFit, -q / 2);
      if (fit > chosen.fit || Number.isNaN(chosen.d)) {
        chosen.fit = fit;
        chosen.d = Math.hypot(rx, ry, rz);
      }
    }
  }
}

/** The evidence as a decision keeps it, rounded. */
function evidenceOf(ev: TrackEvidence): AttributionEvidence {
  return {
    bodyM: round(ev.bodyM, 3),
    handSeen: ev.handSeen,
    handFit: round(ev.handFit, 3),
    handPrecision: round(ev.handPrecision, 3),
    handBeforeSeen: ev.handBeforeSeen,
    handBefore: round(ev.handBefore, 3),
    handCoreSightings: ev.handCoreSightings,
    handCoreMean: round(ev.handCoreMean, 3),
  };
}

/**
 * A track's features: what the coefficients of AttributionLogit multiply (nobody's own is the
 * constant). Each hand evidence is cut into pieces (options.ts's rampPieces): a piece is how far the
 * evidence got through its stretch, so with non-negative coefficients the score never falls as the
 * hand comes nearer; evidence that was not seen counts as the bottom of its range, and its own
 * "unseen" term says what not seeing it is worth.
 */
export function logitFeatures(ev: AttributionEvidence, cartFit: number | undefined, reachM: number): Record<keyof AttributionLogit, number> {
  const beyond = Math.max(0, ev.bodyM - reachM);
  const seen = {
    handFit: ev.handSeen ? ev.handFit : -Infinity,
    handCoreMean: ev.handCoreSightings > 0 ? ev.handCoreMean : -Infinity,
    handBefore: ev.handSeen && ev.handBeforeSeen ? ev.handBefore : -Infinity,
  };
  const x = {
    nobody: 0,
    beyondReach: beyond * beyond,
    handPrecision: ev.handSeen ? ev.handPrecision : 0,
    handUnseen: ev.handSeen ? 0 : 1,
    handBeforeUnseen: ev.handSeen && !ev.handBeforeSeen ? 1 : 0,
    handCoreUnseen: ev.handCoreSightings === 0 ? 1 : 0,
    cart: cartFit !== undefined ? Math.log(cartFit) : 0,
  } as Record<keyof AttributionLogit, number>;
  for (const piece of Object.keys(rampPieces) as RampPiece[]) {
    const [evidence, from, to] = rampPieces[piece];
    x[piece] = Math.min(Math.max(seen[evidence], from), to) - from;
  }
  return x;
}

function logitScore(o: FusionOptions, ev: AttributionEvidence, cartFit: number | undefined): number {
  const m = o.attributionLogit;
  const x = logitFeatures(ev, cartFit, o.reachM);
  let score = 0;
  for (const key of Object.keys(x) as (keyof AttributionLogit)[]) score += m[key] * x[key];
  return score;
}

export function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
