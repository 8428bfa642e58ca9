// A shopper at the shelves: walk to a plate, look, pick (the plate permitting), sometimes change
// their mind and put units back, sometimes drop something they no longer want on whatever plate is
// in front of them, and sometimes answer a stranger's staged meeting by picking next to them at
// the same moment. Dwell times are log-normal, clamped to 2–60 s, like measured shelf dwell.
import type { Agent, CarriedItem } from './agent';
import { hold, reach, waitFor, walkTo, type Behaviour } from './commands';
import { reachWindow, type SimContext } from './context';
import type { Meeting } from './rendezvous';
import { ARM_REACH, type PlateSite } from './shelf-access';
import { drawQuantity, type ListItem } from './shopping-list';

export type VisitResult = 'done' | 'busy' | 'empty';

/** How long a meeting's requester browses waiting for a partner. */
const MEETING_WAIT_MS = 30_000;
/** A partner must be this close (metres) when they take a meeting. */
const MEETING_RANGE = 12;

/** Shops a list alone (or as a group member shopping separately); then returns, ready to leave. */
export function* shopAlone(ctx: SimContext, me: Agent, list: ListItem[]): Behaviour {
  const queue = [...list];
  const deferred = new Map<ListItem, number>();
  while (queue.length > 0 && !ctx.closing) {
    const meeting = ctx.board.take(me, ctx.nowMs, MEETING_RANGE);
    if (meeting) yield* joinMeeting(ctx, me, meeting);
    const item = queue.shift()!;
    const startedMs = ctx.nowMs;
    const result = yield* visit(ctx, me, item, chooseSite(ctx, me, item));
    // Somebody is at that shelf: come back to it after the rest of the list (twice at most).
    const tries = deferred.get(item) ?? 0;
    if (result === 'busy' && tries < 2) {
      deferred.set(item, tries + 1);
      queue.push(item);
    }
    // Turned away without a step (every spot taken): look around before trying the next thing.
    if (result === 'busy' && ctx.nowMs - startedMs < 1000) yield* hold(me.rng.range(2500, 6000), true);
  }
}

/**
 * The plate to use for a list item: the browse hint, or the nearest plate of the product with
 * stock, preferring one nobody stands at (the same product often sits on two or three plates).
 */
export function chooseSite(ctx: SimContext, me: Agent, item: ListItem): PlateSite | undefined {
  if (item.browse) {
    // Browsing is not about one product: any free spot along that stretch of shelf will do.
    if (!ctx.access.crowdedAt(item.hint)) return item.hint;
    const free = ctx.access.sameFaceWithin(item.hint, 1.8).filter((s) => !ctx.access.crowdedAt(s));
    return free.length > 0 ? me.rng.pick(free) : item.hint;
  }
  let best: PlateSite | undefined;
  let bestD = Infinity;
  for (const i of ctx.access.platesBySku.get(item.sku) ?? []) {
    const site = ctx.access.sites[i]!;
    if (ctx.stock.available(site, item.sku) === 0) continue;
    const crowded = ctx.access.crowdedAt(site) ? 3 : 0;
    const d = Math.hypot(site.frontX - me.x, site.frontY - me.y) + me.rng.range(0, 1) + crowded;
    if (d < bestD) {
      bestD = d;
      best = site;
    }
  }
  return best;
}

/** Goes to the plate and does the item there; `keepSpot` holds the standing spot afterwards (a group leader waiting for the others). */
export function* visit(ctx: SimContext, me: Agent, item: ListItem, site: PlateSite | undefined, keepSpot = false): Behaviour<VisitResult> {
  if (!site) return 'empty';
  let stance = ctx.access.reserve(site, me.id, me.rng);
  if (!stance && !item.browse) stance = yield* waitYourTurn(ctx, me, site);
  if (!stance) return 'busy';
  const outcome = yield* walkTo(stance.x, stance.y, {
    near: { x: site.frontX, y: site.frontY, radius: ARM_REACH - 0.05 },
    patienceMs: 15_000,
    speedFactor: me.rng.range(0.85, 1.05),
  });
  if (outcome === 'blocked') {
    ctx.access.release(me.id);
    return 'busy';
  }
  yield* dwell(ctx, me, site, item);
  if (!keepSpot) ctx.access.release(me.id);
  return 'done';
}

