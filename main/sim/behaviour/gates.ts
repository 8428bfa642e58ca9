// Getting in and out. A shopper queues in an entry lane, stops at the scanner to hold up their
// phone (each member of a group scans the shared code in turn), and walks in once the gate opens;
// a tailgater waits close behind and goes through on someone else's scan without stopping. Leaving,
// people pick the exit lane that is near and not busy, and vanish at its outer end.
import type { Agent } from './agent';
import { hold, walkTo, waitFor, type Behaviour } from './commands';
import type { SimContext } from './context';
import type { GateLane } from './nav-grid';

/**
 * From the lane's outer end to just inside the store, scanning on the way. One person at a time
 * steps up to the scanner (the lane is a queue), the next as soon as the gate has read the code.
 */
export function* enterWithScan(ctx: SimContext, me: Agent, lane: GateLane, mayBeTailgated: boolean): Behaviour {
  const queue = ctx.laneQueue(lane);
  queue.push(me);
  yield* waitFor(() => queue[0] === me, Infinity);
  yield* walkTo(lane.scan[0], lane.scan[1], { arriveWithin: 0.12 });
  if (mayBeTailgated && me.rng.chance(ctx.rates.tailgate)) ctx.spawnTailgater(me, lane);
  // Finding the app and holding the code under the reader.
  yield* hold(me.rng.range(600, 1800));
  ctx.noteScan(me, lane);
  queue.shift();
  // Well clear of the gate mouth before doing anything else: whoever stops there blocks the gate.
  yield* walkTo(lane.inner[0], lane.inner[1], { speedFactor: 0.9, arriveWithin: 0.3 });
}

/** Slips through right behind `host` without scanning; next in the lane queue, so nobody steps up meanwhile. */
export function* enterBehind(ctx: SimContext, me: Agent, lane: GateLane, host: Agent): Behaviour {
  const queue = ctx.laneQueue(lane);
  yield* waitFor(() => ctx.hasEntered(host), 30_000);
  yield* walkTo(lane.inner[0], lane.inner[1], { speedFactor: 1.3, arriveWithin: 0.6, until: () => ctx.hasEntered(me) });
  queue.splice(queue.indexOf(me), 1);
  yield* walkTo(lane.inner[0], lane.inner[1], { arriveWithin: 0.3 });
}

export function* leaveStore(ctx: SimContext, me: Agent): Behaviour {
  let best: GateLane | undefined;
  let bestScore = Infinity;
  for (const lane of ctx.grid.lanes) {
    if (lane.kind !== 'exit') continue;
    const score = Math.hypot(lane.inner[0] - me.x, lane.inner[1] - me.y) + 3 * ctx.laneLoad(lane) + me.rng.range(0, 1.5);
    if (score < bestScore) {
      bestScore = score;
      best = lane;
    }
  }
  if (!best) throw new Error('the store has no exit gate');
  ctx.useLane(best, 1);
  // Pushed into the neighbouring exit lane by the crowd, people leave through that one: turning
  // back against the flow in a one-person lane is what jams real exits.
  yield* walkTo(best.outer[0], best.outer[1], { arriveWithin: 0.25, until: () => ctx.exitLane(me) !== undefined });
  ctx.useLane(best, -1);
  const used = ctx.exitLane(me) ?? best;
  yield* walkTo(used.outer[0], used.outer[1], { arriveWithin: 0.25 });
}
