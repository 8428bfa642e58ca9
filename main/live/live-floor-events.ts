// The store's live event feed: the last few dozen gate events, tailgating alerts, flags, receipts
// and device changes, numbered in order. Every frame carries the whole (short) list, so a frame the
// host drops on the way, or a page that connects late, loses nothing recent; the renderer keeps
// each event once by its number.
import type { LiveEvent } from '../../native-bridge/contract/live-floor';

/** Distributive Omit: keeps each event kind's own fields. */
export type NewLiveEvent = LiveEvent extends infer E ? (E extends LiveEvent ? Omit<E, 'seq'> : never) : never;

export const LIVE_EVENTS_KEPT = 30;

export class LiveEventLog {
  private readonly events: LiveEvent[] = [];
  private seq = 0;
  private cached: LiveEvent[] | null = null;

  constructor(private readonly kept = LIVE_EVENTS_KEPT) {}

  add(event: NewLiveEvent): void {
    this.events.push({ ...event, seq: ++this.seq } as LiveEvent);
    if (this.events.length > this.kept) this.events.splice(0, this.events.length - this.kept);
    this.cached = null;
  }

  /** Oldest first; the same array until an event is added. */
  recent(): LiveEvent[] {
    this.cached ??= this.events.slice();
    return this.cached;
  }
}