/**
 * Somebody is at the shelf: stand a little further along it (looking at other things) and take
 * the spot when it frees up; null when it does not within a few seconds.
 */
function* waitYourTurn(ctx: SimContext, me: Agent, site: PlateSite): Behaviour<{ x: number; y: number } | null> {
  const spot = ctx.access.reserve(site, me.id, me.rng, 0, true);
  if (!spot) return null;
  const outcome = yield* walkTo(spot.x, spot.y, { arriveWithin: 0.3, patienceMs: 8000, speedFactor: 0.9 });
  if (outcome !== 'blocked') {
    for (let tries = 0; tries < 5 && !ctx.closing; tries++) {
      yield* hold(me.rng.range(1200, 3000));
      const stance = ctx.access.reserve(site, me.id, me.rng);
      if (stance) return stance;
    }
  }
  ctx.access.release(me.id);
  return null;
}

function* dwell(ctx: SimContext, me: Agent, site: PlateSite, item: ListItem): Behaviour {
  const { rng } = me;
  const startedMs = ctx.nowMs;
  const dwellMs = Math.min(60_000, Math.max(2000, rng.logNormal(8000, 0.8)));
  yield* hold(rng.range(600, 3000));
  if (item.browse) {
    // Browsing: now and then an item is taken down to read the label and put back.
    if (site.sku && rng.chance(0.2)) {
      const taken = yield* pickAt(ctx, me, site, site.sku, 1, false);
      if (taken) yield* putBack(ctx, me, taken, taken.units, site, rng.range(1500, 5000));
    }
  } else {
    let meeting: Meeting | undefined;
    if (!ctx.closing && rng.chance(ctx.rates.simultaneousPick) && site.adjacent.length > 0) {
      meeting = ctx.board.post(me, site, ctx.nowMs, MEETING_WAIT_MS);
      const m = meeting;
      yield* waitFor(() => m.state === 'ready' || m.state === 'cancelled', MEETING_WAIT_MS);
      ctx.board.cancel(m);
      if (m.state === 'ready') {
        const cue = m.reachAtMs + rng.range(-300, 300);
        yield* waitFor(() => ctx.nowMs >= cue, 5000);
      }
    }
    const taken = yield* pickAt(ctx, me, site, item.sku, item.want, rng.chance(ctx.rates.misplacedPutBack));
    if (taken && meeting?.state === 'ready' && meeting.partner && me.sessionId && rng.chance(ctx.rates.handOff)) {
      // "Could you pass me one?": the picker hands a unit to the stranger beside them and pays for it.
      yield* hold(rng.range(600, 1800));
      const partner = meeting.partner;
      if (partner.state === 'active' && Math.hypot(partner.x - me.x, partner.y - me.y) < 1.6) {
        ctx.ledger.handOff(me, partner, taken, 1, ctx.nowMs);
      }
    }
    if (taken && taken.units > 0 && rng.chance(ctx.rates.putBack)) {
      yield* putBack(ctx, me, taken, 1 + rng.int(taken.units), site, rng.range(800, 4000));
      // A swap: put this one back and take its neighbour instead.
      const next = site.adjacent
        .map((i) => ctx.access.sites[i]!)
        .find((s) => s.sku && ctx.stock.available(s, s.sku) > 0 && ctx.access.inReach(s, me.x, me.y));
      if (next?.sku && rng.chance(0.4)) yield* pickAt(ctx, me, next, next.sku, 1, false);
    }
  }
  yield* dropUnwanted(ctx, me, site);
  const left = startedMs + dwellMs - ctx.nowMs;
  if (left > 0) yield* hold(left, true);
}

