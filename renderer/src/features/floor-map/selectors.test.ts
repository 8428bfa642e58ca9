import { describe, expect, it } from 'vitest';
import type { FloorPlan } from '../../../../native-bridge/contract';
import { sampleFloorPlan } from '../../testing/sample-data';
import { initialFloorMapState, type FloorMapState } from './floor-map-slice';
import {
  PLATE_DETAIL_PX_PER_M,
  isPlanEmpty,
  selectBounds,
  selectCanZoomIn,
  selectCanZoomOut,
  selectPhase,
  selectPixelsPerMetre,
  selectPlan,
  selectScaleBar,
  selectShowPlates,
  selectViewBox,
} from './selectors';
import { MAX_ZOOM, MIN_ZOOM } from './viewport';

function readyState(plan: FloorPlan = sampleFloorPlan(), patch: Partial<FloorMapState> = {}): FloorMapState {
  return {
    ...initialFloorMapState(),
    plan: { status: 'ready', data: plan },
    view: { center: [10, 5], zoom: 1 },
    viewport: { width: 1100, height: 600 },
    ...patch,
  };
}

function emptyPlan(): FloorPlan {
  const plan = sampleFloorPlan();
  return { ...plan, layout: { ...plan.layout, fixtures: [], zones: [], gates: [] } };
}

describe('selectPhase', () => {
  it('follows the load state', () => {
    expect(selectPhase({ plan: { status: 'idle' } })).toEqual({ kind: 'idle' });
    expect(selectPhase({ plan: { status: 'loading' } })).toEqual({ kind: 'loading' });
    const error = { code: 'internal' as const, message: 'down' };
    expect(selectPhase({ plan: { status: 'error', error } })).toEqual({ kind: 'error', error });
    expect(selectPhase(readyState()).kind).toBe('ready');
  });

  it('calls a plan with nothing to draw empty', () => {
    expect(selectPhase(readyState(emptyPlan())).kind).toBe('empty');
  });
});

describe('isPlanEmpty', () => {
  it('is false for a plan with fixtures', () => {
    expect(isPlanEmpty(sampleFloorPlan())).toBe(false);
  });

  it('is true without fixtures, zones and gates, or without floor area', () => {
    expect(isPlanEmpty(emptyPlan())).toBe(true);
    const plan = sampleFloorPlan();
    expect(isPlanEmpty({ ...plan, layout: { ...plan.layout, floor: { ...plan.layout.floor, width: 0 } } })).toBe(true);
  });
});

describe('selectPlan and selectBounds', () => {
  it('reads the plan and its floor rectangle', () => {
    expect(selectPlan(readyState())?.layout.id).toBe('test-store');
    expect(selectBounds(readyState())).toEqual({ x: 0, y: 0, width: 20, height: 10 });
  });

  it('has a finite stand-in before a plan is loaded', () => {
    expect(selectPlan(initialFloorMapState())).toBeNull();
    expect(selectBounds(initialFloorMapState())).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });
});

describe('view selectors', () => {
  it('scale with zoom', () => {
    expect(selectPixelsPerMetre(readyState())).toBeCloseTo(50);
    expect(selectPixelsPerMetre(readyState(undefined, { view: { center: [10, 5], zoom: 2 } }))).toBeCloseTo(100);
  });

  it('give the viewBox in metres', () => {
    const box = selectViewBox(readyState());
    expect(box.x).toBeCloseTo(-1);
    expect(box.width).toBeCloseTo(22);
  });

  it('show plates only when zoomed in far enough and fixtures are shown', () => {
    expect(selectShowPlates(readyState())).toBe(false);
    const close = readyState(undefined, { view: { center: [10, 5], zoom: PLATE_DETAIL_PX_PER_M / 50 } });
    expect(selectShowPlates(close)).toBe(true);
    expect(selectShowPlates({ ...close, layers: { ...close.layers, fixtures: false } })).toBe(false);
  });

  it('disable the zoom buttons at the limits', () => {
    expect(selectCanZoomIn({ view: { center: [0, 0], zoom: 1 } })).toBe(true);
    expect(selectCanZoomIn({ view: { center: [0, 0], zoom: MAX_ZOOM } })).toBe(false);
    expect(selectCanZoomOut({ view: { center: [0, 0], zoom: MIN_ZOOM } })).toBe(false);
    expect(selectCanZoomOut({ view: { center: [0, 0], zoom: 1 } })).toBe(true);
  });

  it('pick a scale bar for the current scale', () => {
    expect(selectScaleBar(readyState())).toEqual({ metres: 2, pixels: expect.closeTo(100), label: '2 m' });
  });
});
