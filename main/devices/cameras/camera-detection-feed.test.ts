import { describe, expect, it } from 'vitest';
import type { Detections } from '../../engine/inputs';
import { CameraDetectionFeed } from './camera-detection-feed';

function feedAt(store: { now: number }, wall: { now: number }) {
  const pushed: Detections[] = [];
  const feed = new CameraDetectionFeed(['cam-1', 'cam-2'], { storeNow: () => store.now, wallNow: () => wall.now, push: (d) => pushed.push(d) });
  return { feed, pushed };
}

const box = (x = 10) => new Float32Array([x, 20, 30, 60, 0.9]);

describe('CameraDetectionFeed', () => {
  it('stamps a frame with its capture time on the store clock, by its age, even when the store clock runs ahead of the wall clock', () => {
    const store = { now: 5_000_000 };
    const wall = { now: 1_000 };
    const { feed, pushed } = feedAt(store, wall);
    expect(feed.accept({ camera: 'cam-1', capturedAtMs: 880, boxes: box() })).toBe(true);
    expect(pushed).toEqual([{ kind: 'detections', camera: 'cam-1', t: 4_999_880, boxes: box() }]);
  });

  it('keeps each camera monotonic: a frame stamped no later than the last goes 1 ms after it', () => {
    const store = { now: 10_000 };
    const wall = { now: 10_000 };
    const { feed, pushed } = feedAt(store, wall);
    feed.accept({ camera: 'cam-1', capturedAtMs: 9_900, boxes: box() });
    feed.accept({ camera: 'cam-1', capturedAtMs: 9_850, boxes: box() });
    feed.accept({ camera: 'cam-2', capturedAtMs: 9_850, boxes: box() });
    expect(pushed.map((d) => [d.camera, d.t])).toEqual([
      ['cam-1', 9_900],
      ['cam-1', 9_901],
      ['cam-2', 9_850],
    ]);
  });

  it('refuses unknown cameras and malformed boxes with a reason, feeding nothing', () => {
    const { feed, pushed } = feedAt({ now: 0 }, { now: 0 });
    const refusals: [Parameters<CameraDetectionFeed['accept']>[0], string][] = [
      [{ camera: 'cam-9', capturedAtMs: 0, boxes: box() }, 'not in this store'],
      [{ camera: 'cam-1', capturedAtMs: Number.NaN, boxes: box() }, 'without a capture time'],
      [{ camera: 'cam-1', capturedAtMs: 0, boxes: new Float32Array(7) }, '5 numbers per person'],
      [{ camera: 'cam-1', capturedAtMs: 0, boxes: new Float32Array([1, 2, Number.NaN, 4, 0.5]) }, 'box 1 has an invalid value (NaN)'],
      [{ camera: 'cam-1', capturedAtMs: 0, boxes: new Float32Array([...box(), 1, 2, -3, 4, 0.5]) }, 'box 2 has an invalid value (-3)'],
    ];
    for (const [frame, reason] of refusals) {
      expect(feed.accept(frame)).toBe(false);
      expect(feed.lastRefusal).toContain(reason);
    }
    expect(feed.refused).toBe(refusals.length);
    expect(pushed).toHaveLength(0);
    // An empty frame is no refusal: nobody was seen.
    expect(feed.accept({ camera: 'cam-1', capturedAtMs: 0, boxes: new Float32Array(0) })).toBe(true);
  });
});
