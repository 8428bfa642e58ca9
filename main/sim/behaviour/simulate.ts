// The people model of the store simulator: simulateWorld(store, config) plays a stretch of store
// time tick by tick (≤ 100 ms) and returns the ground truth SimWorld the sensor models render and
// the evaluator scores against. Deterministic: every draw comes from streams derived from the seed.
//
// Time line: arrivals (Poisson, with an opening ramp and balking when the store is over-full) run
// until 25 % of the run (at most 2 min) before its end. The closing call goes out 12 % (at most
// 60 s) before the end: people still queueing outside go home (no scan, no session), shoppers
// finish what they are doing and walk out, staff go back to the stock room. Anybody still inside at
// endMs keeps walking out and the world's endMs stretches to the last exit (up to 5 minutes, after
// which anyone left is cut off where they stand and counted in the stats; not seen on the demo
// store in 20–60-shopper runs).
import type { StoreModel } from '../../store/schema';
import type { SimPerson, SimSession, SimWorld } from '../world';
import type { Agent } from './agent';
import { balkProbability, drawArrivals } from './arrivals';
import { checkBehaviourConfig, type BehaviourConfig } from './config';
import type { Rates, SimContext } from './context';
import { Ledger } from './ledger';
import { navGridFor, type GateLane } from './nav-grid';
import { pathSearchFor } from './path-search';
import { Population } from './population';
import { Recorder } from './recorder';
import { RendezvousBoard } from './rendezvous';
import { Rng } from './rng';
import { advanceBehaviour, moveBody, type RuntimeHooks } from './runtime';
import { shelfAccessFor } from './shelf-access';
import { assortmentFor } from './shopping-list';
import { Stock } from './stock';
import type { MotionContext } from './walker';

const STREAM_ARRIVALS = 1;
const STREAM_STOCK = 2;
const STREAM_SESSIONS = 3;
const STREAM_BALKING = 4;
/** Nobody appears within this distance of someone already standing at the spawn point. */
const SPAWN_CLEARANCE = 0.5;
const OVERRUN_LIMIT_MS = 5 * 60_000;

export interface SimulationStats {
  /** Meetings where two strangers reached into adjacent plates on a shared cue. */
  stagedSimultaneousPicks: number;
  /** People cut off at the overrun limit (0 in a healthy run). */
  cutOff: number;
  ticks: number;
}

export function simulateWorld(store: StoreModel, config: BehaviourConfig): SimWorld {
  return simulateWorldWithStats(store, config).world;
}

export function simulateWorldWithStats(store: StoreModel, config: BehaviourConfig): { world: SimWorld; stats: SimulationStats } {
  checkBehaviourConfig(config);
  const { layout } = store;
  const grid = navGridFor(layout);
  const search = pathSearchFor(grid);
  const access = shelfAccessFor(store, grid);
  const stock = new Stock(access, Rng.derive(config.seed, STREAM_STOCK));
  const ledger = new Ledger(stock);
  const board = new RendezvousBoard();
  const recorder = new Recorder(grid.lanes);
  const active: Agent[] = [];
  const laneLoads = new Map<GateLane, number>();
  const laneQueues = new Map<GateLane, Agent[]>(grid.lanes.map((lane) => [lane, []]));
  const endMs = config.startMs + config.durationMs;
  const closeMs = endMs - Math.min(60_000, config.durationMs * 0.12);
  const rates: Rates = {
    putBack: config.putBackRate ?? 0.1,
    misplacedPutBack: config.misplacedPutBackRate,
    handOff: config.handOffRate,
    simultaneousPick: config.simultaneousPickRate,
    tailgate: config.tailgateRate,
  };

  // Ticks of at most 100 ms that divide the sampling period, so samples fall on ticks.
  const samplePeriodMs = 1000 / config.trajectoryHz;
  const ticksPerSample = Math.ceil(samplePeriodMs / 100);
  const dtMs = samplePeriodMs / ticksPerSample;

  const ctx: SimContext = {
    config,
    rates,
    grid,
    search,
    access,
    stock,
    ledger,
    board,
    assortment: assortmentFor(store, access),
    staffDoor: staffDoor(store, grid),
    nowMs: config.startMs,
    dtMs,
    closing: false,
    active,
    spawnTailgater: (host, lane) => population.addTailgater(host, lane),
    noteScan: (person, lane) => recorder.noteScan(person, lane, Math.round(ctx.nowMs)),
    hasEntered: (person) => recorder.hasEntered(person),
    exitLane: (person) => recorder.exitLane(person),
    laneQueue: (lane) => laneQueues.get(lane)!,
    laneLoad: (lane) => laneLoads.get(lane) ?? 0,
    useLane: (lane, delta) => laneLoads.set(lane, (laneLoads.get(lane) ?? 0) + delta),
  };
  const population = new Population(ctx, layout, Rng.derive(config.seed, STREAM_SESSIONS));
  const motion: MotionContext = { grid, search, active, nowMs: config.startMs, dtMs, mayStepAside: (me) => !access.holds(me.id) };
  const hooks: RuntimeHooks = {
    closing: () => ctx.closing,
    finished: (me) => {
      me.state = 'gone';
      ledger.carryOut(me);
      access.release(me.id);
    },
  };

  for (let i = 0; i < config.staffCount; i++) population.addStaff(i);
  const arrivals = drawArrivals(config, Rng.derive(config.seed, STREAM_ARRIVALS));
  const balkRng = Rng.derive(config.seed, STREAM_BALKING);
  let nextArrival = 0;
  let pendingFrom = 0;
  let cutOff = 0;
  let tick = 0;

  for (; ; tick++) {
    const now = config.startMs + tick * dtMs;
    ctx.nowMs = now;
    motion.nowMs = now;
    if (!ctx.closing && now >= closeMs) {
      ctx.closing = true;
      population.dropUnstarted();
    }
    ledger.settle(now);
    while (nextArrival < arrivals.length && arrivals[nextArrival]!.atMs <= now) {
      const arrival = arrivals[nextArrival++]!;
      if (!balkRng.chance(balkProbability(population.shoppersAround(), config.shoppers))) population.addArrival(arrival);
    }
    pendingFrom = spawnDue(population.agents, pendingFrom, active, now);

    // Behaviours, then bodies; the starting person rotates so nobody always yields first.
    const n = active.length;
    for (let k = 0; k < n; k++) {
      const me = active[(k + tick) % n]!;
      if (me.state === 'active') advanceBehaviour(me, motion, hooks);
    }
    compact(active);
    const m = active.length;
    for (let k = 0; k < m; k++) {
      const me = active[(k + tick) % m]!;
      const px = me.x;
      const py = me.y;
      moveBody(me, motion);
      recorder.checkCrossing(me, px, py, now - dtMs, now);
    }
    if (tick % ticksPerSample === 0) for (const me of active) recorder.sample(me, Math.round(now));

    const everyoneOut = active.length === 0 && nextArrival >= arrivals.length && pendingFrom >= population.agents.length;
    if (now >= endMs && everyoneOut) break;
    if (now >= endMs + OVERRUN_LIMIT_MS) {
      for (const me of active) {
        hooks.finished(me);
        cutOff += 1;
      }
      break;
    }
  }

  const world = assemble(store, config, population, recorder, ledger, stock.initial, endMs);
  return { world, stats: { stagedSimultaneousPicks: board.held, cutOff, ticks: tick + 1 } };
}

