import { describe, expect, it } from 'vitest';
import {
  FALLBACK_VIEWPORT,
  FIT_MARGIN_M,
  MAX_ZOOM,
  MIN_ZOOM,
  clampCenter,
  clampZoom,
  fitScale,
  fitView,
  floorBounds,
  panByPixels,
  pixelsPerMetre,
  screenToPlan,
  viewBoxAttr,
  viewBoxFor,
  zoomAbout,
} from './viewport';

const bounds = floorBounds({ width: 20, depth: 10 });
const viewport = { width: 1100, height: 600 };

describe('fitScale', () => {
  it('fits the floor plus its margin along the tighter axis', () => {
    // 22 m across 1100 px = 50 px/m; 12 m down 600 px = 50 px/m.
    expect(fitScale(bounds, viewport)).toBeCloseTo(50);
    expect(fitScale(bounds, { width: 2200, height: 600 })).toBeCloseTo(50);
    expect(fitScale(bounds, { width: 1100, height: 1200 })).toBeCloseTo(50);
    expect(fitScale(bounds, { width: 550, height: 600 })).toBeCloseTo(25);
  });

  it('uses a stand-in viewport until the real one is measured', () => {
    expect(fitScale(bounds, null)).toBe(fitScale(bounds, FALLBACK_VIEWPORT));
    expect(fitScale(bounds, { width: 0, height: 0 })).toBe(fitScale(bounds, FALLBACK_VIEWPORT));
  });
});

describe('fitView and viewBoxFor', () => {
  it('centres on the floor at zoom 1', () => {
    expect(fitView(bounds)).toEqual({ center: [10, 5], zoom: 1 });
  });

  it('shows the whole floor and its margin when fitted', () => {
    const box = viewBoxFor(bounds, fitView(bounds), viewport);
    expect(box.x).toBeCloseTo(-FIT_MARGIN_M);
    expect(box.y).toBeCloseTo(-FIT_MARGIN_M);
    expect(box.width).toBeCloseTo(22);
    expect(box.height).toBeCloseTo(12);
  });

  it('matches the viewport’s aspect ratio so nothing is letterboxed', () => {
    const wide = { width: 1600, height: 600 };
    const box = viewBoxFor(bounds, fitView(bounds), wide);
    expect(box.width / box.height).toBeCloseTo(wide.width / wide.height);
    expect(box.height).toBeCloseTo(12);
  });

  it('shrinks the visible area as zoom grows', () => {
    const box = viewBoxFor(bounds, { center: [10, 5], zoom: 2 }, viewport);
    expect(box).toMatchObject({ x: expect.closeTo(4.5), y: expect.closeTo(2), width: expect.closeTo(11), height: expect.closeTo(6) });
  });

  it('formats the attribute compactly', () => {
    expect(viewBoxAttr({ x: -1, y: -1.000004, width: 22.123456, height: 12 })).toBe('-1 -1 22.1235 12');
  });
});

describe('clampZoom', () => {
  it('keeps zoom between its limits and recovers from nonsense', () => {
    expect(clampZoom(0.01)).toBe(MIN_ZOOM);
    expect(clampZoom(1e9)).toBe(MAX_ZOOM);
    expect(clampZoom(3)).toBe(3);
    expect(clampZoom(Number.NaN)).toBe(1);
  });
});

describe('zoomAbout', () => {
  it('zooms about the centre without an anchor', () => {
    expect(zoomAbout({ center: [3, 4], zoom: 1 }, 2, bounds)).toEqual({ center: [3, 4], zoom: 2 });
  });

  it('keeps the anchor at the same screen position', () => {
    const before = { center: [10, 5] as [number, number], zoom: 1 };
    const anchorPixel: [number, number] = [900, 150];
    const anchor = screenToPlan(anchorPixel, viewBoxFor(bounds, before, viewport), viewport);
    const after = zoomAbout(before, 1.7, bounds, anchor);
    const again = screenToPlan(anchorPixel, viewBoxFor(bounds, after, viewport), viewport);
    expect(again[0]).toBeCloseTo(anchor[0]);
    expect(again[1]).toBeCloseTo(anchor[1]);
  });

  it('does not drift the map when the clamp stops the zoom', () => {
    const atMax = { center: [10, 5] as [number, number], zoom: MAX_ZOOM };
    expect(zoomAbout(atMax, 2, bounds, [1, 1])).toEqual(atMax);
  });
});

describe('panByPixels', () => {
  it('moves the centre against the drag, scaled to metres', () => {
    expect(panByPixels({ center: [10, 5], zoom: 1 }, 100, -50, 50, bounds)).toEqual({ center: [8, 6], zoom: 1 });
  });

  it('keeps the centre on the floor', () => {
    expect(panByPixels({ center: [10, 5], zoom: 1 }, 1e5, 1e5, 50, bounds).center).toEqual([0, 0]);
  });

  it('does nothing without a usable scale', () => {
    const view = { center: [10, 5] as [number, number], zoom: 1 };
    expect(panByPixels(view, 10, 10, 0, bounds)).toBe(view);
  });
});

describe('clampCenter and screenToPlan', () => {
  it('clamps each axis to the floor', () => {
    expect(clampCenter([-3, 12], bounds)).toEqual([0, 10]);
  });

  it('maps viewport corners to viewBox corners', () => {
    const box = { x: -1, y: -1, width: 22, height: 12 };
    expect(screenToPlan([0, 0], box, viewport)).toEqual([-1, -1]);
    expect(screenToPlan([1100, 600], box, viewport)).toEqual([21, 11]);
    expect(screenToPlan([550, 300], box, viewport)).toEqual([10, 5]);
  });

  it('agrees with pixelsPerMetre', () => {
    const view = { center: [10, 5] as [number, number], zoom: 3 };
    const box = viewBoxFor(bounds, view, viewport);
    const a = screenToPlan([100, 100], box, viewport);
    const b = screenToPlan([200, 100], box, viewport);
    expect(100 / (b[0] - a[0])).toBeCloseTo(pixelsPerMetre(bounds, view, viewport));
  });
});
