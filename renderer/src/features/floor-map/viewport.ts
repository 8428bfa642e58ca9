// View maths for the map. The SVG works in metres (the plan's own units); the view is a centre
// point plus a zoom relative to "the whole floor fits". Keeping zoom relative means a window
// resize keeps the same framing, and the clamp means the same thing for a kiosk and a hypermarket.
import type { Point } from '../../../../native-bridge/contract';

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapView {
  /** Plan point (metres) at the middle of the viewport. */
  center: Point;
  /** 1 = the whole floor fits; 2 = twice as close. */
  zoom: number;
}

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 16;
/** One click of the +/− buttons. */
export const ZOOM_STEP = 1.5;
/** Room around the walls so gate labels and cameras on the outline stay visible when fitted. */
export const FIT_MARGIN_M = 1;
/** Stands in until the map has been measured, so the maths never divides by zero. */
export const FALLBACK_VIEWPORT: Size = { width: 800, height: 600 };

export function usableViewport(viewport: Size | null): Size {
  return viewport && viewport.width > 0 && viewport.height > 0 ? viewport : FALLBACK_VIEWPORT;
}

export function floorBounds(floor: { width: number; depth: number }): Rect {
  return { x: 0, y: 0, width: floor.width, height: floor.depth };
}

export function fitView(bounds: Rect): MapView {
  return { center: [bounds.x + bounds.width / 2, bounds.y + bounds.height / 2], zoom: 1 };
}

/** Screen pixels per metre at zoom 1: the floor plus its margin just fits the viewport. */
export function fitScale(bounds: Rect, viewport: Size | null, margin = FIT_MARGIN_M): number {
  const size = usableViewport(viewport);
  const width = Math.max(bounds.width + 2 * margin, 1e-6);
  const height = Math.max(bounds.height + 2 * margin, 1e-6);
  return Math.min(size.width / width, size.height / height);
}

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

export function pixelsPerMetre(bounds: Rect, view: MapView, viewport: Size | null): number {
  return fitScale(bounds, viewport) * view.zoom;
}

/**
 * The viewBox has the viewport's own aspect ratio, so the SVG is never letterboxed and one
 * screen pixel is the same number of metres across and down: pan and wheel maths stay exact.
 */
export function viewBoxFor(bounds: Rect, view: MapView, viewport: Size | null): Rect {
  const size = usableViewport(viewport);
  const ppm = pixelsPerMetre(bounds, view, viewport);
  const width = size.width / ppm;
  const height = size.height / ppm;
  return { x: view.center[0] - width / 2, y: view.center[1] - height / 2, width, height };
}

export function viewBoxAttr(rect: Rect): string {
  return [rect.x, rect.y, rect.width, rect.height].map((n) => round(n, 4)).join(' ');
}

/** Keeps the view's centre over the floor, so the store can never be panned out of sight. */
export function clampCenter(center: Point, bounds: Rect): Point {
  return [
    Math.min(bounds.x + bounds.width, Math.max(bounds.x, center[0])),
    Math.min(bounds.y + bounds.height, Math.max(bounds.y, center[1])),
  ];
}

/**
 * Zooms by `factor`, keeping `anchor` (a plan point, e.g. under the mouse) where it is on screen.
 * The anchor's offset from the centre shrinks by the ratio actually applied after clamping, so a
 * zoom stopped by the clamp does not drift the map.
 */
export function zoomAbout(view: MapView, factor: number, bounds: Rect, anchor?: Point): MapView {
  const zoom = clampZoom(view.zoom * factor);
  if (!anchor) return { center: view.center, zoom };
  const ratio = view.zoom / zoom;
  const center: Point = [
    anchor[0] + (view.center[0] - anchor[0]) * ratio,
    anchor[1] + (view.center[1] - anchor[1]) * ratio,
  ];
  return { center: clampCenter(center, bounds), zoom };
}

/** Dragging the map right by dx pixels moves the view's centre left by dx in metres. */
export function panByPixels(view: MapView, dx: number, dy: number, ppm: number, bounds: Rect): MapView {
  if (!(ppm > 0)) return view;
  const center: Point = [view.center[0] - dx / ppm, view.center[1] - dy / ppm];
  return { center: clampCenter(center, bounds), zoom: view.zoom };
}

/** A point in viewport pixels (from its top-left corner) to plan metres. */
export function screenToPlan(pixel: Point, viewBox: Rect, viewport: Size | null): Point {
  const size = usableViewport(viewport);
  return [viewBox.x + (pixel[0] / size.width) * viewBox.width, viewBox.y + (pixel[1] / size.height) * viewBox.height];
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
