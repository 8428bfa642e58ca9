// Staff restocking. They come out of the stock-room door, go to the emptiest plates, and fill them
// in several reaches of a handful of units each, which shows up on the shelves as large weight
// gains next to shoppers: the engine must recognise them and never charge anybody. Between rounds
// they fetch stock from the back; with nothing to fill they tidy shelves somewhere in the aisles.
import type { Agent } from './agent';
import { hold, reach, walkTo, type Behaviour } from './commands';
import { reachWindow, type SimContext } from './context';
import { ARM_REACH } from './shelf-access';

export function* staffShift(ctx: SimContext, me: Agent): Behaviour {
  const { rng } = me;
  let platesThisTrip = 0;
  let tripSize = 2 + rng.int(4);
  while (!ctx.closing) {
    if (platesThisTrip >= tripSize) {
      // Back to the stock room for the next tote.
      yield* walkTo(ctx.staffDoor[0], ctx.staffDoor[1], { patienceMs: 20_000 });
      yield* hold(rng.range(15_000, 45_000), true);
      platesThisTrip = 0;
      tripSize = 2 + rng.int(4);
      continue;
    }
    const site = ctx.stock.mostNeeded(me.x, me.y);
    if (!site) {
      // Nothing to fill: face up a shelf somewhere.
      const any = ctx.access.sites[rng.int(ctx.access.sites.length)]!;
      const stance = ctx.access.reserve(any, me.id, rng);
      if (stance) {
        const outcome = yield* walkTo(stance.x, stance.y, { patienceMs: 15_000 });
        if (outcome !== 'blocked') yield* hold(rng.range(8000, 25_000), true);
        ctx.access.release(me.id);
      } else {
        yield* hold(3000, true);
      }
      continue;
    }
    ctx.stock.claim(site);
    const stance = ctx.access.reserve(site, me.id, rng);
    if (stance) {
      const outcome = yield* walkTo(stance.x, stance.y, {
        near: { x: site.frontX, y: site.frontY, radius: ARM_REACH - 0.05 },
        patienceMs: 15_000,
      });
      if (outcome !== 'blocked') {
        yield* hold(rng.range(1500, 5000));
        // Several reaches of a few units each until the plate is full.
        while (ctx.stock.missing(site) > 0 && !ctx.closing) {
          const units = Math.min(ctx.stock.missing(site), 2 + rng.int(6));
          const { startMs, endMs } = reachWindow(ctx, me, 1500, 4000);
          ctx.ledger.restock(me, site, units, startMs, endMs);
          yield* reach(ctx.access.handPoint(site, rng), startMs, endMs);
          yield* hold(rng.range(700, 2500));
        }
        platesThisTrip += 1;
      }
      ctx.access.release(me.id);
    } else {
      yield* hold(2000);
    }
    ctx.stock.unclaim(site);
  }
  yield* walkTo(ctx.staffDoor[0], ctx.staffDoor[1]);
}
