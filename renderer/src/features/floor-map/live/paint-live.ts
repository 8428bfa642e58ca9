// Paints the live layer on two canvases. The trail canvas holds each shopper's trail up to the
// last point a frame gave, fading by age: it changes only when a new frame arrives (ten times a
// second) or the view moves, so it is repainted then and not on every animation frame — trails are
// the dearest thing drawn. The shopper canvas is repainted every animation frame: each trail's
// head (from its last point to where the dot is drawn now), the dots, the selection ring and the
// track ids, kept from piling up on each other by a LabelGrid. Trails are batched by colour and
// age band (one path each); dots and labels are copied from pre-drawn sprites (sprite-cache.ts),
// far cheaper than rasterising circles and haloed text anew. Coordinates come from a
// ShopperLayout already in CSS pixels.
import type { LiveFloorFrame } from '../../../../../native-bridge/contract';
import type { Rect } from '../viewport';
import type { LabelGrid } from './label-grid';
import type { ShopperLayout } from './shopper-layout';
import type { SpriteCache } from './sprite-cache';
import {
  SHOPPER_LABEL_MIN_PX_PER_M,
  SHOPPER_LABEL_PX,
  TRAIL_BAND_ALPHAS,
  TRAIL_WIDTH_PX,
  shopperColours,
  shopperStates,
} from './shopper-style';
import type { Trail, TrailBook } from './trail-book';

export interface PaintInput {
  frame: LiveFloorFrame | null;
  trails: TrailBook;
  layout: ShopperLayout;
  viewBox: Rect;
  /** CSS pixels per metre. */
  scale: number;
  /** Canvas size in CSS pixels, and device pixels per CSS pixel. */
  width: number;
  height: number;
  pixelRatio: number;
  selectedTrackId: number | null;
  fontFamily: string;
  sprites: SpriteCache;
  /** Reused each frame to keep labels apart. */
  labels: LabelGrid;
}

const bands = TRAIL_BAND_ALPHAS.length;
/** Shoppers this far outside the canvas are skipped; their labels could still poke in. */
const CULL_MARGIN_PX = 40;

function begin(ctx: CanvasRenderingContext2D, { width, height, pixelRatio }: PaintInput): void {
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, width, height);
}

/** The trail canvas: every trail up to its second newest point (the newest is where the dot is heading). */
export function paintTrailHistory(ctx: CanvasRenderingContext2D, input: PaintInput): void {
  begin(ctx, input);
  const { frame, trails, layout, viewBox, scale } = input;
  if (!frame || layout.count === 0) return;
  const paths = bandPaths();
  for (let i = 0; i < layout.count; i++) {
    const trail = trails.get(layout.trackIds[i]!);
    if (!trail || trail.length < 3) continue;
    const base = layout.states[i]! * bands;
    let lastBand = -1;
    let path: Path2D | undefined;
    for (let j = 0; j < trail.length - 2; j++) {
      const k = trail.index(j);
      const band = bandOf(trail, k, frame.t, trails.windowMs);
      if (band !== lastBand) {
        path = paths[base + band]!;
        path.moveTo((trail.xs[k]! - viewBox.x) * scale, (trail.ys[k]! - viewBox.y) * scale);
        lastBand = band;
      }
      const next = trail.index(j + 1);
      path!.lineTo((trail.xs[next]! - viewBox.x) * scale, (trail.ys[next]! - viewBox.y) * scale);
    }
  }
  strokeBands(ctx, paths);
}

/** The shopper canvas: trail heads, dots, the selection ring and the track ids. */
export function paintLiveLayer(ctx: CanvasRenderingContext2D, input: PaintInput): void {
  begin(ctx, input);
  const { layout } = input;
  if (!input.frame || layout.count === 0) return;
  paintTrailHeads(ctx, input);
  paintShoppers(ctx, input);
  if (input.scale >= SHOPPER_LABEL_MIN_PX_PER_M) paintLabels(ctx, input);
}

/**
 * To whole device pixels: a sprite copied to a whole-pixel spot needs no resampling, which is
 * the canvas's fast path; a shopper moving less than a pixel a frame does not show the step.
 */
function snap(cssPx: number, pixelRatio: number): number {
  return Math.round(cssPx * pixelRatio) / pixelRatio;
}

function visible(x: number, y: number, width: number, height: number): boolean {
  return x > -CULL_MARGIN_PX && y > -CULL_MARGIN_PX && x < width + CULL_MARGIN_PX && y < height + CULL_MARGIN_PX;
}

