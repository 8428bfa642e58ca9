// When parties arrive and how big they are. A non-homogeneous Poisson process (by thinning) whose
// base rate follows Little's law: people in store = arrival rate × time each spends inside, so
// asking for N shoppers sets rate = N ÷ typical visit ÷ people per arrival. An empty store at the
// start would spend the first visit-length filling up, so the rate is boosted early (an opening
// ramp) to reach the typical count sooner. Arrivals stop well before the end so the closing call
// can empty the store.
import type { BehaviourConfig } from './config';
import type { Rng } from './rng';

export interface Arrival {
  atMs: number;
  /** People entering on one token (1 for a lone shopper). */
  size: number;
}

/**
 * Typical time from appearing at the gate to leaving, for `shoppers` people in store: visits grow
 * longer as the store fills (queues at shelves and gates). Fitted on the demo store with the
 * default behaviour (about 1¾ minutes at 20 shoppers, 2½ at 60). It only sets the arrival rate.
 */
export function typicalVisitMs(shoppers: number): number {
  return 70_000 + 1400 * shoppers;
}

/**
 * Balking: a passer-by who sees the store well over its usual crowd may walk on. Crowding makes
 * visits longer, which Little's law would turn into ever more people inside; this keeps a busy
 * run near the number asked for. Probability grows from 0 at the typical count to 90 % at 30 %
 * over it.
 */
export function balkProbability(inside: number, typical: number): number {
  if (typical <= 0) return 0;
  return Math.min(0.9, Math.max(0, (3 * (inside - typical)) / typical));
}

export function groupSize(rng: Rng): number {
  const r = rng.float();
  return r < 0.6 ? 2 : r < 0.9 ? 3 : 4;
}

/** When arrivals stop: early enough for the last shoppers to finish, scaled down for short runs. */
export function lastArrivalOffsetMs(durationMs: number): number {
  return durationMs - Math.min(120_000, durationMs * 0.25);
}

export function drawArrivals(config: BehaviourConfig, rng: Rng): Arrival[] {
  const meanGroup = 0.6 * 2 + 0.3 * 3 + 0.1 * 4; // E[size | group], as groupSize draws it
  const peoplePerArrival = 1 + config.groupFraction * (meanGroup - 1) + config.tailgateRate;
  const visitMs = typicalVisitMs(config.shoppers);
  const base = config.shoppers / (visitMs / 1000) / peoplePerArrival; // arrivals per second
  if (base <= 0) return [];
  const ramp = (t: number): number => 1 + Math.exp(-t / (visitMs / 2));
  const curve = [...(config.arrivalCurve ?? [])].sort((a, b) => a.atMs - b.atMs);
  const curveAt = (t: number): number => interpolate(curve, t);
  const maxCurve = curve.length > 0 ? Math.max(...curve.map((p) => p.multiplier)) : 1;
  const bound = base * 2 * maxCurve;
  const end = lastArrivalOffsetMs(config.durationMs);
  const out: Arrival[] = [];
  for (let t = rng.exponential(1000 / bound); t < end; t += rng.exponential(1000 / bound)) {
    if (!rng.chance((base * ramp(t) * curveAt(t)) / bound)) continue;
    out.push({ atMs: config.startMs + Math.round(t), size: rng.chance(config.groupFraction) ? groupSize(rng) : 1 });
  }
  return out;
}

/** Piecewise-linear in a curve sorted by time. */
function interpolate(sorted: { atMs: number; multiplier: number }[], t: number): number {
  if (sorted.length === 0) return 1;
  if (t <= sorted[0]!.atMs) return sorted[0]!.multiplier;
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (t <= b.atMs) return a.multiplier + ((b.multiplier - a.multiplier) * (t - a.atMs)) / Math.max(1, b.atMs - a.atMs);
  }
  return sorted[sorted.length - 1]!.multiplier;
}
