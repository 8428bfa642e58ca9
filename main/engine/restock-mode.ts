// Staff restocking: between "restock-start" and "restock-end" at a fixture, weight changes on its
// shelves are staff work and must never reach a shopper's cart. An event that overlaps the mode at
// all counts as staff's (a restock-end sent a moment before the last unit settles must not turn that
// unit into a shopper's put-back). Several staff may restock one fixture; the mode ends with the last.
// Shared by the shelf and fusion stages, so both read the mode the same way.
import type { RestockAction } from './inputs';

/** A fixture in restock mode: who started it (and has not ended it) and since when. */
export interface RestockHolder {
  fixture: string;
  /** Sorted. */
  actors: string[];
  /** Store time of the start that began the current stretch. */
  since: number;
}

export class RestockMode {
  private readonly actors = new Map<string, Set<string>>();
  private readonly startedAt = new Map<string, number>();
  private readonly endedAt = new Map<string, number>();

  apply(action: RestockAction): void {
    let set = this.actors.get(action.fixture);
    if (action.action === 'restock-start') {
      if (!set) {
        this.actors.set(action.fixture, (set = new Set()));
        this.startedAt.set(action.fixture, action.t);
      }
      set.add(action.actor);
      return;
    }
    if (!set) return;
    // An end from someone who did not start it (a supervisor closing the fixture) ends it for all.
    if (set.has(action.actor)) set.delete(action.actor);
    else set.clear();
    if (set.size === 0) {
      this.actors.delete(action.fixture);
      this.startedAt.delete(action.fixture);
      this.endedAt.set(action.fixture, action.t);
    }
  }

  /** True while someone restocks the fixture. */
  active(fixture: string): boolean {
    return this.actors.has(fixture);
  }

  /** The fixtures being restocked now, sorted. */
  fixtures(): string[] {
    return [...this.actors.keys()].sort();
  }

  /** Every fixture in restock mode now with who holds it, sorted by fixture. */
  holders(): RestockHolder[] {
    return this.fixtures().map((fixture) => ({ fixture, actors: [...this.actors.get(fixture)!].sort(), since: this.startedAt.get(fixture)! }));
  }

  /** True when the fixture was in restock mode at any time from `startMs` until now. */
  covers(fixture: string, startMs: number): boolean {
    if (this.actors.has(fixture)) return true;
    const ended = this.endedAt.get(fixture);
    return ended !== undefined && ended >= startMs;
  }
}
