// What every stage of the engine (shelves, vision, fusion) looks like to the engine frame: it is
// fed inputs in global time order, told when time has passed, and emits decisions. Stages read no
// clock and do no I/O; `advance` is how time reaches them, so live, replay and tests agree.
import type { EngineDecision } from './decisions';
import type { EngineInput } from './inputs';

export type DecisionSink = (decision: EngineDecision) => void;

export type StageName = 'shelves' | 'vision' | 'fusion';

export interface EngineStage {
  readonly name: StageName;
  /** One input; the frame has already checked that inputs arrive in time order. */
  accept(input: EngineInput, emit: DecisionSink): void;
  /** Store time has reached `t` (ms): settle what can be settled. Called with non-decreasing t. */
  advance(t: number, emit: DecisionSink): void;
  /** The input stream has ended at time `t`: settle everything still open. */
  finish(t: number, emit: DecisionSink): void;
  /** A decision of an earlier stage (fusion sees shelf events and tracks this way). */
  observe?(decision: EngineDecision, emit: DecisionSink): void;
}

/** A shelf whose weight is still moving: what it will report is not decided yet. */
export interface UnsettledShelf {
  shelf: string;
  plates: readonly string[];
  /** When its current activity began, store ms. */
  sinceMs: number;
}

/**
 * What the shelf stage has under way, for a later stage that must wait for it (fusion holds a
 * receipt while a shelf its shopper reached into is still settling). Its state follows the inputs
 * alone, and readers stamp what they do with the times it reports, never with when they asked.
 */
export interface ShelfActivity {
  /** Shelves active now, in store order. */
  unsettled(): UnsettledShelf[];
  /** When `shelf` settled the activity it had under way at `t` (store ms), or NaN while that activity goes on. */
  settledAfter(shelf: string, t: number): number;
}
