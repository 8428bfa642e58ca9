// Where each shopper has been lately, kept so the live map can draw a fading trail and animate
// from the previous frame to the latest one. Frames come up to ten times a second for up to a few
// hundred shoppers, so this is built not to allocate per frame: each track owns fixed-size ring
// buffers of typed arrays, and the buffers of tracks that leave the floor are pooled for the next
// track that appears. The trail window is in store time, so a trail covers the same stretch of
// floor whatever the simulation speed.
import type { LiveFloorFrame } from '../../../../../native-bridge/contract';

/** How far back a trail reaches, in store milliseconds. */
export const TRAIL_WINDOW_MS = 5000;
/** Points kept per track: 5 s of a 10 Hz feed, with room to spare; older points are overwritten. */
export const TRAIL_CAPACITY = 64;

export class Trail {
  readonly ts: Float64Array;
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  /** Ring index of the oldest point. */
  start = 0;
  length = 0;
  /** The book's frame number when this track was last in a frame; older means it left. */
  seen = 0;

  constructor(readonly capacity: number) {
    this.ts = new Float64Array(capacity);
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
  }

  /** Ring index of the i-th point, oldest first. */
  index(i: number): number {
    return (this.start + i) % this.capacity;
  }

  /** Ring index of the newest point (only meaningful when length > 0). */
  last(): number {
    return this.index(this.length - 1);
  }

  push(t: number, x: number, y: number): void {
    if (this.length > 0 && t <= this.ts[this.last()]!) return; // a repeated frame adds nothing
    let at: number;
    if (this.length < this.capacity) {
      at = this.index(this.length);
      this.length++;
    } else {
      at = this.start;
      this.start = (this.start + 1) % this.capacity;
    }
    this.ts[at] = t;
    this.xs[at] = x;
    this.ys[at] = y;
  }

  /**
   * Forgets points older than `t`, always keeping the newest two: they are what the map animates
   * between, even when frames are further apart than the trail window.
   */
  dropBefore(t: number): void {
    while (this.length > 2 && this.ts[this.start]! < t) {
      this.start = (this.start + 1) % this.capacity;
      this.length--;
    }
  }

  clear(): void {
    this.start = 0;
    this.length = 0;
  }
}

export class TrailBook {
  private readonly trails = new Map<number, Trail>();
  private readonly spare: Trail[] = [];
  private frameNumber = 0;

  constructor(
    readonly capacity = TRAIL_CAPACITY,
    readonly windowMs = TRAIL_WINDOW_MS,
  ) {}

  /** Adds every shopper's position at the frame's time; tracks missing from the frame are dropped. */
  record(frame: LiveFloorFrame): void {
    const stamp = ++this.frameNumber;
    const since = frame.t - this.windowMs;
    for (const shopper of frame.shoppers) {
      let trail = this.trails.get(shopper.trackId);
      if (!trail) {
        trail = this.spare.pop() ?? new Trail(this.capacity);
        this.trails.set(shopper.trackId, trail);
      }
      trail.seen = stamp;
      trail.push(frame.t, shopper.x, shopper.y);
      trail.dropBefore(since);
    }
    // Deleting the entry being visited is safe for a Map iterator.
    for (const [trackId, trail] of this.trails) {
      if (trail.seen !== stamp) {
        this.trails.delete(trackId);
        this.release(trail);
      }
    }
  }

  get(trackId: number): Trail | undefined {
    return this.trails.get(trackId);
  }

  has(trackId: number): boolean {
    return this.trails.has(trackId);
  }

  get size(): number {
    return this.trails.size;
  }

  trackIds(): IterableIterator<number> {
    return this.trails.keys();
  }

  /** Drops every track, keeping their buffers for reuse. */
  clear(): void {
    for (const trail of this.trails.values()) this.release(trail);
    this.trails.clear();
  }

  /** Buffers waiting for a new track; exposed so tests can see that they are reused. */
  get spareCount(): number {
    return this.spare.length;
  }

  private release(trail: Trail): void {
    trail.clear();
    this.spare.push(trail);
  }
}
