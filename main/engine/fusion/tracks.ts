// What fusion knows about each floor track: its recent path (for attribution), where it was first
// and last seen (for gates and identity hand-over), whether vision has lost or ended it, and which
// session it belongs to. Tracks are forgotten once their history can no longer matter.
import type { HandPoint } from '../decisions';
import { TrackHistoryPool, type TrackHistory } from './track-history';

export interface TrackState {
  id: number;
  history: TrackHistory;
  /** No point yet: only a lifecycle decision named it. */
  seen: boolean;
  firstT: number;
  firstX: number;
  firstY: number;
  lastT: number;
  lastX: number;
  lastY: number;
  sessionId: string | undefined;
  /**
   * For a track of no session: 'staff' when it came from a staff area (or took over from a staff
   * track lost nearby), else 'unknown' (a ghost, a duplicate of someone, or a person fusion lost).
   */
  role: 'staff' | 'unknown' | undefined;
  /** Crossed in with no admission; waiting for a late scan before counting as tailgating. */
  pending: boolean;
  /** Vision has ended it. */
  ended: boolean;
}

export class TrackRegistry {
  readonly tracks = new Map<number, TrackState>();
  private readonly pool: TrackHistoryPool;

  constructor(historyCapacity: number) {
    this.pool = new TrackHistoryPool(historyCapacity);
  }

  get(id: number): TrackState | undefined {
    return this.tracks.get(id);
  }

  ensure(id: number): TrackState {
    let track = this.tracks.get(id);
    if (!track) {
      track = {
        id,
        history: this.pool.take(),
        seen: false,
        firstT: NaN,
        firstX: NaN,
        firstY: NaN,
        lastT: NaN,
        lastX: NaN,
        lastY: NaN,
        sessionId: undefined,
        role: undefined,
        pending: false,
        ended: false,
      };
      this.tracks.set(id, track);
    }
    return track;
  }

  /** Records a point (with the hands seen at it); returns the track. */
  point(id: number, t: number, x: number, y: number, left?: HandPoint, right?: HandPoint): TrackState {
    const track = this.ensure(id);
    if (!track.seen) {
      track.seen = true;
      track.firstT = t;
      track.firstX = x;
      track.firstY = y;
    }
    track.lastT = t;
    track.lastX = x;
    track.lastY = y;
    track.history.push(t, x, y, left, right);
    return track;
  }

  /** Forgets ended tracks last seen before `beforeMs`, returning their rings to the pool. */
  forget(beforeMs: number): void {
    for (const [id, track] of this.tracks) {
      if (!track.ended || !(track.lastT < beforeMs || !track.seen)) continue;
      this.pool.give(track.history);
      this.tracks.delete(id);
    }
  }
}
