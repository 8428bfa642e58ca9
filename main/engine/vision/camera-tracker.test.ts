// ByteTrack per camera: a steady box keeps its id, a one-frame box never confirms, low-score boxes
// keep a track alive but start none, and lost tracks come back within the buffer.
import { describe, expect, it } from 'vitest';
import { CameraTracker, type CameraTrack } from './camera-tracker';
import { CameraProjection } from './floor-projection';
import { visionOptions } from './options';
import { ceilingCamera } from './test-scene';

const o = visionOptions();

function tracker(): CameraTracker {
  return new CameraTracker(new CameraProjection(0, ceilingCamera('c', 5, 2.5), o), o);
}

const box = (x: number, y: number, score = 0.9): number[] => [x, y, 120, 200, score];

describe('CameraTracker', () => {
  it('follows a moving box with one id and reports it once confirmed', () => {
    const tr = tracker();
    const seen: CameraTrack[] = [];
    for (let k = 0; k < 10; k++) tr.frame(1000 + 66.7 * k, Float32Array.from(box(600 + 8 * k, 300)), undefined, k, (t) => seen.push(t));
    const ids = new Set(seen.map((t) => t.id));
    expect(ids.size).toBe(1);
    // The first frame of a camera confirms at once (ByteTrack), so every frame reported.
    expect(seen).toHaveLength(10);
  });

  it('never confirms a box seen in one frame only', () => {
    const tr = tracker();
    const seen: CameraTrack[] = [];
    tr.frame(1000, new Float32Array(0), undefined, 0, (t) => seen.push(t));
    tr.frame(1067, Float32Array.from(box(600, 300)), undefined, 1, (t) => seen.push(t));
    for (let k = 2; k < 6; k++) tr.frame(1000 + 66.7 * k, new Float32Array(0), undefined, k, (t) => seen.push(t));
    expect(seen).toHaveLength(0);
    expect(tr.liveTracks).toHaveLength(0);
  });

  it('keeps a track on low-score boxes but starts none from them', () => {
    const tr = tracker();
    const seen: CameraTrack[] = [];
    tr.frame(1000, Float32Array.from(box(600, 300)), undefined, 0, (t) => seen.push(t));
    for (let k = 1; k < 5; k++) tr.frame(1000 + 66.7 * k, Float32Array.from([...box(600 + 5 * k, 300, 0.3), ...box(1500, 700, 0.3)]), undefined, k, (t) => seen.push(t));
    expect(new Set(seen.map((t) => t.id)).size).toBe(1);
    expect(seen).toHaveLength(5);
    expect(tr.liveTracks).toHaveLength(1);
  });

  it('re-finds a lost track within the buffer and drops it after', () => {
    const tr = tracker();
    const ids: number[] = [];
    let t = 1000;
    tr.frame(t, Float32Array.from(box(600, 300)), undefined, 0, (x) => ids.push(x.id));
    for (let k = 0; k < 5; k++) tr.frame((t += 66.7), new Float32Array(0), undefined, 0, () => {});
    expect(tr.liveTracks[0]!.state).toBe('lost');
    tr.frame((t += 66.7), Float32Array.from(box(602, 300)), undefined, 0, (x) => ids.push(x.id));
    expect(new Set(ids).size).toBe(1);
    for (let k = 0; k < 20; k++) tr.frame((t += 66.7), new Float32Array(0), undefined, 0, () => {});
    expect(tr.liveTracks).toHaveLength(0);
  });
});

describe('CameraTracker with malformed boxes', () => {
  it('ignores boxes that are not finite or have no area', () => {
    const tr = tracker();
    const seen: CameraTrack[] = [];
    const bad = [NaN, 300, 120, 200, 0.9, 600, 300, 0, 200, 0.9, 600, 300, 120, 200, NaN, 600, 300, Infinity, 200, 0.9];
    for (let k = 0; k < 4; k++) tr.frame(1000 + 66.7 * k, Float32Array.from([...bad, ...box(900, 500)]), undefined, k, (t) => seen.push(t));
    expect(new Set(seen.map((t) => t.id)).size).toBe(1);
    expect(tr.liveTracks).toHaveLength(1);
    expect(Number.isFinite(tr.liveTracks[0]!.kf[0])).toBe(true);
  });
});
