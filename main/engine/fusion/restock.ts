// Which fixtures staff are restocking, from their restock-start/end actions: a weight change there
// is staff work and must never reach a shopper's cart, whatever the cameras say. An event that
// overlaps the mode at all counts (the shelf stage reads it the same way, so the two agree).
import type { StaffAction } from '../inputs';

export class RestockFixtures {
  private readonly actors = new Map<string, Set<string>>();
  private readonly endedAt = new Map<string, number>();

  apply(action: StaffAction): void {
    let set = this.actors.get(action.fixture);
    if (action.action === 'restock-start') {
      if (!set) this.actors.set(action.fixture, (set = new Set()));
      set.add(action.actor);
      return;
    }
    if (!set) return;
    // An end from someone who did not start it (a supervisor closing the fixture) ends it for all.
    if (set.has(action.actor)) set.delete(action.actor);
    else set.clear();
    if (set.size === 0) {
      this.actors.delete(action.fixture);
      this.endedAt.set(action.fixture, action.t);
    }
  }

  /** True when the fixture was in restock mode at any time from `startMs` until now. */
  covers(fixture: string, startMs: number): boolean {
    if (this.actors.has(fixture)) return true;
    const ended = this.endedAt.get(fixture);
    return ended !== undefined && ended >= startMs;
  }
}
