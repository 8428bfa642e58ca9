import { describe, expect, it } from 'vitest';
import { sampleLiveFrame, sampleShopper } from '../../../testing/sample-data';
import { PICK_SLOP_PX, ShopperLayout, stateIndex } from './shopper-layout';
import { SHOPPER_MIN_RADIUS_PX, shopperStates } from './shopper-style';
import { TrailBook } from './trail-book';

const viewBox = { x: -1, y: -1, width: 22, height: 12 };

function laidOut(progress: number, scale = 50) {
  const trails = new TrailBook();
  trails.record(sampleLiveFrame(0, [sampleShopper(1, 0, 0), sampleShopper(2, 10, 5, { state: 'flagged' })]));
  const frame = sampleLiveFrame(100, [sampleShopper(1, 2, 0), sampleShopper(2, 10, 5, { state: 'flagged' }), sampleShopper(3, 4, 4, { state: 'unbound' })]);
  trails.record(frame);
  const layout = new ShopperLayout();
  layout.update(frame, trails, progress, viewBox, scale);
  return layout;
}

describe('ShopperLayout', () => {
  it('places each shopper in canvas pixels at the interpolated position', () => {
    const layout = laidOut(0.5);
    expect(layout.count).toBe(3);
    expect(layout.positionOf(1)).toEqual([(1 - viewBox.x) * 50, (0 - viewBox.y) * 50]);
    expect(layout.positionOf(2)).toEqual([550, 300]);
    expect(layout.positionOf(3)).toEqual([250, 250]);
    expect(layout.positionOf(4)).toBeNull();
    expect(shopperStates[layout.states[1]!]).toBe('flagged');
    expect(layout.states[2]).toBe(stateIndex.unbound);
  });

  it('draws shoppers half a metre across, but never smaller than the minimum', () => {
    expect(laidOut(1, 50).radiusPx).toBe(12.5);
    expect(laidOut(1, 2).radiusPx).toBe(SHOPPER_MIN_RADIUS_PX);
  });

  it('picks the shopper under the pointer, with a little slop', () => {
    const layout = laidOut(1);
    const [x, y] = layout.positionOf(3)!;
    expect(layout.pick(x, y)).toBe(3);
    expect(layout.pick(x + layout.radiusPx + PICK_SLOP_PX - 1, y)).toBe(3);
    expect(layout.pick(x + layout.radiusPx + PICK_SLOP_PX + 1, y)).toBeNull();
  });

  it('picks the nearest of two overlapping shoppers', () => {
    const trails = new TrailBook();
    const frame = sampleLiveFrame(0, [sampleShopper(1, 5, 5), sampleShopper(2, 5.2, 5)]);
    trails.record(frame);
    const layout = new ShopperLayout();
    layout.update(frame, trails, 1, viewBox, 50);
    const [x2, y2] = layout.positionOf(2)!;
    expect(layout.pick(x2 - 1, y2)).toBe(2);
  });

  it('grows for a bigger crowd and empties without a frame', () => {
    const trails = new TrailBook();
    const frame = sampleLiveFrame(0, Array.from({ length: 300 }, (_, i) => sampleShopper(i, i % 20, i % 10)));
    trails.record(frame);
    const layout = new ShopperLayout();
    layout.update(frame, trails, 1, viewBox, 50);
    expect(layout.count).toBe(300);
    layout.update(null, trails, 1, viewBox, 50);
    expect(layout.count).toBe(0);
    expect(layout.pick(0, 0)).toBeNull();
  });
});
