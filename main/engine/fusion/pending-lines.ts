// Pending cart lines: what a shelf still settling would add to (or take from) a live cart, from the
// shelf stage's first reading, attributed by the same posterior and put-back reading as a settled
// event. The posterior is taken again as track points come in, until the reading's window (padded
// like an event's) is complete, so the line moves to whoever the settled event will most likely go
// to. A shelf's lines are replaced by its next reading and go when its settled event is attributed
// or it settles with no change. They change nothing that is charged, flag nothing and leave no
// decision: they are what the floor map shows while the weights settle.
import type { ShelfEventDecision, ShelfReadingDecision } from '../decisions';
import type { ShelfActivity } from '../stage';
import { NOBODY, round } from './attribution';
import type { FusionContext, QueuedEvent } from './context';
import type { Session } from './session';

/** How often (store ms) a reading's posterior is taken again while its track points come in: one vision tick. */
const refreshEveryMs = 100;

/** One shelf's latest reading (one per part of the change) and the lines they gave. */
interface ShelfReadings {
  t: number;
  readings: ShelfEventDecision[];
  lines: { session: Session; readingId: string }[];
  evaluatedAt: number;
  /** When the readings' windows are complete: no posterior is taken after this. */
  finalAt: number;
}

export class PendingLines {
  private readonly byShelf = new Map<string, ShelfReadings>();

  constructor(
    private readonly ctx: FusionContext,
    private readonly shelves: ShelfActivity | undefined,
    /** Settled events waiting for their attribution: their shelf's lines stay until it is made. */
    private readonly queued: readonly QueuedEvent[],
  ) {}

  /** Whether any reading is pending (then `advance` must run as time passes). */
  get any(): boolean {
    return this.byShelf.size > 0;
  }

  /** A first reading: the winner of its posterior gets a pending line, replacing the shelf's older readings. */
  onReading(reading: ShelfReadingDecision, now: number): void {
    const ctx = this.ctx;
    const held = this.byShelf.get(reading.shelf);
    if (held && held.t !== reading.t) this.drop(reading.shelf);
    // Staff work and "back to where it was" leave no line.
    if (reading.plates.length === 0 || reading.sessionId === NOBODY || ctx.restock.covers(reading.fixture, reading.startMs)) return;
    const event: ShelfEventDecision = { ...reading, kind: 'shelf-event' };
    const entry = this.byShelf.get(reading.shelf) ?? { t: reading.t, readings: [], lines: [], evaluatedAt: now, finalAt: reading.endMs + ctx.o.eventPadMs + ctx.o.trackLagMs };
    entry.readings.push(event);
    this.byShelf.set(reading.shelf, entry);
    this.line(entry, event);
  }

  /** Time passed: readings' posteriors are taken again as their track points come in, and shelves that settled with no change let go. */
  advance(now: number): void {
    for (const [shelf, entry] of this.byShelf) {
      if (this.released(shelf, entry)) {
        this.drop(shelf);
        continue;
      }
      if (entry.evaluatedAt >= entry.finalAt || now - entry.evaluatedAt < refreshEveryMs) continue;
      entry.evaluatedAt = now;
      this.unline(entry);
      for (const event of entry.readings) this.line(entry, event);
    }
  }

  /** The shelf's settled event (made at t) was attributed: its readings up to then are answered. */
  settle(shelf: string, t: number): void {
    const entry = this.byShelf.get(shelf);
    if (entry && entry.t <= t) this.drop(shelf);
  }

  clear(): void {
    for (const shelf of [...this.byShelf.keys()]) this.drop(shelf);
  }

  /** Gives the reading's line to the winner of its posterior, if a session wins and the reading names a product. */
  private line(entry: ShelfReadings, event: ShelfEventDecision): void {
    const ctx = this.ctx;
    const top = event.hypotheses[0];
    if (!top || top.quantity === 0) return;
    const post = ctx.attributor.posterior(event);
    const session = post.winner === NOBODY ? undefined : ctx.openSession(post.winner);
    if (!session) return;
    let { sku, quantity, probability } = top;
    if (quantity < 0) {
      const putBack = ctx.putBacks.read(event, session.cart.held());
      if (!putBack?.fromCart) return;
      ({ sku, quantity, probability } = putBack);
    }
    session.pending.set(event.id, { readingId: event.id, shelf: event.shelf, sku, quantity, confidence: round(post.probability * probability, 4), t: event.t });
    entry.lines.push({ session, readingId: event.id });
  }

  /**
   * Whether the shelf settled since its reading with no event still to attribute (an event's
   * attribution answers its own readings). Without the shelf stage (fusion alone, in tests) lines
   * wait for their event or the next reading.
   */
  private released(shelf: string, entry: ShelfReadings): boolean {
    if (!this.shelves) return false;
    const settled = this.shelves.settledAfter(shelf, entry.t);
    return settled === settled && !this.queued.some((q) => q.event.shelf === shelf);
  }

  private unline(entry: ShelfReadings): void {
    for (const { session, readingId } of entry.lines) session.pending.delete(readingId);
    entry.lines.length = 0;
  }

  private drop(shelf: string): void {
    const entry = this.byShelf.get(shelf);
    if (!entry) return;
    this.unline(entry);
    this.byShelf.delete(shelf);
  }
}
