// The vocabulary between a person's behaviour and the simulation clock. Behaviours are generator
// functions that yield one command at a time (walk there, stand for a while, reach into a shelf)
// and receive its outcome; the runtime advances the command step by step. This keeps "what a
// shopper intends" readable as straight-line code while the crowd model owns how bodies move.
import type { Vec3 } from '../../store/geometry';

export type WalkOutcome = 'arrived' | 'near' | 'blocked';

export interface WalkCommand {
  kind: 'walk';
  x: number;
  y: number;
  /** Accept stopping short within nearRadius of (nearX, nearY) when the last metre is blocked (reaching past someone). */
  nearX: number;
  nearY: number;
  nearRadius: number;
  /** Give up ('blocked') after making no progress for this long. */
  patienceMs: number;
  /** Multiplier on the person's preferred speed (browsing, hurrying). */
  speedFactor: number;
  /** Counts as arrived this close to (x, y): small for a standing spot, large for a point walked through. */
  arriveWithin: number;
  /** Also counts as arrived as soon as this holds (checked every tick). */
  until: (() => boolean) | undefined;
}

export interface HoldCommand {
  kind: 'hold';
  durationMs: number;
  /** End early when the store starts closing (browsing, not reaching). */
  breakOnClosing: boolean;
}

export interface WaitForCommand {
  kind: 'waitFor';
  test: () => boolean;
  timeoutMs: number;
}

export interface ReachCommand {
  kind: 'reach';
  hand: Vec3;
  /** Hand in the shelf over [startMs, endMs]; the behaviour fixes the times so it can book stock at the start. */
  startMs: number;
  endMs: number;
}

export type Command = WalkCommand | HoldCommand | WaitForCommand | ReachCommand;

/** A behaviour: yields commands, receives each one's outcome, returns T. */
export type Behaviour<T = void> = Generator<Command, T, unknown>;

export interface WalkOptions {
  near?: { x: number; y: number; radius: number };
  patienceMs?: number;
  speedFactor?: number;
  arriveWithin?: number;
  until?: () => boolean;
}

export function* walkTo(x: number, y: number, options: WalkOptions = {}): Behaviour<WalkOutcome> {
  const near = options.near;
  const outcome = yield {
    kind: 'walk',
    x,
    y,
    nearX: near?.x ?? x,
    nearY: near?.y ?? y,
    nearRadius: near?.radius ?? 0,
    patienceMs: options.patienceMs ?? Infinity,
    speedFactor: options.speedFactor ?? 1,
    arriveWithin: options.arriveWithin ?? 0.08,
    until: options.until,
  };
  return outcome as WalkOutcome;
}

/** Stands (with a little sway) for a while; 'closing' when cut short by the closing call. */
export function* hold(durationMs: number, breakOnClosing = false): Behaviour<'done' | 'closing'> {
  return (yield { kind: 'hold', durationMs: Math.max(0, durationMs), breakOnClosing }) as 'done' | 'closing';
}

/** Stands until `test` holds (true) or the timeout passes (false); `test` is polled every step. */
export function* waitFor(test: () => boolean, timeoutMs: number): Behaviour<boolean> {
  if (test()) return true;
  return (yield { kind: 'waitFor', test, timeoutMs }) as boolean;
}

export function* reach(hand: Vec3, startMs: number, endMs: number): Behaviour {
  yield { kind: 'reach', hand, startMs, endMs };
}
