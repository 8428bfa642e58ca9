// Who took it: a posterior over the sessions whose member tracks were near the event's plates while
// the weight changed, plus an explicit "nobody or staff" alternative. Each track weighs as the
// product of three terms:
// - body: its median distance to the nearest plate front over the padded event — the median, not
//   the minimum, because the picker stands at the shelf for the whole event while a passer-by is
//   close for a moment — as exp(−d²/2σ²);
// - hand: how near its hands came to where a hand goes to take from those plates. Two shoppers at
//   neighbouring plates stand half a metre apart either way, but only the picker's hand is in this
//   plate. Over the event, each sighting of a hand at distance d with expected error e scores a
//   3-D Gaussian density N(d; σh² + e²) relative to a hand seen exactly at the plate (so a hand one
//   camera alone saw, whose depth is a guess, counts for little either way); the track takes a
//   high quantile of those scores (the hand is in the shelf only part of the padded span) plus a
//   floor for a hand the cameras missed there; a track whose hands nobody saw gets a fixed middle
//   value;
// - cart (put-backs only): a shopper can only put back what they hold, so a session holding the
//   units fits fully, one holding none fits by a small factor (a pick the engine missed).
// A session weighs as its best member (any of a group may have taken it; the group pays either
// way). "Nobody" weighs as a body at the edge of reach with a hand short of the plate, or as the
// nearest staff track, if that weighs more. Tracks of unknown role (no session, not staff) are left
// out: on the tuning seeds they were mostly the vision stage's second track on a shopper, which
// would otherwise take that shopper's picks away as "nobody".
import type { AttributionCandidate, ShelfEventDecision } from '../decisions';
import { HAND_STRIDE, medianInPlace, SIGHTING_STRIDE } from './track-history';
import type { TrackRegistry, TrackState } from './tracks';
import type { FusionOptions } from './options';
import { PutBackReader } from './put-back';

export const NOBODY = 'nobody';

/** Tracks further than this from the plates weigh under exp(−36) at the default σ: left out of the sum and the evidence. */
const evidenceRadiusM = 3;

export interface Posterior {
  /** A session id or NOBODY. */
  winner: string;
  probability: number;
  /** Sessions, best first. */
  candidates: AttributionCandidate[];
  nobody: { probability: number; weight: number; trackId?: number; distanceM?: number; handDistanceM?: number };
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

/** One track's evidence for an event. */
interface TrackEvidence {
  trackId: number;
  d: number;
  handD: number;
  handErr: number;
  w: number;
}

export class Attributor {
  private readonly scratch: Float64Array;
  private readonly sightings: Float64Array;
  private readonly handScore: Float64Array;
  private readonly best = { d: NaN, err: NaN };
  private readonly bestOfWindow = { d: NaN, err: NaN };
  /** The hand score of a hand resting short of the plate, for "nobody". */
  private readonly nobodyHand: number;
  private readonly nobodyWeight: number;
  private readonly evidence: TrackEvidence = { trackId: 0, d: 0, handD: NaN, handErr: NaN, w: 0 };

  constructor(
    private readonly plates: ReadonlyMap<string, PlateTargets>,
    private readonly tracks: TrackRegistry,
    private readonly o: FusionOptions,
    historyCapacity: number,
    private readonly cartFit: CartFit,
  ) {
    this.scratch = new Float64Array(historyCapacity);
    this.sightings = new Float64Array(historyCapacity * SIGHTING_STRIDE);
    this.handScore = new Float64Array(historyCapacity);
    this.nobodyHand = Math.exp(-(o.nobodyHandM * o.nobodyHandM) / (2 * o.handSigmaM * o.handSigmaM));
    this.nobodyWeight = this.bodyKernel(o.reachM) * (o.handBaselineMs > 0 ? 1 : this.nobodyHand + o.handMissFloor);
  }

