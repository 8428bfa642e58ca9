// Runs behaviours against the clock: resumes a person's behaviour whenever their command is over,
// and moves their body each tick (walking through the crowd model, or standing with a slight sway
// so a tracker never sees a perfectly frozen person). People standing about step aside for a
// walker stuck behind them and drift back afterwards, which dissolves most would-be deadlocks. A behaviour that issues commands without
// ever waiting is a bug and fails loudly rather than hanging the simulation.
import type { Agent } from './agent';
import type { Command } from './commands';
import { drift } from './crowd';
import { beginWalk, stepWalk, type MotionContext } from './walker';

const PENDING = Symbol('pending');
/** Sway: a few centimetres around where the person stands, at a shuffle. */
const SWAY_RADIUS = 0.03;
const SWAY_SPEED = 0.06;
/** Stepping aside for a stuck walker, and back again. */
const MAKE_ROOM_SPEED = 0.4;
const MAKE_ROOM_AFTER_MS = 2000;

export interface RuntimeHooks {
  /** Whether the closing call has gone out (ends interruptible holds). */
  closing(): boolean;
  /** The behaviour returned: the person has left. */
  finished(me: Agent): void;
}

export function advanceBehaviour(me: Agent, motion: MotionContext, hooks: RuntimeHooks): void {
  for (let guard = 0; guard < 64; guard++) {
    if (!me.command) {
      const next = me.script!.next(me.outcome);
      me.outcome = undefined;
      if (next.done) {
        hooks.finished(me);
        return;
      }
      begin(me, next.value, motion);
    }
    const outcome = poll(me, me.command!, motion.nowMs, hooks);
    if (outcome === PENDING) return;
    me.command = undefined;
    me.outcome = outcome;
  }
  throw new Error(`person ${me.id}'s behaviour issued 64 commands in one tick without waiting`);
}

function begin(me: Agent, command: Command, motion: MotionContext): void {
  me.command = command;
  me.anchorX = me.x;
  me.anchorY = me.y;
  me.swayX = 0;
  me.swayY = 0;
  switch (command.kind) {
    case 'walk':
      me.outcome = undefined;
      beginWalk(me, command, motion);
      break;
    case 'hold':
      me.commandEndMs = motion.nowMs + command.durationMs;
      break;
    case 'waitFor':
      me.commandEndMs = motion.nowMs + command.timeoutMs;
      break;
    case 'reach':
      me.handX = command.hand[0];
      me.handY = command.hand[1];
      me.handZ = command.hand[2];
      me.handFromMs = command.startMs;
      me.handToMs = command.endMs;
      break;
  }
}

/** Walk outcomes are set by moveBody; everything else is judged on the clock. */
function poll(me: Agent, command: Command, nowMs: number, hooks: RuntimeHooks): unknown {
  switch (command.kind) {
    case 'walk':
      return me.walk ? PENDING : me.outcome;
    case 'hold':
      if (command.breakOnClosing && hooks.closing()) return 'closing';
      return nowMs >= me.commandEndMs ? 'done' : PENDING;
    case 'waitFor':
      if (command.test()) return true;
      return nowMs >= me.commandEndMs ? false : PENDING;
    case 'reach':
      return nowMs >= command.endMs ? undefined : PENDING;
  }
}

export function moveBody(me: Agent, motion: MotionContext): void {
  if (me.command?.kind === 'walk' && me.walk) {
    const outcome = stepWalk(me, motion);
    if (outcome) me.outcome = outcome;
    return;
  }
  const dt = motion.dtMs / 1000;
  if (me.command?.kind === 'reach') {
    drift(me, motion.active, motion.grid, me.x, me.y, 0, dt);
    return;
  }
  // Someone has been stuck behind this person for a while: step aside to let them by.
  const stuck = motion.mayStepAside(me) ? stuckWalkerNear(me, motion) : undefined;
  if (stuck) {
    const [tx, ty] = asideFrom(me, stuck, motion);
    drift(me, motion.active, motion.grid, tx, ty, MAKE_ROOM_SPEED, dt);
    me.nextSwayMs = motion.nowMs + 2000;
    return;
  }
  if (motion.nowMs >= me.nextSwayMs) {
    const a = me.rng.range(0, 2 * Math.PI);
    const r = SWAY_RADIUS * Math.sqrt(me.rng.float());
    me.swayX = r * Math.cos(a);
    me.swayY = r * Math.sin(a);
    me.nextSwayMs = motion.nowMs + me.rng.range(1500, 4000);
  }
  const tx = me.anchorX + me.swayX;
  const ty = me.anchorY + me.swayY;
  // Back to where they stood at a step's pace after making room; otherwise a slow sway.
  const far = Math.hypot(tx - me.x, ty - me.y) > 0.1;
  drift(me, motion.active, motion.grid, tx, ty, far ? MAKE_ROOM_SPEED : SWAY_SPEED, dt);
}

/** A walker within arm's length that has made no progress for a few seconds. */
function stuckWalkerNear(me: Agent, motion: MotionContext): Agent | undefined {
  for (const o of motion.active) {
    if (o === me || !o.walk || motion.nowMs - o.lastProgressMs < MAKE_ROOM_AFTER_MS) continue;
    if (Math.abs(o.x - me.x) < 0.8 && Math.abs(o.y - me.y) < 0.8 && Math.hypot(o.x - me.x, o.y - me.y) < 0.8) return o;
  }
  return undefined;
}

/** Half a metre away from the stuck walker, or sideways to it when the wall is behind. */
function asideFrom(me: Agent, walker: Agent, motion: MotionContext): [number, number] {
  const d = Math.hypot(me.x - walker.x, me.y - walker.y) || 1;
  const ux = (me.x - walker.x) / d;
  const uy = (me.y - walker.y) / d;
  for (const [ax, ay] of [[ux, uy], [-uy, ux], [uy, -ux]] as const) {
    const x = me.x + ax * 0.5;
    const y = me.y + ay * 0.5;
    if (motion.grid.clearanceAt(x, y) >= 0.3) return [x, y];
  }
  return [me.x, me.y];
}