/** Activates people whose time has come and whose spawn point is clear; returns the first still pending. */
function spawnDue(agents: Agent[], from: number, active: Agent[], now: number): number {
  let firstPending = agents.length;
  for (let i = from; i < agents.length; i++) {
    const me = agents[i]!;
    if (me.state !== 'pending') continue;
    if (me.spawnAtMs <= now && !active.some((o) => Math.hypot(o.x - me.spawnX, o.y - me.spawnY) < SPAWN_CLEARANCE)) {
      me.x = me.spawnX;
      me.y = me.spawnY;
      me.state = 'active';
      me.nextSwayMs = now;
      active.push(me);
      continue;
    }
    firstPending = Math.min(firstPending, i);
  }
  return firstPending;
}

/** Drops people who have left, in place. */
function compact(active: Agent[]): void {
  let j = 0;
  for (let i = 0; i < active.length; i++) if (active[i]!.state === 'active') active[j++] = active[i]!;
  active.length = j;
}

function staffDoor(store: StoreModel, grid: ReturnType<typeof navGridFor>): [number, number] {
  const zone = store.layout.zones.find((z) => z.kind === 'staff');
  const anchor = zone
    ? ([zone.polygon.reduce((s, p) => s + p[0], 0) / zone.polygon.length, zone.polygon.reduce((s, p) => s + p[1], 0) / zone.polygon.length] as const)
    : (grid.lanes[0]?.inner ?? [store.layout.floor.width / 2, store.layout.floor.depth / 2]);
  const p = grid.nearestClear(anchor[0], anchor[1], 0.45);
  return [p[0], p[1]];
}

function assemble(
  store: StoreModel,
  config: BehaviourConfig,
  population: Population,
  recorder: Recorder,
  ledger: Ledger,
  initialStock: SimWorld['initialStock'],
  plannedEndMs: number,
): SimWorld {
  const agents = population.agents.filter((a) => a.state === 'gone');
  const ids = agents.map((a) => a.id);
  const trajectories = recorder.build(ids, config.trajectoryHz);
  const people: SimPerson[] = agents.map((a, i) => {
    const from = trajectories.start[i]!;
    const to = trajectories.start[i + 1]!;
    return {
      id: a.id,
      role: a.role,
      sessionId: a.sessionId,
      tailgater: a.tailgater,
      enterMs: to > from ? trajectories.t[from]! : a.spawnAtMs,
      exitMs: to > from ? trajectories.t[to - 1]! : a.spawnAtMs,
    };
  });
  const crossings = [...recorder.crossings].sort((a, b) => a.atMs - b.atMs || a.personId - b.personId);
  const sessions: SimSession[] = population.sessions.map((s) => {
    const mine = crossings.filter((c) => s.memberIds.includes(c.personId));
    const ins = mine.filter((c) => c.direction === 'in').map((c) => c.atMs);
    const outs = mine.filter((c) => c.direction === 'out').map((c) => c.atMs);
    return {
      id: s.id,
      token: s.token,
      account: s.account,
      memberIds: [...s.memberIds],
      entryMs: ins.length > 0 ? Math.min(...ins) : NaN,
      exitMs: outs.length > 0 ? Math.max(...outs) : NaN,
      receipt: ledger.receipt(s.id),
    };
  });
  const lastExit = people.reduce((m, p) => Math.max(m, p.exitMs), plannedEndMs);
  return {
    storeId: store.layout.id,
    seed: config.seed,
    startMs: config.startMs,
    endMs: lastExit,
    people,
    sessions,
    trajectories,
    interactions: ledger.finalInteractions(),
    handOffs: [...ledger.handOffs].sort((a, b) => a.atMs - b.atMs),
    gateCrossings: crossings,
    initialStock,
  };
}
