// Resuming a live run that a crash cut short. The engine is deterministic, so feeding it the run's
// recorded inputs again and advancing it to the time it had reached rebuilds its state (sessions,
// carts, tracks, shelves) and re-makes every decision it had stored. Those are recognised and not
// stored twice; anything new is stored as usual. Within one tick the live engine may have made its
// decisions in another order than a replay does (a replay advances only at input times), so they
// are matched as a multiset over a window of the stored ones rather than one by one.
import type { LiveRun, StoreDatabase } from '../db';
import type { Engine } from '../engine/engine';
import { readRecording } from '../recording';

/** Stored decisions (JSON) still to be recognised, read ahead `lookahead` at a time. */
export class StoredDecisionMatcher {
  private readonly window = new Map<string, number>();
  private buffered = 0;
  private exhausted = false;
  matched = 0;

  constructor(
    private readonly stored: IterableIterator<string>,
    private readonly lookahead = 10_000,
  ) {
    this.fill();
  }

  /** True when `json` is a decision already stored (it is then crossed off). */
  alreadyStored(json: string): boolean {
    const n = this.window.get(json);
    if (n === undefined) return false;
    if (n === 1) this.window.delete(json);
    else this.window.set(json, n - 1);
    this.buffered--;
    this.matched++;
    this.fill();
    return true;
  }

  /** Stops matching; returns how many stored decisions were never re-made. */
  finish(): number {
    let left = this.buffered;
    for (let next = this.stored.next(); !next.done; next = this.stored.next()) left++;
    this.window.clear();
    this.buffered = 0;
    this.exhausted = true;
    return left;
  }

  private fill(): void {
    while (!this.exhausted && this.buffered < this.lookahead) {
      const next = this.stored.next();
      if (next.done) {
        this.exhausted = true;
        return;
      }
      this.window.set(next.value, (this.window.get(next.value) ?? 0) + 1);
      this.buffered++;
    }
  }
}

export interface RecoveryReport {
  runId: number;
  /** Inputs fed again from the input log. */
  inputs: number;
  /** Store time replayed, first input to the time reached. */
  spanMs: number;
  /** Decisions recognised as already stored. */
  alreadyStored: number;
  /** Stored decisions the replay did not re-make (0 unless inputs they rested on were lost). */
  notRemade: number;
  wallMs: number;
}

/** Replays `run`'s inputs through `engine` (whose decisions go through `matcher`) and advances it to the time reached. */
export function replayRun(db: StoreDatabase, run: LiveRun, engine: Engine, matcher: StoredDecisionMatcher): RecoveryReport {
  const started = performance.now();
  let inputs = 0;
  if (run.firstInputMs !== undefined) {
    // The engine keeps nothing of an input it is handed, so plate runs may share one reused buffer (as replay's do).
    for (const input of readRecording(db, { fromMs: run.firstInputMs, transient: true })) {
      engine.push(input);
      inputs++;
    }
  }
  if (run.reachedMs !== undefined) engine.advance(run.reachedMs);
  const notRemade = matcher.finish();
  return {
    runId: run.id,
    inputs,
    spanMs: run.firstInputMs !== undefined && Number.isFinite(engine.now) ? engine.now - run.firstInputMs : 0,
    alreadyStored: matcher.matched,
    notRemade,
    wallMs: performance.now() - started,
  };
}