function bandOf(trail: Trail, k: number, now: number, span: number): number {
  return Math.min(bands - 1, Math.max(0, Math.floor(((now - trail.ts[k]!) / span) * bands)));
}

function bandPaths(): Path2D[] {
  const paths: Path2D[] = [];
  for (let i = 0; i < shopperStates.length * bands; i++) paths.push(new Path2D());
  return paths;
}

function strokeBands(ctx: CanvasRenderingContext2D, paths: readonly Path2D[]): void {
  ctx.lineWidth = TRAIL_WIDTH_PX;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  shopperStates.forEach((state, s) => {
    ctx.strokeStyle = shopperColours[state];
    for (let b = 0; b < bands; b++) {
      ctx.globalAlpha = TRAIL_BAND_ALPHAS[b]!;
      ctx.stroke(paths[s * bands + b]!);
    }
  });
  ctx.globalAlpha = 1;
}

/** From each trail's second newest point to the dot: the trail ends where the dot is drawn. */
function paintTrailHeads(ctx: CanvasRenderingContext2D, { frame, trails, layout, viewBox, scale }: PaintInput): void {
  const paths = bandPaths();
  for (let i = 0; i < layout.count; i++) {
    const trail = trails.get(layout.trackIds[i]!);
    if (!trail || trail.length < 2) continue;
    const k = trail.index(trail.length - 2);
    const path = paths[layout.states[i]! * bands + bandOf(trail, k, frame!.t, trails.windowMs)]!;
    path.moveTo((trail.xs[k]! - viewBox.x) * scale, (trail.ys[k]! - viewBox.y) * scale);
    path.lineTo(layout.xs[i]!, layout.ys[i]!);
  }
  strokeBands(ctx, paths);
}

function paintShoppers(ctx: CanvasRenderingContext2D, { layout, width, height, selectedTrackId, sprites, pixelRatio }: PaintInput): void {
  const r = layout.radiusPx;
  const dots = shopperStates.map((state) => sprites.dot(shopperColours[state], r, Math.min(2, Math.max(1, r / 4)), pixelRatio));
  let selected = -1;
  for (let i = 0; i < layout.count; i++) {
    const x = layout.xs[i]!;
    const y = layout.ys[i]!;
    if (layout.trackIds[i] === selectedTrackId) selected = i;
    if (!visible(x, y, width, height)) continue;
    const dot = dots[layout.states[i]!]!;
    ctx.drawImage(dot.image, snap(x - dot.anchorX, pixelRatio), snap(y - dot.anchorY, pixelRatio), dot.width, dot.height);
  }
  if (selected >= 0) {
    const x = layout.xs[selected]!;
    const y = layout.ys[selected]!;
    ctx.beginPath();
    ctx.arc(x, y, r + 4, 0, Math.PI * 2);
    ctx.lineWidth = 4;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#141b24';
    ctx.stroke();
  }
}

function paintLabels(ctx: CanvasRenderingContext2D, { layout, width, height, fontFamily, sprites, pixelRatio, selectedTrackId, labels }: PaintInput): void {
  const offset = layout.radiusPx + 2;
  const font = `600 ${SHOPPER_LABEL_PX}px ${fontFamily}`;
  labels.reset(width, height);
  // The selected shopper's label first, so it is never the one left out.
  const selected = selectedTrackId === null ? -1 : layout.trackIds.indexOf(selectedTrackId);
  if (selected >= 0 && selected < layout.count) paintLabel(ctx, selected, offset, font, { layout, width, height, sprites, pixelRatio, labels });
  for (let i = 0; i < layout.count; i++) if (i !== selected) paintLabel(ctx, i, offset, font, { layout, width, height, sprites, pixelRatio, labels });
}

function paintLabel(
  ctx: CanvasRenderingContext2D,
  i: number,
  offset: number,
  font: string,
  { layout, width, height, sprites, pixelRatio, labels }: Pick<PaintInput, 'layout' | 'width' | 'height' | 'sprites' | 'pixelRatio' | 'labels'>,
): void {
  const x = layout.xs[i]!;
  const y = layout.ys[i]!;
  if (!visible(x, y, width, height)) return;
  const label = sprites.label(String(layout.trackIds[i]), font, SHOPPER_LABEL_PX, pixelRatio);
  const left = x - label.anchorX;
  const top = y - offset - label.anchorY;
  if (!labels.claim(left, left + label.width, top + label.height / 2)) return;
  ctx.drawImage(label.image, snap(left, pixelRatio), snap(top, pixelRatio), label.width, label.height);
}
