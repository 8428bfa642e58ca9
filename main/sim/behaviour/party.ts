// Groups on one token. About half of them shop together: the leader chooses each stop, the others
// gather at plates beside it (sometimes picking), and nobody moves on until all are done, which is
// when items change hands. The rest split up after the gate, each with a shorter list, and leave on
// their own: one session, several tracks far apart, the engine's hardest grouping case.
import type { Agent } from './agent';
import { hold, waitFor, walkTo, type Behaviour } from './commands';
import type { SimContext } from './context';
import type { GateLane } from './nav-grid';
import { chooseSite, dropUnwanted, pickAt, putBack, visit } from './shopper';
import { ARM_REACH, type PlateSite } from './shelf-access';
import { drawQuantity, type ListItem } from './shopping-list';

export interface Party {
  key: number;
  sessionId: string | undefined;
  members: Agent[];
  mode: 'solo' | 'together' | 'split';
  lane: GateLane;
  /** Together mode: the leader's current stop. */
  stop: { seq: number; site: PlateSite; browse: boolean } | undefined;
  /** Together mode: the last stop each member has finished. */
  done: Map<number, number>;
  finished: boolean;
}

/** Group barrier: how long the leader waits for stragglers before moving on. */
const BARRIER_MS = 40_000;

export function* leadParty(ctx: SimContext, me: Agent, party: Party, list: ListItem[]): Behaviour {
  // Regroup a few steps inside, clear of the gate, until everybody is through.
  const lane = party.lane;
  const [rx, ry] = ctx.grid.nearestClear(
    lane.inner[0] + lane.inward[0] * 1.2 - lane.inward[1] * me.rng.range(-0.8, 0.8),
    lane.inner[1] + lane.inward[1] * 1.2 + lane.inward[0] * me.rng.range(-0.8, 0.8),
    0.4,
  );
  yield* walkTo(rx, ry, { arriveWithin: 0.3, patienceMs: 5000 });
  yield* waitFor(() => ctx.closing || party.members.every((m) => ctx.hasEntered(m)), 30_000);
  let seq = 0;
  for (const item of list) {
    if (ctx.closing) break;
    const site = chooseSite(ctx, me, item);
    if (!site) continue;
    seq += 1;
    party.stop = { seq, site, browse: item.browse };
    const result = yield* visit(ctx, me, item, site, true);
    party.done.set(me.id, seq);
    const s = seq;
    // The others finish at the plates beside this one; nobody moves on without them.
    if (result === 'done') {
      yield* waitFor(() => ctx.closing || party.members.every((m) => !ctx.hasEntered(m) || m.state !== 'active' || (party.done.get(m.id) ?? 0) >= s), BARRIER_MS);
    }
    ctx.access.release(me.id);
    passSomething(ctx, me, party);
  }
  party.finished = true;
}

export function* followParty(ctx: SimContext, me: Agent, party: Party): Behaviour {
  let seen = 0;
  const leader = party.members[0]!;
  // Join the leader where they regroup, out of the gate's way.
  const [jx, jy] = besideLeader(ctx, me, leader);
  yield* walkTo(jx, jy, { arriveWithin: 0.5, patienceMs: 5000 });
  for (;;) {
    const next = yield* waitFor(() => ctx.closing || party.finished || (party.stop?.seq ?? 0) > seen, 2500);
    if (ctx.closing || party.finished || leader.state !== 'active') break;
    if (!next) {
      // Nothing new yet: keep within a couple of metres of the leader rather than stand about (at a gate, say).
      if (Math.hypot(leader.x - me.x, leader.y - me.y) > 2.2 || nearAGate(ctx, me)) {
        ctx.access.release(me.id);
        const [x, y] = besideLeader(ctx, me, leader);
        yield* walkTo(x, y, { arriveWithin: 0.9, patienceMs: 5000 });
      }
      continue;
    }
    const stop = party.stop!;
    seen = stop.seq;
    const near = ctx.access.sameFaceWithin(stop.site, 1.3).filter((s) => s !== stop.site && s.sku);
    const site = near.length > 0 ? me.rng.pick(near) : stop.site;
    const stance = ctx.access.reserve(site, me.id, me.rng);
    if (stance) {
      const outcome = yield* walkTo(stance.x, stance.y, {
        near: { x: site.frontX, y: site.frontY, radius: ARM_REACH - 0.05 },
        patienceMs: 10_000,
      });
      if (outcome !== 'blocked') yield* accompany(ctx, me, site, stop.browse);
      else ctx.access.release(me.id);
    }
    party.done.set(me.id, seen);
  }
  ctx.access.release(me.id);
}

/**
 * A free spot about 0.8 m from the leader: on the follower's side, or, near a gate, on the side
 * away from it (a group standing in a gate mouth blocks it for everybody).
 */
function besideLeader(ctx: SimContext, me: Agent, leader: Agent): [number, number] {
  let dx = me.x - leader.x;
  let dy = me.y - leader.y;
  const gate = nearestLane(ctx, leader.x, leader.y);
  if (Math.hypot(gate.mid[0] - leader.x, gate.mid[1] - leader.y) < 3) {
    dx = gate.inward[0] + (me.rng.float() - 0.5);
    dy = gate.inward[1] + (me.rng.float() - 0.5);
  }
  const d = Math.hypot(dx, dy) || 1;
  return ctx.grid.nearestClear(leader.x + (dx / d) * 0.8, leader.y + (dy / d) * 0.8, 0.32);
}

function nearestLane(ctx: SimContext, x: number, y: number): GateLane {
  let best = ctx.grid.lanes[0]!;
  for (const lane of ctx.grid.lanes) {
    if (Math.hypot(lane.mid[0] - x, lane.mid[1] - y) < Math.hypot(best.mid[0] - x, best.mid[1] - y)) best = lane;
  }
  return best;
}

function nearAGate(ctx: SimContext, me: Agent): boolean {
  const lane = nearestLane(ctx, me.x, me.y);
  return Math.hypot(lane.mid[0] - me.x, lane.mid[1] - me.y) < 1.3;
}

/** A member at the plate beside the leader's: looks, sometimes takes something too. */
function* accompany(ctx: SimContext, me: Agent, site: PlateSite, browse: boolean): Behaviour {
  const { rng } = me;
  yield* hold(rng.range(1000, 5000));
  if (!browse && site.sku && rng.chance(0.35)) {
    const taken = yield* pickAt(ctx, me, site, site.sku, drawQuantity(rng), rng.chance(ctx.rates.misplacedPutBack));
    if (taken && rng.chance(ctx.rates.putBack)) yield* putBack(ctx, me, taken, 1, site, rng.range(800, 3000));
  }
  yield* dropUnwanted(ctx, me, site);
  yield* hold(rng.range(500, 3000), true);
}

/** At the rate set, one member passes something they hold to another standing within reach. */
function passSomething(ctx: SimContext, me: Agent, party: Party): void {
  const { rng } = me;
  const givers = party.members.filter((m) => m.state === 'active' && m.carried.length > 0);
  if (givers.length === 0 || !rng.chance(ctx.rates.handOff)) return;
  const giver = rng.pick(givers);
  const takers = party.members.filter(
    (m) => m !== giver && m.state === 'active' && Math.hypot(m.x - giver.x, m.y - giver.y) <= 1.8,
  );
  if (takers.length === 0) return;
  const item = rng.pick(giver.carried);
  ctx.ledger.handOff(giver, rng.pick(takers), item, item.units > 1 && rng.chance(0.5) ? 1 : item.units, ctx.nowMs);
}
