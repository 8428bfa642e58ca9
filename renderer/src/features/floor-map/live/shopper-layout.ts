// Where each shopper is on screen at this animation frame: the interpolated plan position turned
// into canvas pixels. Kept in reusable typed arrays (grown, never shrunk) because it is rebuilt on
// every animation frame; the painter draws from it, and a click is hit-tested against it, so a
// click selects exactly the shopper that was drawn under the pointer.
import type { LiveFloorFrame, ShopperState } from '../../../../../native-bridge/contract';
import type { Rect } from '../viewport';
import { interpolatedPosition } from './live-selectors';
import { SHOPPER_DIAMETER_M, SHOPPER_MIN_RADIUS_PX, shopperStates } from './shopper-style';
import type { TrailBook } from './trail-book';

export const stateIndex: Record<ShopperState, number> = Object.fromEntries(shopperStates.map((state, i) => [state, i])) as Record<ShopperState, number>;

/** A click this close to a shopper's edge still picks it: a half-metre dot is a small target. */
export const PICK_SLOP_PX = 6;

export class ShopperLayout {
  trackIds = new Float64Array(0);
  xs = new Float64Array(0);
  ys = new Float64Array(0);
  /** Index into `shopperStates`. */
  states = new Uint8Array(0);
  count = 0;
  /** Drawn radius of every shopper, in CSS pixels. */
  radiusPx = SHOPPER_MIN_RADIUS_PX;

  private ensure(n: number): void {
    if (this.trackIds.length >= n) return;
    const size = Math.max(n, this.trackIds.length * 2, 64);
    const grow = <T extends Float64Array | Uint8Array>(old: T, make: (size: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.trackIds = grow(this.trackIds, (s) => new Float64Array(s));
    this.xs = grow(this.xs, (s) => new Float64Array(s));
    this.ys = grow(this.ys, (s) => new Float64Array(s));
    this.states = grow(this.states, (s) => new Uint8Array(s));
  }

  /**
   * Lays out every shopper of `frame` at `progress` (0–1) of the move from the previous frame,
   * for a view showing `viewBox` at `scale` CSS pixels per metre.
   */
  update(frame: LiveFloorFrame | null, trails: TrailBook, progress: number, viewBox: Rect, scale: number): void {
    const shoppers = frame?.shoppers ?? [];
    this.ensure(shoppers.length);
    this.radiusPx = Math.max(SHOPPER_MIN_RADIUS_PX, (SHOPPER_DIAMETER_M / 2) * scale);
    const at: [number, number] = [0, 0];
    let n = 0;
    for (const shopper of shoppers) {
      const trail = trails.get(shopper.trackId);
      if (trail && trail.length > 0) interpolatedPosition(trail, progress, at);
      else {
        at[0] = shopper.x;
        at[1] = shopper.y;
      }
      this.trackIds[n] = shopper.trackId;
      this.xs[n] = (at[0] - viewBox.x) * scale;
      this.ys[n] = (at[1] - viewBox.y) * scale;
      this.states[n] = stateIndex[shopper.state];
      n++;
    }
    this.count = n;
  }

  /** The shopper drawn nearest the point (CSS pixels on the canvas) within reach; null if none. */
  pick(x: number, y: number, slopPx = PICK_SLOP_PX): number | null {
    const reach = this.radiusPx + slopPx;
    let best: number | null = null;
    let bestDistance = reach * reach;
    for (let i = 0; i < this.count; i++) {
      const dx = this.xs[i]! - x;
      const dy = this.ys[i]! - y;
      const distance = dx * dx + dy * dy;
      if (distance < bestDistance || (best === null && distance === bestDistance)) {
        bestDistance = distance;
        best = this.trackIds[i]!;
      }
    }
    return best;
  }

  /** Screen position of a track as last laid out, or null when it was not. */
  positionOf(trackId: number): [number, number] | null {
    for (let i = 0; i < this.count; i++) if (this.trackIds[i] === trackId) return [this.xs[i]!, this.ys[i]!];
    return null;
  }
}
