// Pre-drawn images of what the live layer draws over and over: a shopper's dot in each state's
// colour, and each track id's label with its white halo. Antialiased circles and stroked text are
// among the dearest things a canvas draws, above all where it rasterises in software (no GPU);
// copying a small ready-made image is far cheaper, and a hundred shoppers are drawn every
// animation frame. Sprites are drawn at the device pixel ratio, so they stay sharp.
export interface Sprite {
  image: CanvasImageSource;
  /** Size in CSS pixels, and where the anchor point (the dot's centre, the label's bottom middle) lies in it. */
  width: number;
  height: number;
  anchorX: number;
  anchorY: number;
}

export interface SpriteSurface {
  width: number;
  height: number;
  getContext(kind: '2d'): SpriteContext | null;
}

/** The few drawing calls sprites need: a subset of CanvasRenderingContext2D, so tests can record them. */
export interface SpriteContext {
  scale(x: number, y: number): void;
  beginPath(): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
  strokeText(text: string, x: number, y: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
}

export type CreateSurface = (width: number, height: number) => SpriteSurface;

/** Label sprites kept before the cache starts over: far more tracks than are ever on the floor. */
export const MAX_LABEL_SPRITES = 2048;
/** Dot sprites kept: states × the radii a zoom passes through. */
export const MAX_DOT_SPRITES = 256;
/** Radii are rounded to this (CSS px) so a smooth zoom reuses sprites. */
const RADIUS_STEP_PX = 0.25;
const LABEL_HALO_PX = 3;

function defaultCreate(width: number, height: number): SpriteSurface {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height) as unknown as SpriteSurface;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas as unknown as SpriteSurface;
}

export class SpriteCache {
  private readonly dots = new Map<string, Sprite>();
  private readonly labels = new Map<string, Sprite>();

  constructor(private readonly create: CreateSurface = defaultCreate) {}

  get size(): { dots: number; labels: number } {
    return { dots: this.dots.size, labels: this.labels.size };
  }

  /** A dot of radius `radiusPx` filled with `colour`, with a white outline `outlinePx` wide. */
  dot(colour: string, radiusPx: number, outlinePx: number, pixelRatio: number): Sprite {
    const r = Math.max(RADIUS_STEP_PX, Math.round(radiusPx / RADIUS_STEP_PX) * RADIUS_STEP_PX);
    const key = `${colour}|${r}|${outlinePx}|${pixelRatio}`;
    let sprite = this.dots.get(key);
    if (!sprite) {
      if (this.dots.size >= MAX_DOT_SPRITES) this.dots.clear();
      const half = r + outlinePx / 2 + 1;
      const surface = this.surface(half * 2, half * 2, pixelRatio);
      const ctx = surface.getContext('2d')!;
      ctx.beginPath();
      ctx.arc(half, half, r, 0, Math.PI * 2);
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.lineWidth = outlinePx;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
      sprite = { image: surface as unknown as CanvasImageSource, width: half * 2, height: half * 2, anchorX: half, anchorY: half };
      this.dots.set(key, sprite);
    }
    return sprite;
  }

  /** `text` in `font` (whose size is `fontPx`), dark on a white halo, anchored at its bottom middle. */
  label(text: string, font: string, fontPx: number, pixelRatio: number): Sprite {
    const key = `${text}|${font}|${pixelRatio}`;
    let sprite = this.labels.get(key);
    if (!sprite) {
      if (this.labels.size >= MAX_LABEL_SPRITES) this.labels.clear();
      const measure = this.create(1, 1).getContext('2d')!;
      measure.font = font;
      const width = Math.ceil(measure.measureText(text).width) + LABEL_HALO_PX * 2 + 2;
      const height = Math.ceil(fontPx * 1.25) + LABEL_HALO_PX * 2;
      const surface = this.surface(width, height, pixelRatio);
      const ctx = surface.getContext('2d')!;
      ctx.font = font;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      ctx.lineJoin = 'round';
      ctx.lineWidth = LABEL_HALO_PX;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.fillStyle = '#1f2933';
      const baseline = height - LABEL_HALO_PX;
      ctx.strokeText(text, width / 2, baseline);
      ctx.fillText(text, width / 2, baseline);
      sprite = { image: surface as unknown as CanvasImageSource, width, height, anchorX: width / 2, anchorY: baseline };
      this.labels.set(key, sprite);
    }
    return sprite;
  }

  private surface(width: number, height: number, pixelRatio: number): SpriteSurface {
    const surface = this.create(Math.ceil(width * pixelRatio), Math.ceil(height * pixelRatio));
    surface.getContext('2d')!.scale(pixelRatio, pixelRatio);
    return surface;
  }
}
