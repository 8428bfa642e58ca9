import { describe, expect, it } from 'vitest';
import { MAX_LABEL_SPRITES, SpriteCache, type SpriteContext, type SpriteSurface } from './sprite-cache';

/** TEST DOUBLE — a canvas that records what is drawn on it; every character is 7 px wide. */
class RecordingSurface implements SpriteSurface {
  readonly calls: string[] = [];
  private readonly context: SpriteContext;
  constructor(
    public width: number,
    public height: number,
  ) {
    const calls = this.calls;
    this.context = {
      scale: (x, y) => calls.push(`scale ${x} ${y}`),
      beginPath: () => calls.push('beginPath'),
      arc: (x, y, r) => calls.push(`arc ${x} ${y} ${r}`),
      fill: () => calls.push('fill'),
      stroke: () => calls.push('stroke'),
      strokeText: (text) => calls.push(`strokeText ${text}`),
      fillText: (text) => calls.push(`fillText ${text}`),
      measureText: (text) => ({ width: text.length * 7 }),
      fillStyle: '',
      strokeStyle: '',
      lineWidth: 1,
      lineJoin: 'miter',
      font: '',
      textAlign: 'start',
      textBaseline: 'alphabetic',
    };
  }
  getContext(): SpriteContext {
    return this.context;
  }
}

function cache() {
  const made: RecordingSurface[] = [];
  const sprites = new SpriteCache((w, h) => {
    const surface = new RecordingSurface(w, h);
    made.push(surface);
    return surface;
  });
  return { sprites, made };
}

describe('SpriteCache', () => {
  it('draws a dot once per colour, radius and pixel ratio, at the pixel ratio', () => {
    const { sprites, made } = cache();
    const a = sprites.dot('#2563c9', 6, 1.5, 2);
    expect(sprites.dot('#2563c9', 6, 1.5, 2)).toBe(a);
    expect(made).toHaveLength(1);
    expect(a.width).toBeCloseTo(2 * (6 + 0.75 + 1));
    expect(a.anchorX).toBe(a.width / 2);
    expect(made[0]!.width).toBe(Math.ceil(a.width * 2));
    expect(made[0]!.calls).toEqual(['scale 2 2', 'beginPath', `arc ${a.anchorX} ${a.anchorY} 6`, 'fill', 'stroke']);
    sprites.dot('#d62f2f', 6, 1.5, 2);
    sprites.dot('#2563c9', 6, 1.5, 1);
    expect(sprites.size.dots).toBe(3);
  });

  it('reuses a dot across a smooth zoom by rounding the radius to a quarter pixel', () => {
    const { sprites } = cache();
    expect(sprites.dot('#000', 6.01, 1, 1)).toBe(sprites.dot('#000', 6.1, 1, 1));
    expect(sprites.dot('#000', 6.01, 1, 1)).not.toBe(sprites.dot('#000', 6.2, 1, 1));
  });

  it('draws a label once, sized to its text with room for the halo, anchored at its bottom middle', () => {
    const { sprites, made } = cache();
    const label = sprites.label('123', '600 11px sans-serif', 11, 1);
    expect(sprites.label('123', '600 11px sans-serif', 11, 1)).toBe(label);
    expect(label.width).toBe(3 * 7 + 3 * 2 + 2);
    expect(label.anchorX).toBe(label.width / 2);
    expect(label.anchorY).toBeLessThan(label.height);
    const drawn = made.find((s) => s.calls.includes('fillText 123'))!;
    expect(drawn.calls).toEqual(['scale 1 1', 'strokeText 123', 'fillText 123']);
  });

  it('starts over rather than growing without bound', () => {
    const { sprites } = cache();
    for (let i = 0; i <= MAX_LABEL_SPRITES; i++) sprites.label(String(i), 'f', 11, 1);
    expect(sprites.size.labels).toBe(1);
  });
});
