// Which names the map shows, and where. Labels are sized in screen pixels (converted to metres at
// the current zoom) so they stay readable at any zoom. Placement is greedy by importance: gates,
// then fixtures, zones and cameras, and a label that would overlap one already placed is left
// out, so a zoomed-out plan shows the essentials and zooming in reveals the rest.
import type { FloorPlan } from '../../../../native-bridge/contract';
import { gateLabelPosition, polygonCentroid } from './geometry';
import type { LayerVisibility } from './layers';
import type { Rect } from './viewport';

/** Label text height on screen. */
export const LABEL_PX = 12;
/** Width of the light halo behind label text, which keeps it legible over fills and lines. */
export const LABEL_HALO_PX = 3;
/** Clear space kept between two labels, on screen. */
const LABEL_GAP_PX = 3;
/** How far a gate's or camera's label sits from its line or marker, on screen. */
const GATE_LABEL_OFFSET_PX = 14;
const CAMERA_LABEL_OFFSET_PX = 9;
/** Cameras come in dozens; their names are for inspecting coverage up close, not for the overview. */
export const CAMERA_LABEL_MIN_PX_PER_M = 60;
/** A rough average glyph width for the system UI font, as a share of the font size. */
const GLYPH_WIDTH_EM = 0.58;

export type LabelKind = 'gate-entry' | 'gate-exit' | 'fixture' | 'zone' | 'camera';

export interface MapLabel {
  key: string;
  kind: LabelKind;
  text: string;
  /** Anchor point in plan metres: the text's centre, or its left end when `align` is 'start'. */
  x: number;
  y: number;
  /** Degrees clockwise; always between −90 and 90 so text never reads upside down. */
  angle: number;
  align: 'middle' | 'start';
}

/** Turns a fixture's rotation into one where its text reads left-to-right, never upside down. */
export function readableAngle(rotation: number): number {
  let angle = ((rotation % 360) + 360) % 360;
  if (angle > 90 && angle <= 270) angle -= 180;
  else if (angle > 270) angle -= 360;
  return angle;
}

export function estimatedTextWidth(text: string, fontSize: number): number {
  return text.length * GLYPH_WIDTH_EM * fontSize;
}

/** Whether `text` at `fontSize` fits within `space` (all in the same unit). */
export function labelFits(text: string, fontSize: number, space: number): boolean {
  return estimatedTextWidth(text, fontSize) <= space;
}

/** The axis-aligned box a label's text covers on the plan, in metres. */
export function labelBox(label: MapLabel, fontSize: number): Rect {
  const w = estimatedTextWidth(label.text, fontSize);
  const h = fontSize;
  const radians = (label.angle * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const width = w * cos + h * sin;
  const height = w * sin + h * cos;
  const left = label.align === 'start' ? label.x : label.x - width / 2;
  return { x: left, y: label.y - height / 2, width, height };
}

function overlaps(a: Rect, b: Rect, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** Keeps labels in the given order of importance, dropping each one that would overlap a kept one. */
export function placeLabels(candidates: readonly MapLabel[], fontSize: number, gap: number): MapLabel[] {
  const kept: { label: MapLabel; box: Rect }[] = [];
  for (const label of candidates) {
    const box = labelBox(label, fontSize);
    if (kept.every((other) => !overlaps(box, other.box, gap))) kept.push({ label, box });
  }
  return kept.map(({ label }) => label);
}

/** Every label the visible layers could show, most important first. */
export function labelCandidates(plan: FloorPlan, layers: LayerVisibility, pixelsPerMetre: number): MapLabel[] {
  const px = 1 / pixelsPerMetre;
  const fontSize = LABEL_PX * px;
  const { gates, fixtures, zones } = plan.layout;
  const out: MapLabel[] = [];
  for (const gate of gates) {
    const [x, y] = gateLabelPosition(gate, GATE_LABEL_OFFSET_PX * px);
    out.push({ key: `gate-${gate.id}`, kind: `gate-${gate.kind}`, text: gate.name, x, y, angle: 0, align: 'middle' });
  }
  if (layers.fixtures) {
    for (const fixture of fixtures) {
      // A name longer than its fixture would spill across the aisle: wait until zoomed in.
      if (!labelFits(fixture.name, fontSize, fixture.length)) continue;
      const [x, y] = fixture.center;
      out.push({ key: `fixture-${fixture.id}`, kind: 'fixture', text: fixture.name, x, y, angle: readableAngle(fixture.rotation), align: 'middle' });
    }
  }
  if (layers.zones) {
    // A zone named after the fixture it surrounds (a department, a counter's area) would only
    // repeat the fixture's label; say each name once.
    const fixtureNames = new Set(out.filter((label) => label.kind === 'fixture').map((label) => label.text));
    for (const zone of zones) {
      if (fixtureNames.has(zone.name)) continue;
      const xs = zone.polygon.map(([x]) => x);
      if (!labelFits(zone.name, fontSize, Math.max(...xs) - Math.min(...xs))) continue;
      const [x, y] = polygonCentroid(zone.polygon);
      out.push({ key: `zone-${zone.id}`, kind: 'zone', text: zone.name, x, y, angle: 0, align: 'middle' });
    }
  }
  if (layers.cameras && pixelsPerMetre >= CAMERA_LABEL_MIN_PX_PER_M) {
    for (const camera of plan.cameras) {
      const [x, y] = camera.position;
      out.push({ key: `camera-${camera.id}`, kind: 'camera', text: camera.name, x: x + CAMERA_LABEL_OFFSET_PX * px, y, angle: 0, align: 'start' });
    }
  }
  return out;
}

/** The labels to draw at this zoom: the candidates, thinned so none overlap. */
export function visibleLabels(plan: FloorPlan, layers: LayerVisibility, pixelsPerMetre: number): MapLabel[] {
  const px = 1 / pixelsPerMetre;
  return placeLabels(labelCandidates(plan, layers, pixelsPerMetre), LABEL_PX * px, LABEL_GAP_PX * px);
}