/** Reaches in and takes up to `want` units; undefined (and no reach) when the plate has none. */
export function* pickAt(ctx: SimContext, me: Agent, site: PlateSite, sku: string, want: number, abandonOne: boolean): Behaviour<CarriedItem | undefined> {
  const { startMs, endMs } = reachWindow(ctx, me, 800, 2500);
  const item = ctx.ledger.pick(me, site, sku, want, startMs, endMs, abandonOne);
  if (!item) return undefined;
  yield* reach(ctx.access.handPoint(site, me.rng), startMs, endMs);
  return item;
}

/** Looks at the item for a while, then puts `units` of it back on `site`. */
export function* putBack(ctx: SimContext, me: Agent, item: CarriedItem, units: number, site: PlateSite, afterMs: number): Behaviour {
  yield* hold(afterMs);
  if (item.units <= 0 || !me.carried.includes(item)) return;
  const { startMs, endMs } = reachWindow(ctx, me, 600, 1800);
  ctx.ledger.putDown(me, item, units, site, startMs, endMs);
  yield* reach(ctx.access.handPoint(site, me.rng), startMs, endMs);
}

/** Leaves one unit of an item the shopper no longer wants on this plate or its neighbour. */
export function* dropUnwanted(ctx: SimContext, me: Agent, site: PlateSite): Behaviour {
  const item = me.carried.find((c) => c.abandon && c.fromPlate !== site.index);
  if (!item) return;
  const options = [site, ...site.adjacent.map((i) => ctx.access.sites[i]!)].filter(
    (s) => s.index !== item.fromPlate && ctx.access.inReach(s, me.x, me.y),
  );
  if (options.length === 0) return;
  const target = me.rng.pick(options);
  item.abandon = false;
  yield* putBack(ctx, me, item, 1, target, me.rng.range(400, 1500));
}

/** Answers a staged meeting: pick at a plate next to the requester's, on their cue. */
function* joinMeeting(ctx: SimContext, me: Agent, m: Meeting): Behaviour {
  const { access, stock } = ctx;
  const options = m.site.adjacent.map((i) => access.sites[i]!).filter((s) => s.sku && stock.available(s, s.sku) > 0);
  if (options.length === 0) return ctx.board.cancel(m);
  const site = me.rng.pick(options);
  // Stand on the far side of the neighbouring plate from the requester.
  const tx = -site.facingY;
  const ty = site.facingX;
  const side = (site.frontX - m.site.frontX) * tx + (site.frontY - m.site.frontY) * ty >= 0 ? 1 : -1;
  const stance = access.reserve(site, me.id, me.rng, side);
  if (!stance) return ctx.board.cancel(m);
  const outcome = yield* walkTo(stance.x, stance.y, { near: { x: site.frontX, y: site.frontY, radius: ARM_REACH - 0.05 }, patienceMs: 8000 });
  if (outcome === 'blocked') {
    access.release(me.id);
    return ctx.board.cancel(m);
  }
  yield* hold(me.rng.range(200, 800));
  if (m.state === 'taken') {
    const cueMs = ctx.nowMs + me.rng.range(400, 1000);
    ctx.board.ready(m, cueMs);
    const mine = cueMs + me.rng.range(-300, 300);
    yield* waitFor(() => ctx.nowMs >= mine, 5000);
    ctx.board.held += 1;
  }
  const taken = yield* pickAt(ctx, me, site, site.sku!, drawQuantity(me.rng), me.rng.chance(ctx.rates.misplacedPutBack));
  if (taken && me.rng.chance(ctx.rates.putBack)) yield* putBack(ctx, me, taken, 1, site, me.rng.range(800, 3000));
  yield* hold(me.rng.range(1000, 4000), true);
  access.release(me.id);
}
