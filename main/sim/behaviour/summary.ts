// Figures about a simulated world, computed from the world alone (not from simulator internals):
// what the tests assert and what a benchmark report prints. Distances between people are taken at
// common sample times, as a camera would see them.
import { locatePlates } from '../../store/geometry';
import type { StoreLayout } from '../../store/schema';
import type { InteractionKind, SimWorld } from '../world';

export interface WorldSummary {
  people: number;
  shoppers: number;
  staff: number;
  tailgaters: number;
  sessions: number;
  groupSessions: number;
  /** Sessions whose receipt is empty. */
  emptyReceipts: number;
  interactions: Record<InteractionKind, number>;
  handOffs: number;
  /** Pairs of picks by people of different sessions at adjacent plates with overlapping hand-in-shelf times. */
  simultaneousAdjacentPicks: number;
  /** Mean and peak number of shoppers (not staff) on the floor over the whole run. */
  meanShoppersInside: number;
  /** Median number of shoppers on the floor over the middle half of the run, past the opening ramp and before closing. */
  typicalShoppersInside: number;
  peakShoppersInside: number;
  /** Closest two people ever came (body centres). */
  minDistance: number;
  /** Share of person-samples whose nearest other person is at least 0.35 m away. */
  shareAtLeast035: number;
  /** Person-samples with someone nearer than 0.35 m. */
  samplesUnder035: number;
  maxSpeed: number;
  samples: number;
}

/** Plates whose front edges lie within `within` metres on one fixture face. */
export function adjacentPlates(layout: StoreLayout, within = 0.55): (a: string, b: string) => boolean {
  const plates = locatePlates(layout);
  return (a, b) => {
    const p = plates.get(a);
    const q = plates.get(b);
    if (!p || !q || a === b || p.fixture.id !== q.fixture.id) return false;
    if (p.facing[0] * q.facing[0] + p.facing[1] * q.facing[1] < 0.9) return false;
    return Math.hypot(p.front[0] - q.front[0], p.front[1] - q.front[1]) <= within;
  };
}

export function countSimultaneousAdjacentPicks(world: SimWorld, layout: StoreLayout): number {
  const adjacent = adjacentPlates(layout);
  const picks = world.interactions.filter((i) => i.kind === 'pick');
  let count = 0;
  for (let i = 0; i < picks.length; i++) {
    const a = picks[i]!;
    for (let j = i + 1; j < picks.length && picks[j]!.startMs <= a.endMs; j++) {
      const b = picks[j]!;
      if (a.personId === b.personId || (a.sessionId !== undefined && a.sessionId === b.sessionId)) continue;
      if (b.startMs <= a.endMs && adjacent(a.plate, b.plate)) count++;
    }
  }
  return count;
}

export function summariseWorld(world: SimWorld, layout: StoreLayout): WorldSummary {
  const tr = world.trajectories;
  const period = 1000 / tr.trajectoryHz;
  const roleOf = new Map(world.people.map((p) => [p.id, p.role]));
  // Bucket samples by sample index so people are compared at the same instant.
  const buckets = new Map<number, number[]>();
  let maxSpeed = 0;
  for (let i = 0; i < tr.personIds.length; i++) {
    for (let s = tr.start[i]!; s < tr.start[i + 1]!; s++) {
      const k = Math.round((tr.t[s]! - world.startMs) / period);
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = []));
      b.push(s, tr.personIds[i]!);
      if (s > tr.start[i]!) {
        const dt = (tr.t[s]! - tr.t[s - 1]!) / 1000;
        if (dt > 0) maxSpeed = Math.max(maxSpeed, Math.hypot(tr.x[s]! - tr.x[s - 1]!, tr.y[s]! - tr.y[s - 1]!) / dt);
      }
    }
  }
  let minDistance = Infinity;
  let under = 0;
  let shopperSamples = 0;
  let peak = 0;
  const counts: number[] = [];
  const spanTicks = (world.endMs - world.startMs) / period;
  for (const [k, b] of buckets) {
    // Sorted by x, a person's nearest neighbour is found scanning outwards until x alone is too far.
    const order: number[] = [];
    for (let u = 0; u < b.length; u += 2) order.push(u);
    order.sort((u, v) => tr.x[b[u]!]! - tr.x[b[v]!]!);
    let shoppers = 0;
    for (let i = 0; i < order.length; i++) {
      const su = b[order[i]!]!;
      if (roleOf.get(b[order[i]! + 1]!) === 'shopper') shoppers++;
      let nearest = Infinity;
      for (const step of [-1, 1]) {
        for (let j = i + step; j >= 0 && j < order.length; j += step) {
          const sv = b[order[j]!]!;
          const dx = Math.abs(tr.x[su]! - tr.x[sv]!);
          if (dx >= nearest) break;
          nearest = Math.min(nearest, Math.hypot(dx, tr.y[su]! - tr.y[sv]!));
        }
      }
      minDistance = Math.min(minDistance, nearest);
      if (nearest < 0.35) under++;
    }
    shopperSamples += shoppers;
    peak = Math.max(peak, shoppers);
    if (k >= spanTicks * 0.25 && k <= spanTicks * 0.75) counts.push(shoppers);
  }
  const samples = tr.t.length;
  const interactions: Record<InteractionKind, number> = { pick: 0, 'put-back': 0, 'misplaced-put-back': 0, restock: 0 };
  for (const it of world.interactions) interactions[it.kind]++;
  const spanSamples = Math.max(1, Math.round((world.endMs - world.startMs) / period));
  return {
    people: world.people.length,
    shoppers: world.people.filter((p) => p.role === 'shopper').length,
    staff: world.people.filter((p) => p.role === 'staff').length,
    tailgaters: world.people.filter((p) => p.tailgater).length,
    sessions: world.sessions.length,
    groupSessions: world.sessions.filter((s) => s.memberIds.length > 1).length,
    emptyReceipts: world.sessions.filter((s) => s.receipt.length === 0).length,
    interactions,
    handOffs: world.handOffs.length,
    simultaneousAdjacentPicks: countSimultaneousAdjacentPicks(world, layout),
    meanShoppersInside: shopperSamples / spanSamples,
    typicalShoppersInside: median(counts),
    peakShoppersInside: peak,
    minDistance,
    shareAtLeast035: samples > 0 ? 1 - under / samples : 1,
    samplesUnder035: under,
    maxSpeed,
    samples,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
