// Who took it: a posterior over the sessions whose member tracks were near the event's plates while
// the weight changed, plus an explicit "nobody or staff" alternative. Each track is summarised by
// its median distance to the nearest plate front over the padded event — the median, not the
// minimum, because the picker stands at the shelf for the whole event while a passer-by is close for
// a moment — and weighs exp(−d²/2σ²). A session weighs as its nearest member (any of a group may
// have taken it; the group pays either way). "Nobody" weighs as a body at the edge of reach, or as
// the nearest staff track, if closer. Tracks of unknown role (no session, not staff) are left out:
// on the tuning seeds they were mostly the vision stage's second track on a shopper, which would
// otherwise take that shopper's picks away as "nobody".
import type { AttributionCandidate, ShelfEventDecision } from '../decisions';
import { medianInPlace } from './track-history';
import type { TrackRegistry } from './tracks';
import type { FusionOptions } from './options';

export const NOBODY = 'nobody';

/** Tracks further than this from the plates weigh under exp(−36) at the default σ: left out of the sum and the evidence. */
const evidenceRadiusM = 3;

export interface Posterior {
  /** A session id or NOBODY. */
  winner: string;
  probability: number;
  /** Sessions, best first. */
  candidates: AttributionCandidate[];
  nobody: { probability: number; trackId?: number; distanceM?: number };
  /** The best alternative to the winner (a session or NOBODY), if any has weight. */
  second: { sessionId: string; probability: number } | undefined;
  /** The nearest track of no session, staff or not, for the restock check. */
  nearestUnbound: { trackId: number; distanceM: number } | undefined;
}

type PlateFronts = ReadonlyMap<string, readonly [number, number]>;

export class Attributor {
  private readonly scratch: Float64Array;
  private readonly nobodyWeight: number;

  constructor(
    private readonly fronts: PlateFronts,
    private readonly tracks: TrackRegistry,
    private readonly o: FusionOptions,
    historyCapacity: number,
  ) {
    this.scratch = new Float64Array(historyCapacity);
    this.nobodyWeight = this.kernel(o.reachM);
  }

  private kernel(d: number): number {
    return Math.exp(-(d * d) / (2 * this.o.sigmaM * this.o.sigmaM));
  }

  posterior(event: ShelfEventDecision): Posterior {
    const targets: number[] = [];
    for (const plate of event.plates) {
      const front = this.fronts.get(plate);
      if (front) targets.push(front[0], front[1]);
    }
    const points = Float64Array.from(targets);
    const from = event.startMs - this.o.eventPadMs;
    const to = event.endMs + this.o.eventPadMs;

    const bestOfSession = new Map<string, { trackId: number; d: number }>();
    let staff: { trackId: number; d: number } | undefined;
    let unbound: { trackId: number; d: number } | undefined;
    if (points.length > 0) {
      for (const track of this.tracks.tracks.values()) {
        if (!track.seen || track.lastT < from || track.firstT > to) continue;
        const n = track.history.distancesInWindow(from, to, points, this.scratch);
        if (n === 0) continue;
        const d = medianInPlace(this.scratch, n);
        if (d > evidenceRadiusM) continue;
        if (track.sessionId === undefined) {
          if (!unbound || d < unbound.d) unbound = { trackId: track.id, d };
          if (track.role === 'staff' && (!staff || d < staff.d)) staff = { trackId: track.id, d };
          continue;
        }
        const best = bestOfSession.get(track.sessionId);
        if (!best || d < best.d) bestOfSession.set(track.sessionId, { trackId: track.id, d });
      }
    }

    const staffWeight = staff ? this.kernel(staff.d) : 0;
    const nobodyWeight = Math.max(this.nobodyWeight, staffWeight);
    let total = nobodyWeight;
    const weighted: { sessionId: string; trackId: number; d: number; w: number }[] = [];
    for (const [sessionId, best] of bestOfSession) {
      const w = this.kernel(best.d);
      weighted.push({ sessionId, trackId: best.trackId, d: best.d, w });
      total += w;
    }
    // Ties broken by session id so the order never depends on map history.
    weighted.sort((a, b) => b.w - a.w || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
    const candidates: AttributionCandidate[] = weighted.map((c) => ({
      sessionId: c.sessionId,
      trackId: c.trackId,
      distanceM: round(c.d, 3),
      probability: c.w / total,
    }));
    const nobodyP = nobodyWeight / total;
    const nobody: Posterior['nobody'] = {
      probability: nobodyP,
      ...(staff && staffWeight > this.nobodyWeight ? { trackId: staff.trackId, distanceM: round(staff.d, 3) } : {}),
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
}

export function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
