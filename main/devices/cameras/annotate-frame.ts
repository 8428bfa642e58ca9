// Draws detections into an rgb24 frame: a box per person, coloured by its track, with the track id
// on a filled tag (a 3×5 pixel digit font, scaled). Used for saved evidence images (the end-to-end
// test's PNGs of real clips); the Cameras view draws the same boxes as SVG over the still instead,
// so they stay sharp at any size.
import type { StillDetection } from './camera-pipeline';

type Rgb = readonly [number, number, number];

/** Distinct, readable on video: a track keeps its colour from frame to frame. */
const palette: readonly Rgb[] = [
  [230, 25, 75],
  [60, 180, 75],
  [255, 225, 25],
  [0, 130, 200],
  [245, 130, 48],
  [145, 30, 180],
  [70, 240, 240],
  [240, 50, 230],
];
const unconfirmed: Rgb = [200, 200, 200];

export function trackColour(trackId: number | null): Rgb {
  return trackId === null ? unconfirmed : palette[trackId % palette.length]!;
}

// Rows of 3 bits, top to bottom.
const digits: Record<string, readonly number[]> = {
  '0': [7, 5, 5, 5, 7],
  '1': [2, 6, 2, 2, 7],
  '2': [7, 1, 7, 4, 7],
  '3': [7, 1, 7, 1, 7],
  '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7],
  '6': [7, 4, 7, 5, 7],
  '7': [7, 1, 1, 1, 1],
  '8': [7, 5, 7, 5, 7],
  '9': [7, 5, 7, 1, 7],
  '?': [7, 1, 3, 0, 2],
};

function fill(rgb: Uint8Array, width: number, height: number, x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
  const xa = Math.max(0, Math.floor(x0));
  const ya = Math.max(0, Math.floor(y0));
  const xb = Math.min(width, Math.ceil(x1));
  const yb = Math.min(height, Math.ceil(y1));
  for (let y = ya; y < yb; y++) {
    for (let x = xa; x < xb; x++) {
      const o = (y * width + x) * 3;
      rgb[o] = c[0];
      rgb[o + 1] = c[1];
      rgb[o + 2] = c[2];
    }
  }
}

export function drawBox(rgb: Uint8Array, width: number, height: number, x: number, y: number, w: number, h: number, c: Rgb, thickness = 2): void {
  fill(rgb, width, height, x, y, x + w, y + thickness, c);
  fill(rgb, width, height, x, y + h - thickness, x + w, y + h, c);
  fill(rgb, width, height, x, y, x + thickness, y + h, c);
  fill(rgb, width, height, x + w - thickness, y, x + w, y + h, c);
}

/** Digits on a tag of colour `c`, top-left at (x, y); returns the tag's width. */
export function drawTag(rgb: Uint8Array, width: number, height: number, x: number, y: number, text: string, c: Rgb, scale = 3): number {
  const tagW = (text.length * 4 + 1) * scale;
  const tagH = 7 * scale;
  fill(rgb, width, height, x, y, x + tagW, y + tagH, c);
  const ink: Rgb = c[0] * 0.3 + c[1] * 0.59 + c[2] * 0.11 > 140 ? [0, 0, 0] : [255, 255, 255];
  [...text].forEach((ch, i) => {
    const rows = digits[ch] ?? digits['?']!;
    rows.forEach((bits, row) => {
      for (let col = 0; col < 3; col++) {
        if (bits & (4 >> col)) {
          const px = x + (1 + i * 4 + col) * scale;
          const py = y + (1 + row) * scale;
          fill(rgb, width, height, px, py, px + scale, py + scale, ink);
        }
      }
    });
  });
  return tagW;
}

/** Boxes and track ids drawn into the frame in place. */
export function annotateFrame(rgb: Uint8Array, width: number, height: number, detections: readonly StillDetection[]): void {
  for (const d of detections) {
    const c = trackColour(d.trackId);
    drawBox(rgb, width, height, d.x, d.y, d.w, d.h, c);
    if (d.trackId !== null) drawTag(rgb, width, height, d.x, Math.max(0, d.y), String(d.trackId), c);
  }
}
