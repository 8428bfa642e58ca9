// Pure reads of the floor map's state: which screen to show, and the view numbers the SVG needs.
// Components call these with the slice they already hold, so nothing here allocates inside a
// store subscription.
import type { FloorPlan } from '../../../../native-bridge/contract';
import { dataOf, type ErrorInfo } from '../../state/load-state';
import type { FloorMapState } from './floor-map-slice';
import { scaleBarFor, type ScaleBar } from './scale-bar';
import { MAX_ZOOM, MIN_ZOOM, floorBounds, pixelsPerMetre, viewBoxFor, type Rect } from './viewport';

/** Plates are drawn once a 30 cm plate is at least ~24 px wide; below that they are just noise. */
export const PLATE_DETAIL_PX_PER_M = 80;

export type FloorMapPhase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; error: ErrorInfo }
  | { kind: 'empty'; plan: FloorPlan }
  | { kind: 'ready'; plan: FloorPlan };

export function isPlanEmpty(plan: FloorPlan): boolean {
  const { floor, fixtures, zones, gates } = plan.layout;
  const noArea = !(floor.width > 0) || !(floor.depth > 0);
  return noArea || (fixtures.length === 0 && zones.length === 0 && gates.length === 0);
}

export function selectPhase(state: Pick<FloorMapState, 'plan'>): FloorMapPhase {
  const { plan } = state;
  switch (plan.status) {
    case 'idle':
      return { kind: 'idle' };
    case 'loading':
      return { kind: 'loading' };
    case 'error':
      return { kind: 'error', error: plan.error };
    case 'ready':
      return isPlanEmpty(plan.data) ? { kind: 'empty', plan: plan.data } : { kind: 'ready', plan: plan.data };
  }
}

export function selectPlan(state: Pick<FloorMapState, 'plan'>): FloorPlan | null {
  return dataOf(state.plan);
}

/** The floor's rectangle; a unit square before a plan is loaded keeps the view maths finite. */
export function selectBounds(state: Pick<FloorMapState, 'plan'>): Rect {
  const plan = selectPlan(state);
  return plan ? floorBounds(plan.layout.floor) : { x: 0, y: 0, width: 1, height: 1 };
}

export function selectPixelsPerMetre(state: Pick<FloorMapState, 'plan' | 'view' | 'viewport'>): number {
  return pixelsPerMetre(selectBounds(state), state.view, state.viewport);
}

export function selectViewBox(state: Pick<FloorMapState, 'plan' | 'view' | 'viewport'>): Rect {
  return viewBoxFor(selectBounds(state), state.view, state.viewport);
}

export function selectShowPlates(state: Pick<FloorMapState, 'plan' | 'view' | 'viewport' | 'layers'>): boolean {
  return state.layers.fixtures && selectPixelsPerMetre(state) >= PLATE_DETAIL_PX_PER_M;
}

export function selectCanZoomIn(state: Pick<FloorMapState, 'view'>): boolean {
  return state.view.zoom < MAX_ZOOM - 1e-9;
}

export function selectCanZoomOut(state: Pick<FloorMapState, 'view'>): boolean {
  return state.view.zoom > MIN_ZOOM + 1e-9;
}

export function selectScaleBar(state: Pick<FloorMapState, 'plan' | 'view' | 'viewport'>): ScaleBar {
  return scaleBarFor(selectPixelsPerMetre(state));
}
