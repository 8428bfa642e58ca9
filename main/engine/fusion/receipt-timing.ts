// When a settling session's receipt goes out (every member has left through a gate): as soon as
// nothing it could still be charged for is pending, never later than settleMs after the last exit.
// Pending means: a member's track is not yet clear of the gate (exitClearM outside the floor, or
// ended) — tracks dither across a line and step back in — or that point is less than a track lag
// ago; a shelf whose activity began before the exit, and that a member came within reach of while
// it was active, has not settled (its event, maybe their pick, is not out yet); or an event out
// already, begun before the exit, still waits for its attribution. The times come from what the stages
// report (exit crossings, the shelf stage's settle times, event due times), never from when fusion
// happened to look, so a receipt has the same time live and on replay.
import type { ShelfActivity } from '../stage';
import type { PlateTargets } from './attribution';
import type { QueuedEvent } from './context';
import type { FusionOptions } from './options';
import type { Session } from './session';
import type { TrackRegistry } from './tracks';

/** What a receipt still waits for: members' tracks not yet clear of the gate, shelves not yet settled; and when those released were. */
interface Hold {
  leaving: number[];
  clearedMs: number;
  shelves: string[];
  settledMs: number;
}

export class ReceiptTiming {
  private readonly holds = new Map<Session, Hold>();
  private readonly distances: Float64Array;

  constructor(
    private readonly o: FusionOptions,
    private readonly tracks: TrackRegistry,
    /** Plate id → where it is (its front edge's middle on the plan is what a member must come near). */
    private readonly plates: ReadonlyMap<string, PlateTargets>,
    private readonly queued: readonly QueuedEvent[],
    private readonly shelves: ShelfActivity | undefined,
    historyCapacity: number,
    /** How far a floor point lies outside the sales floor (0 on it). */
    private readonly outsideBy: (x: number, y: number) => number,
  ) {
    this.distances = new Float64Array(historyCapacity);
  }

  /** Whether some receipt waits for a track or a shelf: then `release` must run as time passes. */
  get holding(): boolean {
    return this.holds.size > 0;
  }

  /** The session was re-planned: if it is settling, find what its receipt waits for and when it is due. */
  plan(session: Session): void {
    this.holds.delete(session);
    if (session.status !== 'settling' || session.exitedAtMs === undefined) return;
    const leaving = [...session.members.values()].filter((m) => m.state === 'exited').map((m) => m.trackId);
    const shelves = this.shelvesReached(session, session.exitedAtMs);
    this.holds.set(session, { leaving, clearedMs: -Infinity, shelves, settledMs: -Infinity });
    session.closesAtMs = this.due(session);
  }

  /**
   * When the settling session's receipt may go out, by what is known now: a track lag after its
   * members' tracks were clear of the gate, after the shelves it waits for settled and the earlier
   * events were attributed, capped at settleMs after the exit (the cap while anything still holds it).
   */
  due(session: Session): number {
    const exit = session.exitedAtMs!;
    const cap = exit + this.o.settleMs;
    let t = exit + this.o.trackLagMs;
    const hold = this.holds.get(session);
    if (hold) {
      for (let i = hold.leaving.length - 1; i >= 0; i--) {
        const cleared = this.clearedAt(session, hold.leaving[i]!);
        if (cleared !== cleared) continue;
        hold.clearedMs = Math.max(hold.clearedMs, cleared);
        hold.leaving.splice(i, 1);
      }
      for (let i = hold.shelves.length - 1; i >= 0; i--) {
        const settled = this.shelves!.settledAfter(hold.shelves[i]!, exit);
        if (settled !== settled) continue;
        // Released for good: the shelf may settle again later, for activity of no concern here.
        hold.settledMs = Math.max(hold.settledMs, settled);
        hold.shelves.splice(i, 1);
      }
      if (hold.leaving.length > 0 || hold.shelves.length > 0) return cap;
      this.holds.delete(session);
      t = Math.max(t, hold.clearedMs + this.o.trackLagMs, hold.settledMs);
    }
    for (const q of this.queued) if (q.event.startMs < exit) t = Math.max(t, q.due);
    return Math.min(t, cap);
  }

  /** Time has passed: receipts whose shelves have settled since are due now (or at their own time). Returns whether any moved. */
  release(): boolean {
    let moved = false;
    for (const session of [...this.holds.keys()]) {
      if (session.status !== 'settling') {
        this.holds.delete(session);
        continue;
      }
      const due = this.due(session);
      if (due === session.closesAtMs) continue;
      session.closesAtMs = due;
      moved = true;
    }
    return moved;
  }

  /** When a member who went out was first seen clear of the gate (or last seen, if their track ended); NaN while not yet. */
  private clearedAt(session: Session, trackId: number): number {
    const member = session.members.get(trackId)!;
    const track = this.tracks.get(trackId);
    if (!track) return member.since;
    if (track.ended) return Math.max(member.since, track.lastT);
    return track.history.firstWhere(member.since, (x, y) => this.outsideBy(x, y) >= this.o.exitClearM);
  }

  /** Shelves active since before `exit` that a member's track came within reach of while they were. */
  private shelvesReached(session: Session, exit: number): string[] {
    if (!this.shelves) return [];
    const radius = this.o.reachM + this.o.settleReachMarginM;
    const out: string[] = [];
    for (const shelf of this.shelves.unsettled()) {
      if (shelf.sinceMs > exit) continue;
      const targets: number[] = [];
      for (const plate of shelf.plates) {
        const front = this.plates.get(plate)?.front;
        if (front) targets.push(front[0], front[1]);
      }
      if (targets.length === 0) continue;
      const points = Float64Array.from(targets);
      // Hands move before the weight does, as in attribution: the same padding before the activity.
      const from = shelf.sinceMs - this.o.eventPadMs;
      const reached = [...session.members.keys()].some((trackId) => {
        const track = this.tracks.get(trackId);
        if (!track) return false;
        const n = track.history.distancesInWindow(from, exit, points, this.distances);
        for (let k = 0; k < n; k++) if (this.distances[k]! <= radius) return true;
        return false;
      });
      if (reached) out.push(shelf.shelf);
    }
    return out;
  }
}
