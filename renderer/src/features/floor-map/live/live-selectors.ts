// Pure reads of the live layer's state, shaped for the status strip, the legend, the shopper panel
// and the canvas. Kept apart from the components so the wording, the counting and the
// interpolation maths are tested without a DOM.
import type { ConnectionState, LiveFloorFrame, LiveShopper, Point, ShopperState } from '../../../../../native-bridge/contract';
import type { LiveFloorState } from './live-floor-slice';
import type { Trail } from './trail-book';

/** Wall time without a frame after which a connected feed counts as stalled (frames come ~10 a second). */
export const STALL_MS = 5000;

export type LivePhase =
  | { kind: 'waiting' }
  /** The link to the host is down; `frame` is the last one seen, frozen. */
  | { kind: 'disconnected'; frame: LiveFloorFrame | null }
  | { kind: 'no-feed'; frame: LiveFloorFrame }
  /** Connected, but no frame for `silentMs`: the host's feed has stopped. */
  | { kind: 'stalled'; frame: LiveFloorFrame; silentMs: number }
  | { kind: 'live'; frame: LiveFloorFrame };

/** Where the live layer stands, at wall time `now` (performance.now), given the host link's state. */
export function selectLivePhase(state: Pick<LiveFloorState, 'frame' | 'receivedAt'>, connection: ConnectionState, now: number): LivePhase {
  const { frame } = state;
  // A "no feed" frame has nothing worth freezing on screen.
  if (connection === 'closed' || connection === 'unauthorized') return { kind: 'disconnected', frame: frame?.source === 'none' ? null : frame };
  if (!frame) return { kind: 'waiting' };
  if (frame.source === 'none') return { kind: 'no-feed', frame };
  const silentMs = now - state.receivedAt;
  return silentMs > STALL_MS ? { kind: 'stalled', frame, silentMs } : { kind: 'live', frame };
}

/** Shoppers on the floor right now; null before the first frame (unknown is not zero). */
export function selectOccupancy(state: Pick<LiveFloorState, 'frame'>): number | null {
  return state.frame ? state.frame.shoppers.length : null;
}

export function countShoppersByState(frame: LiveFloorFrame | null): Record<ShopperState, number> {
  const counts: Record<ShopperState, number> = { session: 0, anonymous: 0, flagged: 0, unbound: 0 };
  for (const shopper of frame?.shoppers ?? []) counts[shopper.state]++;
  return counts;
}

export function groupShoppersByState(frame: LiveFloorFrame | null): Record<ShopperState, LiveShopper[]> {
  const groups: Record<ShopperState, LiveShopper[]> = { session: [], anonymous: [], flagged: [], unbound: [] };
  for (const shopper of frame?.shoppers ?? []) groups[shopper.state].push(shopper);
  return groups;
}

export type SelectedShopper = { trackId: number; shopper: LiveShopper | null };

/**
 * The selected shopper as of the latest frame. `shopper` is null once the track has left the
 * floor: the panel then says so rather than vanishing under the pointer.
 */
export function selectSelectedShopper(state: Pick<LiveFloorState, 'frame' | 'selectedTrackId'>): SelectedShopper | null {
  const { frame, selectedTrackId } = state;
  if (selectedTrackId === null) return null;
  const shopper = frame?.shoppers.find((s) => s.trackId === selectedTrackId) ?? null;
  return { trackId: selectedTrackId, shopper };
}

/** A track's trail as plan points, oldest first (for inspection and tests; the canvas reads the buffers). */
export function selectTrailPolyline(state: Pick<LiveFloorState, 'trails'>, trackId: number): Point[] {
  const trail = state.trails.get(trackId);
  if (!trail) return [];
  const points: Point[] = [];
  for (let i = 0; i < trail.length; i++) {
    const k = trail.index(i);
    points.push([trail.xs[k]!, trail.ys[k]!]);
  }
  return points;
}

