// Paints the live layer onto its canvas: fading trails, then the shoppers, then the selection
// ring, then the track ids. Work is batched by colour (one path per state, one per state and trail
// age band) so a few hundred shoppers cost a few dozen canvas calls rather than thousands; only the
// labels are drawn one by one. Coordinates come from a ShopperLayout already in CSS pixels.
import type { LiveFloorFrame } from '../../../../../native-bridge/contract';
import type { Rect } from '../viewport';
import type { ShopperLayout } from './shopper-layout';
import {
  SHOPPER_LABEL_MIN_PX_PER_M,
  SHOPPER_LABEL_PX,
  TRAIL_BAND_ALPHAS,
  TRAIL_WIDTH_PX,
  shopperColours,
  shopperStates,
} from './shopper-style';
import type { TrailBook } from './trail-book';

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
}

const bands = TRAIL_BAND_ALPHAS.length;
/** Shoppers this far outside the canvas are skipped; their labels could still poke in. */
const CULL_MARGIN_PX = 40;

export function paintLiveLayer(ctx: CanvasRenderingContext2D, input: PaintInput): void {
  const { layout, width, height, pixelRatio } = input;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (!input.frame || layout.count === 0) return;
  paintTrails(ctx, input);
  paintShoppers(ctx, input);
  if (input.scale >= SHOPPER_LABEL_MIN_PX_PER_M) paintLabels(ctx, input);
}

function visible(x: number, y: number, width: number, height: number): boolean {
  return x > -CULL_MARGIN_PX && y > -CULL_MARGIN_PX && x < width + CULL_MARGIN_PX && y < height + CULL_MARGIN_PX;
}

function paintTrails(ctx: CanvasRenderingContext2D, { frame, trails, layout, viewBox, scale }: PaintInput): void {
  const now = frame!.t;
  const span = trails.windowMs;
  const paths: Path2D[] = [];
  for (let i = 0; i < shopperStates.length * bands; i++) paths.push(new Path2D());
  for (let i = 0; i < layout.count; i++) {
    const trail = trails.get(layout.trackIds[i]!);
    if (!trail || trail.length < 2) continue;
    const base = layout.states[i]! * bands;
    // Points up to the one before the newest, then the shopper's drawn (interpolated) position:
    // the trail ends where the dot is, not where it is heading.
    let lastBand = -1;
    let path: Path2D | undefined;
    for (let j = 0; j < trail.length - 1; j++) {
      const k = trail.index(j);
      const band = Math.min(bands - 1, Math.max(0, Math.floor(((now - trail.ts[k]!) / span) * bands)));
      const x0 = (trail.xs[k]! - viewBox.x) * scale;
      const y0 = (trail.ys[k]! - viewBox.y) * scale;
      if (band !== lastBand) {
        path = paths[base + band]!;
        path.moveTo(x0, y0);
        lastBand = band;
      }
      const next = j + 1 < trail.length - 1 ? trail.index(j + 1) : -1;
      if (next >= 0) path!.lineTo((trail.xs[next]! - viewBox.x) * scale, (trail.ys[next]! - viewBox.y) * scale);
      else path!.lineTo(layout.xs[i]!, layout.ys[i]!);
    }
  }
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

function paintShoppers(ctx: CanvasRenderingContext2D, { layout, width, height, selectedTrackId }: PaintInput): void {
  const r = layout.radiusPx;
  const paths = shopperStates.map(() => new Path2D());
  let selected = -1;
  for (let i = 0; i < layout.count; i++) {
    const x = layout.xs[i]!;
    const y = layout.ys[i]!;
    if (layout.trackIds[i] === selectedTrackId) selected = i;
    if (!visible(x, y, width, height)) continue;
    const path = paths[layout.states[i]!]!;
    path.moveTo(x + r, y);
    path.arc(x, y, r, 0, Math.PI * 2);
  }
  ctx.lineWidth = Math.min(2, Math.max(1, r / 4));
  ctx.strokeStyle = '#ffffff';
  shopperStates.forEach((state, s) => {
    ctx.fillStyle = shopperColours[state];
    ctx.fill(paths[s]!);
    ctx.stroke(paths[s]!);
  });
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

function paintLabels(ctx: CanvasRenderingContext2D, { layout, width, height, fontFamily }: PaintInput): void {
  const offset = layout.radiusPx + 2;
  ctx.font = `600 ${SHOPPER_LABEL_PX}px ${fontFamily}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.fillStyle = '#1f2933';
  for (let i = 0; i < layout.count; i++) {
    const x = layout.xs[i]!;
    const y = layout.ys[i]!;
    if (!visible(x, y, width, height)) continue;
    const text = String(layout.trackIds[i]);
    ctx.strokeText(text, x, y - offset);
    ctx.fillText(text, x, y - offset);
  }
}
