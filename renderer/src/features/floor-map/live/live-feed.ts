// The store's event feed as the floor map keeps it: each frame carries the host's latest few dozen
// events, so the same event arrives many times and a dropped frame loses nothing. Events are kept
// once by their number; those that are new *while watching* (not the history a page finds when it
// opens) and need a person's eyes also become toasts over the map.
import type { LiveEvent, LiveEventKind } from '../../../../../native-bridge/contract';

/** Events kept in the side list. */
export const FEED_KEPT = 50;
/** Toasts on screen at once; older ones give way. */
export const TOASTS_KEPT = 3;

export type EventSeverity = 'info' | 'warning' | 'alert';

export function eventSeverity(event: LiveEvent): EventSeverity {
  switch (event.kind) {
    case 'tailgating':
      return 'alert';
    case 'gate-refused':
    case 'session-flagged':
    case 'device-down':
      return 'warning';
    case 'receipt':
      return event.status === 'held-for-review' ? 'warning' : 'info';
    case 'gate-admitted':
    case 'device-up':
      return 'info';
  }
}

/** What pops up over the map as it happens: gate trouble and devices dropping out. */
const toastKinds: ReadonlySet<LiveEventKind> = new Set(['tailgating', 'gate-refused', 'device-down']);

export function isToastWorthy(event: LiveEvent): boolean {
  return toastKinds.has(event.kind);
}

export interface FeedState {
  /** Newest first. */
  feed: LiveEvent[];
  /** Highest event number taken so far; 0 before any. */
  lastSeq: number;
  /** Newest first. */
  toasts: LiveEvent[];
}

export const emptyFeed: FeedState = { feed: [], lastSeq: 0, toasts: [] };

/**
 * Folds a frame's events into the feed. `history`: this is the first frame since the page started
 * watching, so its events are the past and raise no toasts. Events numbered below what was seen
 * mean the host started a new feed (a restart): the feed starts over. Returns `state` itself when
 * nothing is new, so subscribers see no change.
 */
export function mergeFeed(state: FeedState, events: readonly LiveEvent[] | undefined, history: boolean): FeedState {
  if (!events || events.length === 0) return state;
  const newest = events[events.length - 1]!.seq;
  const restarted = newest < state.lastSeq;
  const base = restarted ? emptyFeed : state;
  const fresh = events.filter((event) => event.seq > base.lastSeq);
  if (fresh.length === 0) return state;
  fresh.reverse();
  const toasts = history || restarted ? base.toasts : capToasts([...fresh.filter(isToastWorthy), ...base.toasts]);
  return { feed: [...fresh, ...base.feed].slice(0, FEED_KEPT), lastSeq: newest, toasts };
}

/** Drops the oldest toasts beyond the cap, warnings before alerts: a tailgater is not pushed out by a camera. */
function capToasts(toasts: LiveEvent[]): LiveEvent[] {
  while (toasts.length > TOASTS_KEPT) {
    let drop = toasts.length - 1;
    for (let i = toasts.length - 1; i >= 0; i--) {
      if (eventSeverity(toasts[i]!) !== 'alert') {
        drop = i;
        break;
      }
    }
    toasts.splice(drop, 1);
  }
  return toasts;
}

export function dismissToast(state: FeedState, seq: number): FeedState {
  const toasts = state.toasts.filter((toast) => toast.seq !== seq);
  return toasts.length === state.toasts.length ? state : { ...state, toasts };
}
