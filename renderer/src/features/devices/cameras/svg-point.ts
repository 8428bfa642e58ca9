// Where a mouse click falls in an SVG's own user units (still pixels, or floor metres on the plan),
// whatever the element's on-screen size, through the SVG's current transformation matrix.
import type { MouseEvent } from 'react';
import type { Point } from '../../../../../native-bridge/contract';

export function svgPointOf(event: MouseEvent<SVGSVGElement>): Point | null {
  const svg = event.currentTarget;
  const matrix = svg.getScreenCTM();
  if (!matrix) return null;
  const point = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  return [point.x, point.y];
}