/** How far (0–1) the animation from the previous frame to the latest one has got at wall time `now`. */
export function interpolationProgress(state: Pick<LiveFloorState, 'receivedAt' | 'frameIntervalMs'>, now: number): number {
  if (!(state.frameIntervalMs > 0)) return 1;
  return Math.min(1, Math.max(0, (now - state.receivedAt) / state.frameIntervalMs));
}

/**
 * Where a track is drawn at `progress` between its previous point and its newest one, written into
 * `out` so the canvas can call this for every shopper on every animation frame without allocating.
 * A track with one point (just appeared) sits on it.
 */
export function interpolatedPosition(trail: Trail, progress: number, out: [number, number]): [number, number] {
  if (trail.length === 0) return out;
  const k1 = trail.last();
  if (trail.length === 1) {
    out[0] = trail.xs[k1]!;
    out[1] = trail.ys[k1]!;
    return out;
  }
  const k0 = trail.index(trail.length - 2);
  out[0] = trail.xs[k0]! + (trail.xs[k1]! - trail.xs[k0]!) * progress;
  out[1] = trail.ys[k0]! + (trail.ys[k1]! - trail.ys[k0]!) * progress;
  return out;
}

function formatSpeed(speed: number): string {
  if (!Number.isFinite(speed) || speed <= 0) return '?';
  return Number.isInteger(speed) ? String(speed) : String(Math.round(speed * 10) / 10);
}

/** The source badge's words. */
export function sourceLabel(frame: Pick<LiveFloorFrame, 'source' | 'speed'>): string {
  switch (frame.source) {
    case 'simulator':
      return `Simulated sensors · ${formatSpeed(frame.speed)}× real time`;
    case 'devices':
      return frame.speed === 1 ? 'Live devices' : `Live devices · ${formatSpeed(frame.speed)}× real time`;
    case 'none':
      return 'No live feed';
  }
}

// Building a formatter is far slower than using one, and the clock is formatted on every frame.
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function clockFormat(timeZone: string | undefined, style: 'clock' | 'time'): Intl.DateTimeFormat {
  const key = `${style} ${timeZone ?? ''}`;
  let format = clockFormats.get(key);
  if (!format) {
    const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
    const options: Intl.DateTimeFormatOptions = style === 'clock' ? { weekday: 'short', ...time } : time;
    try {
      format = new Intl.DateTimeFormat(undefined, timeZone ? { ...options, timeZone, ...(style === 'clock' ? { timeZoneName: 'short' } : {}) } : options);
    } catch {
      // An unknown zone name from the host: local time is better than no clock.
      format = new Intl.DateTimeFormat(undefined, options);
    }
    clockFormats.set(key, format);
  }
  return format;
}

/** Store time as a wall clock in the store's own time zone (the viewer's when unknown). */
export function formatStoreClock(t: number, timeZone?: string): string {
  if (!Number.isFinite(t)) return '—';
  return clockFormat(timeZone, 'clock').format(t);
}

/** Store time as hours, minutes and seconds only, for lists of events. */
export function formatTimeOfDay(t: number, timeZone?: string): string {
  if (!Number.isFinite(t)) return '—';
  return clockFormat(timeZone, 'time').format(t);
}

export interface LiveCounter {
  key: 'occupancy' | 'openSessions' | 'entered' | 'receipts' | 'heldForReview' | 'tailgating';
  label: string;
  value: number;
  /** Worth a person's attention when above zero. */
  alert: boolean;
}

export function liveCounters(frame: LiveFloorFrame): LiveCounter[] {
  const { counters } = frame;
  return [
    { key: 'occupancy', label: 'On the floor', value: frame.shoppers.length, alert: false },
    { key: 'openSessions', label: 'Open sessions', value: counters.openSessions, alert: false },
    { key: 'entered', label: 'Entered today', value: counters.entered, alert: false },
    { key: 'receipts', label: 'Receipts issued', value: counters.receipts, alert: false },
    { key: 'heldForReview', label: 'Held for review', value: counters.heldForReview, alert: counters.heldForReview > 0 },
    { key: 'tailgating', label: 'Tailgating alerts', value: counters.tailgating, alert: counters.tailgating > 0 },
  ];
}
