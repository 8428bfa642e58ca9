// Carries out one walk command: plans a route, follows its legs with a little heading wander,
// slows into the goal, and notices when the crowd stops it. A walker that makes no progress first
// re-plans around the people standing in its way (a shopper turning back to take the next aisle),
// then, if still stuck, accepts a spot within arm's reach of where it was going, squeezes past
// ("excuse me") with a smaller separation, and finally reports 'blocked' so the behaviour can
// choose something else to do. A walker with unlimited patience (leaving the store) that is still
// stuck after 25 s brushes through: rare, and the only way two people in a one-body-wide pocket
// can swap places.
import { NORMAL_SEPARATION, SQUEEZE_SEPARATION, type Agent } from './agent';
import type { WalkCommand, WalkOutcome } from './commands';
import { steer } from './crowd';
import type { NavGrid } from './nav-grid';
import type { PathSearch } from './path-search';

export interface MotionContext {
  grid: NavGrid;
  search: PathSearch;
  /** Everybody on the floor now. */
  active: readonly Agent[];
  nowMs: number;
  dtMs: number;
  /** Whether a standing person may step aside for a stuck walker (not while using a shelf: they must stay within reach of it). */
  mayStepAside(me: Agent): boolean;
}

const WAYPOINT_WITHIN = 0.3;
const REPLAN_AFTER_MS = 2500;
const NEAR_AFTER_MS = 1200;
const SQUEEZE_AFTER_MS = 12_000;
/** Last resort against a true deadlock: pass through (bodies brush) until progress resumes. */
const GHOST_AFTER_MS = 25_000;
const MAX_SPEED = 1.4;
/** Comfortable deceleration when arriving (m/s²). */
const ARRIVE_DECEL = 1.2;

export function beginWalk(me: Agent, walk: WalkCommand, ctx: MotionContext): void {
  me.walk = walk;
  me.lastProgressMs = ctx.nowMs;
  me.progressX = me.x;
  me.progressY = me.y;
  me.minSep = NORMAL_SEPARATION;
  me.stepsSinceSightCheck = 0;
  me.replans = 0;
  plan(me, ctx, false);
}