  private bodyKernel(d: number): number {
    const beyond = Math.max(0, d - this.o.bodyPlateauM);
    return Math.exp(-(beyond * beyond) / (2 * this.o.sigmaM * this.o.sigmaM));
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

    const bestOfSession = new Map<string, TrackEvidence & { cartFit: number | undefined }>();
    let staff: TrackEvidence | undefined;
    let unbound: { trackId: number; d: number } | undefined;
    if (frontPoints.length > 0) {
      for (const track of this.tracks.tracks.values()) {
        if (!track.seen || track.lastT < from || track.firstT > to) continue;
        const ev = this.trackEvidence(track, from, to, frontPoints, graspPoints);
        if (!ev) continue;
        if (track.sessionId === undefined) {
          if (!unbound || ev.d < unbound.d) unbound = { trackId: track.id, d: ev.d };
          if (track.role === 'staff' && (!staff || ev.w > staff.w)) staff = { ...ev };
          continue;
        }
        const cartFit = putBack ? this.cartFit(track.sessionId, event) : undefined;
        const w = ev.w * (cartFit ?? 1);
        const best = bestOfSession.get(track.sessionId);
        if (!best || w > best.w) bestOfSession.set(track.sessionId, { ...ev, w, cartFit });
      }
    }

    const staffWeight = staff?.w ?? 0;
    const nobodyWeight = Math.max(this.nobodyWeight, staffWeight);
    let total = nobodyWeight;
    const weighted: (TrackEvidence & { sessionId: string; cartFit: number | undefined })[] = [];
    for (const [sessionId, best] of bestOfSession) {
      weighted.push({ sessionId, ...best });
      total += best.w;
    }
    // Ties broken by session id so the order never depends on map history.
    weighted.sort((a, b) => b.w - a.w || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
    const candidates: AttributionCandidate[] = weighted.map((c) => ({
      sessionId: c.sessionId,
      trackId: c.trackId,
      distanceM: round(c.d, 3),
      ...(Number.isNaN(c.handD) ? {} : { handDistanceM: round(c.handD, 3), handErrorM: round(c.handErr, 3) }),
      ...(c.cartFit !== undefined ? { cartFit: round(c.cartFit, 3) } : {}),
      weight: significant(c.w),
      probability: c.w / total,
    }));
    const nobodyP = nobodyWeight / total;
    const staffWon = staff !== undefined && staffWeight > this.nobodyWeight;
    const nobody: Posterior['nobody'] = {
      probability: nobodyP,
      weight: significant(nobodyWeight),
      ...(staffWon ? { trackId: staff!.trackId, distanceM: round(staff!.d, 3), ...(Number.isNaN(staff!.handD) ? {} : { handDistanceM: round(staff!.handD, 3) }) } : {}),
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

  /** Body and hand evidence of one track over [from, to]; undefined when it was not near the plates. Reuses one object. */
  private trackEvidence(track: TrackState, from: number, to: number, fronts: Float64Array, grasps: Float64Array): TrackEvidence | undefined {
    const n = track.history.distancesInWindow(from, to, fronts, this.scratch);
    if (n === 0) return undefined;
    const d = medianInPlace(this.scratch, n);
    if (d > evidenceRadiusM) return undefined;
    const ev = this.evidence;
    ev.trackId = track.id;
    ev.d = d;
    ev.handD = NaN;
    ev.handErr = NaN;
    // Either hand may have taken it, so the hand term is the mean of the two hands' terms: each
    // scores on its own sightings, a hand no camera saw during the event (often the one in the
    // shelf, hidden by it) at the unseen value. The evidence kept is the better hand's sighting.
    const o = this.o;
    let handTerm = 0;
    let bestTerm = -1;
    for (let hand = 0; hand < 2; hand++) {
      const score = grasps.length > 0 ? this.handWindowScore(track, from, to, hand, grasps, o.handQuantile) : NaN;
      if (Number.isNaN(score)) {
        handTerm += o.handUnseenTerm / 2;
        continue;
      }
      const { d: handD, err: handErr } = this.bestOfWindow;
      if (o.handBaselineMs > 0) {
        const before = this.handWindowScore(track, from - o.handBaselineMs, from, hand, grasps, 0.5);
        handTerm += (score + o.handMissFloor) / ((Number.isNaN(before) ? this.nobodyHand : before) + o.handMissFloor) / 2;
      } else handTerm += (score + o.handMissFloor) / 2;
      if (score <= bestTerm) continue;
      bestTerm = score;
      ev.handD = handD;
      ev.handErr = handErr;
    }
    ev.w = this.bodyKernel(d) * handTerm;
    return ev;
  }

  /**
   * The score of one hand of a track over [from, to] at the quantile (best first), NaN when no
   * camera saw that hand then; that sighting's distance and error in this.bestOfWindow.
   */
  private handWindowScore(track: TrackState, from: number, to: number, hand: number, grasps: Float64Array, quantile: number): number {
    const m = track.history.handsInWindow(from, to, this.sightings);
    let seen = 0;
    for (let i = 0; i < m; i++) if (!Number.isNaN(this.sightings[i * SIGHTING_STRIDE + 2 + hand * HAND_STRIDE]!)) this.handScore[seen++] = this.sightingScore(i, hand, grasps);
    if (seen === 0) return NaN;
    const sorted = this.handScore.subarray(0, seen).sort();
    const score = sorted[seen - 1 - Math.min(seen - 1, Math.floor(quantile * seen))]!;
    for (let i = 0; i < m; i++) {
      if (Number.isNaN(this.sightings[i * SIGHTING_STRIDE + 2 + hand * HAND_STRIDE]!) || this.sightingScore(i, hand, grasps) !== score) continue;
      this.bestOfWindow.d = this.best.d;
      this.bestOfWindow.err = this.best.err;
      break;
    }
    return score;
  }

  /**
   * The score of sighting i's hand (0 left, 1 right) against the grasp points, the best of them: the
   * density of the hand estimate (its own covariance plus σh² for where a hand may be at the plate)
   * at the wrist position expected for a body standing where the track stood — the grasp, pulled
   * back along the arm towards the body — relative to a perfectly measured hand right there.
   * Leaves the distance and the estimate's expected error of the best grasp in this.best.
   */
  private sightingScore(i: number, hand: number, grasps: Float64Array): number {
    const o = this.o;
    const s = this.sightings;
    const at = i * SIGHTING_STRIDE;
    const bx = s[at]!;
    const by = s[at + 1]!;
    const h = at + 2 + hand * HAND_STRIDE;
    const h2 = o.handSigmaM * o.handSigmaM;
    // S = covariance + σh² I, and its inverse by cofactors.
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
    this.best.d = NaN;
    this.best.err = Math.sqrt(s[h + 3]! + s[h + 6]! + s[h + 8]!);
    if (!(det > 0)) return 0;
    const norm = Math.sqrt((h2 * h2 * h2) / det);
    let best = -1;
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
      const score = norm * Math.exp(-q / 2);
      if (score > best) {
        best = score;
        this.best.d = Math.hypot(rx, ry, rz);
      }
    }
    return Math.max(0, best);
  }

}

export function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}

/** Four significant digits: weights span many orders of magnitude. */
function significant(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(4));
}
