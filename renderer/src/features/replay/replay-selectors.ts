// Pure readings of a replay at the playhead: where each member stands (interpolated between the
// recorded 2 Hz points), how much of the path is walked, the cart at that moment, which moment and
// which shelf events are current, and the speed ladder. The view draws what these return.
import type { CartItem, ReplayTrack, SessionReplay } from '../../../../native-bridge/contract';

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
export type SpeedStep = (typeof SPEEDS)[number];
export const DEFAULT_SPEED: SpeedStep = 1;

/** A gap longer than this between two recorded points means the track was not seen: no position is made up across it. */
export const MAX_INTERPOLATION_GAP_MS = 3000;
/** Before such a gap (or after the last point) a track is still shown where it was last seen for this long. */
const HOLD_LAST_SEEN_MS = 1000;
/** An event is shown as happening from a little before its start to a little after its end. */
const EVENT_LEAD_MS = 500;
const EVENT_TAIL_MS = 1500;
/** Stepping back from just after a moment goes to the one before it, not the same one again. */
const STEP_BACK_SLACK_MS = 250;

export function stepSpeed(speed: SpeedStep, direction: 1 | -1): SpeedStep {
  const i = SPEEDS.indexOf(speed);
  return SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, (i < 0 ? 1 : i) + direction))]!;
}

export function clampToReplay(replay: Pick<SessionReplay, 'startMs' | 'endMs'>, t: number): number {
  return Math.min(replay.endMs, Math.max(replay.startMs, t));
}

/** Index of the last element of the ascending `times` at or before t; −1 when t is before them all. */
export function lastAtOrBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Where the track was at t, or null before it appears, after it ends, or inside a gap it was not seen. */
export function positionAt(track: ReplayTrack, t: number): [number, number] | null {
  const i = lastAtOrBefore(track.t, t);
  if (i < 0) return null;
  const t0 = track.t[i]!;
  const t1 = track.t[i + 1];
  if (t1 === undefined || t1 - t0 > MAX_INTERPOLATION_GAP_MS) return t - t0 <= HOLD_LAST_SEEN_MS ? [track.x[i]!, track.y[i]!] : null;
  const f = t1 === t0 ? 0 : (t - t0) / (t1 - t0);
  return [track.x[i]! + (track.x[i + 1]! - track.x[i]!) * f, track.y[i]! + (track.y[i + 1]! - track.y[i]!) * f];
}

/** The points walked by t, as an SVG polyline's points attribute (metres). */
export function walkedPoints(track: ReplayTrack, t: number): string {
  const i = lastAtOrBefore(track.t, t);
  const parts: string[] = [];
  for (let k = 0; k <= i; k++) parts.push(`${track.x[k]},${track.y[k]}`);
  const here = positionAt(track, t);
  if (here && i >= 0) parts.push(`${here[0]},${here[1]}`);
  return parts.join(' ');
}

export function wholePathPoints(track: ReplayTrack): string {
  return track.t.map((_, k) => `${track.x[k]},${track.y[k]}`).join(' ');
}

/** The cart right after the last change at or before t (empty before the first). */
export function cartAt(replay: Pick<SessionReplay, 'cartSteps'>, t: number): CartItem[] {
  const i = lastAtOrBefore(
    replay.cartSteps.map((s) => s.t),
    t,
  );
  return i < 0 ? [] : replay.cartSteps[i]!.cart;
}

/** Index of the moment the playhead has last passed; −1 before the first. */
export function currentMomentIndex(replay: Pick<SessionReplay, 'moments'>, t: number): number {
  return lastAtOrBefore(
    replay.moments.map((m) => m.t),
    t,
  );
}

export function momentTimeAfter(replay: Pick<SessionReplay, 'moments'>, t: number): number | null {
  return replay.moments.find((m) => m.t > t)?.t ?? null;
}

export function momentTimeBefore(replay: Pick<SessionReplay, 'moments'>, t: number): number | null {
  const earlier = replay.moments.filter((m) => m.t < t - STEP_BACK_SLACK_MS);
  return earlier.at(-1)?.t ?? null;
}

/** Shelf events happening around t (their plates are highlighted on the map). */
export function activeEventIds(replay: Pick<SessionReplay, 'events'>, t: number): string[] {
  return replay.events.filter((e) => t >= e.startMs - EVENT_LEAD_MS && t <= e.endMs + EVENT_TAIL_MS).map((e) => e.id);
}

/** Position of t along the timeline, 0 at the start, 1 at the end. */
export function timelineFraction(replay: Pick<SessionReplay, 'startMs' | 'endMs'>, t: number): number {
  const span = replay.endMs - replay.startMs;
  return span <= 0 ? 0 : Math.min(1, Math.max(0, (t - replay.startMs) / span));
}

/** Time into the replay as m:ss (h:mm:ss past an hour). */
export function formatOffset(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function formatSpeed(speed: number): string {
  return `${speed}×`;
}

/** A datetime-local field's value as ms (read on the viewer's clock), or null when empty or unreadable. */
export function fieldTime(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}