/** One tick of walking; returns the outcome when the walk is over, else undefined. */
export function stepWalk(me: Agent, ctx: MotionContext): WalkOutcome | undefined {
  const walk = me.walk!;
  const path = me.path!;
  const toGoal = Math.hypot(walk.x - me.x, walk.y - me.y);
  if (toGoal < walk.arriveWithin || walk.until?.()) return finish(me, 'arrived');

  const last = path.length / 2 - 1;
  while (me.waypoint < last && Math.hypot(path[2 * me.waypoint]! - me.x, path[2 * me.waypoint + 1]! - me.y) < WAYPOINT_WITHIN) {
    me.waypoint++;
  }
  let wx = path[2 * me.waypoint]!;
  let wy = path[2 * me.waypoint + 1]!;
  // Pushed off the route by the crowd, a walker may lose sight of its next corner: plan afresh from here.
  if (++me.stepsSinceSightCheck >= 10) {
    me.stepsSinceSightCheck = 0;
    if (!ctx.search.lineOfSight(me.x, me.y, wx, wy, true)) {
      plan(me, ctx, false);
      wx = me.path![2 * me.waypoint]!;
      wy = me.path![2 * me.waypoint + 1]!;
    }
  }

  const dx = wx - me.x;
  const dy = wy - me.y;
  const dist = Math.hypot(dx, dy) || 1e-9;
  const dt = ctx.dtMs / 1000;
  let speed = Math.min(MAX_SPEED, me.prefSpeed * walk.speedFactor);
  const remaining = me.waypoint === last ? toGoal : Math.max(toGoal, dist);
  // Slow into a standing spot; walk straight on through a pass-through point.
  if (walk.arriveWithin < 0.3) speed = Math.min(speed, Math.sqrt(2 * ARRIVE_DECEL * remaining) + 0.05);
  // Heading wander (Ornstein–Uhlenbeck, ~6° sd, ~2 s memory), damped near the goal so people still arrive.
  me.headingNoise += (-me.headingNoise / 2) * dt + 0.085 * Math.sqrt(dt) * me.rng.normal();
  const wander = toGoal > 1 ? me.headingNoise : 0;
  const c = Math.cos(wander);
  const s = Math.sin(wander);
  const ux = dx / dist;
  const uy = dy / dist;
  steer(me, ctx.active, ctx.grid, (ux * c - uy * s) * speed, (uy * c + ux * s) * speed, dt);

  // Progress: having got 30 cm from where the walker last made progress (re-planning moves no one).
  const now = ctx.nowMs;
  if (Math.hypot(me.x - me.progressX, me.y - me.progressY) >= 0.3) {
    me.progressX = me.x;
    me.progressY = me.y;
    me.lastProgressMs = now;
    me.minSep = NORMAL_SEPARATION;
    me.replans = 0;
  }
  const stalled = now - me.lastProgressMs;
  if (walk.nearRadius > 0 && stalled > NEAR_AFTER_MS && Math.hypot(walk.nearX - me.x, walk.nearY - me.y) <= walk.nearRadius) {
    return finish(me, 'near');
  }
  if (stalled > walk.patienceMs) return finish(me, 'blocked');
  if (stalled > GHOST_AFTER_MS) me.minSep = 0;
  else if (stalled > SQUEEZE_AFTER_MS) me.minSep = SQUEEZE_SEPARATION;
  // Re-plan around the crowd, less often the longer it keeps failing (a queue does not clear faster for it).
  if (stalled > REPLAN_AFTER_MS && now - me.lastReplanMs > REPLAN_AFTER_MS * Math.min(4, 1 + me.replans)) {
    me.lastReplanMs = now;
    me.replans += 1;
    plan(me, ctx, true);
  }
  return undefined;
}

function finish(me: Agent, outcome: WalkOutcome): WalkOutcome {
  me.walk = undefined;
  me.path = undefined;
  me.minSep = NORMAL_SEPARATION;
  return outcome;
}

/**
 * Plans from where the walker stands. Around the crowd: people standing still within a few metres
 * weigh on the route like obstacles, walkers lightly, so a blocked aisle sends the planner round
 * the next one when that is not much longer.
 */
function plan(me: Agent, ctx: MotionContext, aroundCrowd: boolean): void {
  const walk = me.walk!;
  const { grid, search } = ctx;
  const touched: number[] = [];
  if (aroundCrowd) {
    for (const o of ctx.active) {
      if (o === me || Math.abs(o.x - me.x) > 6 || Math.abs(o.y - me.y) > 6) continue;
      const standing = o.speed < 0.25;
      stampDisc(grid, search.overlay, o.x, o.y, standing ? 0.5 : 0.35, standing ? 12 : 2, touched);
    }
  }
  let path = search.find(me.x, me.y, walk.x, walk.y);
  for (const i of touched) search.overlay[i] = 0;
  if (!path && aroundCrowd) path = search.find(me.x, me.y, walk.x, walk.y);
  me.path = path ?? [walk.x, walk.y];
  me.waypoint = 0;
}

function stampDisc(grid: NavGrid, overlay: Float32Array, x: number, y: number, radius: number, cost: number, touched: number[]): void {
  const c0 = grid.col(x - radius);
  const c1 = grid.col(x + radius);
  const r0 = grid.row(y - radius);
  const r1 = grid.row(y + radius);
  for (let r = Math.max(0, r0); r <= Math.min(grid.rows - 1, r1); r++) {
    for (let c = Math.max(0, c0); c <= Math.min(grid.cols - 1, c1); c++) {
      if (Math.hypot(grid.centreX(c) - x, grid.centreY(r) - y) > radius) continue;
      const i = r * grid.cols + c;
      if (overlay[i] === 0) touched.push(i);
      overlay[i] = Math.max(overlay[i]!, cost);
    }
  }
}
