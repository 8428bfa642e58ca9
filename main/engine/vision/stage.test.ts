// The vision stage end to end on synthetic scenes: one floor track per person from the first
// confirmed tick to the last, placed within a few decimetres, through crossings, camera handovers,
// occlusion gaps and detector ghosts, and the same decisions on every run.
import { describe, expect, it } from 'vitest';
import type { EngineDecision, TrackLifecycleDecision, TrackPoint } from '../decisions';
import { createEngine } from '../engine';
import type { EngineInput } from '../inputs';
import type { StoreModel } from '../../store/schema';
import { createVisionStage } from './stage';
import { ceilingCamera, positionAt, renderScene, sceneStore, type Walker } from './test-scene';

const T0 = 1_000_000;

function run(store: StoreModel, inputs: EngineInput[], endMs: number) {
  const stage = createVisionStage(store);
  const decisions: EngineDecision[] = [];
  const engine = createEngine([stage], (d) => decisions.push(d));
  for (const input of inputs) engine.push(input);
  engine.advance(endMs);
  engine.finish();
  const points = decisions.filter((d): d is TrackPoint => d.kind === 'track-point');
  const life = decisions.filter((d): d is TrackLifecycleDecision => d.kind !== 'track-point' && d.kind.startsWith('track-'));
  return { stage, decisions, points, life, ids: [...new Set(points.map((p) => p.trackId))] };
}

/** Per walker, the track id nearest to it at each of its ticks that has points (tracks within 1 m). */
function idsFollowing(points: TrackPoint[], w: Walker): number[] {
  const byT = new Map<number, TrackPoint[]>();
  for (const p of points) (byT.get(p.t) ?? byT.set(p.t, []).get(p.t)!).push(p);
  const ids: number[] = [];
  for (const [t, ps] of [...byT].sort((a, b) => a[0] - b[0])) {
    const g = positionAt(w, t);
    if (!g) continue;
    let best: TrackPoint | undefined;
    let bestD = 1;
    for (const p of ps) {
      const d = Math.hypot(p.x - g[0], p.y - g[1]);
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    if (best) ids.push(best.trackId);
  }
  return ids;
}

describe('createVisionStage', () => {
  it('tracks one person walking under one camera as one confirmed track within 0.3 m', () => {
    const store = sceneStore([ceilingCamera('cam-a', 5, 2.5)]);
    const walker: Walker = { path: [[3.5, 2], [6.5, 3]], times: [T0, T0 + 3000], height: 1.8 };
    const { points, ids, life } = run(store, renderScene(store, [walker], T0, T0 + 3000), T0 + 3000);
    expect(ids).toHaveLength(1);
    expect(points.length).toBeGreaterThan(20);
    for (const p of points) {
      expect(p.t % 100).toBe(0);
      const g = positionAt(walker, p.t);
      if (g) expect(Math.hypot(p.x - g[0], p.y - g[1])).toBeLessThan(0.3);
    }
    expect(life.map((d) => d.kind)).toEqual(['track-started', 'track-ended']);
  });

  it('keeps identities when two people cross paths', () => {
    const store = sceneStore([ceilingCamera('cam-a', 5, 2.5)]);
    // An X crossing, the second walker 0.45 s behind at the centre: they pass ~0.45 m apart.
    const a: Walker = { path: [[3, 1.5], [7, 3.5]], times: [T0, T0 + 4000], height: 1.7 };
    const b: Walker = { path: [[3, 3.5], [7, 1.5]], times: [T0 + 450, T0 + 4450], height: 1.85 };
    const { points, ids } = run(store, renderScene(store, [a, b], T0, T0 + 4450), T0 + 4450);
    expect(ids).toHaveLength(2);
    const ia = idsFollowing(points, a);
    const ib = idsFollowing(points, b);
    expect(new Set(ia).size).toBe(1);
    expect(new Set(ib).size).toBe(1);
    expect(ia[0]).not.toBe(ib[0]);
  });

  it('hands a person over from one camera to the next without changing the id', () => {
    const store = sceneStore([ceilingCamera('cam-a', 3, 2.5), ceilingCamera('cam-b', 7, 2.5)]);
    const walker: Walker = { path: [[1.2, 2.4], [8.8, 2.7]], times: [T0, T0 + 7000] };
    const { points, ids } = run(store, renderScene(store, [walker], T0, T0 + 7000), T0 + 7000);
    expect(ids).toHaveLength(1);
    const first = points[0]!;
    const last = points[points.length - 1]!;
    expect(first.x).toBeLessThan(2.5);
    expect(last.x).toBeGreaterThan(7.5);
  });

  it('bridges a 3-second occlusion: the track is lost, then re-found with the same id', () => {
    const store = sceneStore([ceilingCamera('cam-a', 3, 2.5), ceilingCamera('cam-b', 7, 2.5)]);
    // Walking, then reaching into a shelf out of every camera's sight, then walking on.
    const walker: Walker = {
      path: [[1.5, 2.5], [4.5, 2.5], [4.8, 2.6], [8, 2.4]],
      times: [T0, T0 + 3000, T0 + 6500, T0 + 9500],
      hidden: [[T0 + 3000, T0 + 6000]],
    };
    const { ids, life } = run(store, renderScene(store, [walker], T0, T0 + 9500), T0 + 9500);
    expect(ids).toHaveLength(1);
    const kinds = life.map((d) => d.kind);
    expect(kinds).toContain('track-lost');
    expect(kinds).toContain('track-refound');
    expect(life.every((d) => d.trackId === ids[0])).toBe(true);
  });

  it('starts no track for detections that last a single frame', () => {
    const store = sceneStore([ceilingCamera('cam-a', 3, 2.5), ceilingCamera('cam-b', 7, 2.5)]);
    const ghosts: [number, number, number, number][] = [];
    for (let k = 0; k < 20; k++) ghosts.push([k % 2, T0 + 150 * k + 40, 2 + (k % 7) * 0.8, 1.5 + (k % 3)]);
    const { points, life, stage } = run(store, renderScene(store, [], T0, T0 + 3500, { ghosts }), T0 + 3500);
    expect(points).toHaveLength(0);
    expect(life).toHaveLength(0);
    expect(stage.tracks().filter((t) => t.status !== 'tentative')).toHaveLength(0);
  });

  it('decides the same on every run of the same inputs', () => {
    const store = sceneStore([ceilingCamera('cam-a', 3, 2.5), ceilingCamera('cam-b', 7, 2.5)]);
    const walkers: Walker[] = [
      { path: [[1.2, 1.5], [8.5, 3.5]], times: [T0, T0 + 6000] },
      { path: [[8.5, 1.5], [1.2, 3.2]], times: [T0 + 500, T0 + 6500], hidden: [[T0 + 2000, T0 + 2600]] },
    ];
    const inputs = renderScene(store, walkers, T0, T0 + 6500);
    const a = run(store, inputs, T0 + 6500).decisions;
    const b = run(store, inputs, T0 + 6500).decisions;
    expect(a.length).toBeGreaterThan(50);
    expect(b).toEqual(a);
  });

  it('reports its tracks while they are live', () => {
    const store = sceneStore([ceilingCamera('cam-a', 5, 2.5)]);
    const walker: Walker = { path: [[4, 2], [6, 3]], times: [T0, T0 + 2000], height: 1.8 };
    const stage = createVisionStage(store);
    const engine = createEngine([stage], () => {});
    for (const input of renderScene(store, [walker], T0, T0 + 2000)) engine.push(input);
    engine.advance(T0 + 2000);
    const [track] = stage.tracks().filter((t) => t.status === 'confirmed');
    expect(track).toBeDefined();
    expect(Math.hypot(track!.x - 6, track!.y - 3)).toBeLessThan(0.3);
    expect(track!.heightM).toBeGreaterThan(1.6);
  });

  it('reports the wrists it saw: a reaching wrist within a few centimetres where two cameras saw it, the other at the hip', () => {
    const store = sceneStore([ceilingCamera('cam-a', 4, 2.5), ceilingCamera('cam-b', 6, 2.5)]);
    const reach: [number, number, number] = [5.4, 2.2, 1.0];
    const walker: Walker = { path: [[5, 2.5], [5, 2.5]], times: [T0, T0 + 4000], reach: { fromMs: T0 + 1500, toMs: T0 + 3000, at: reach } };
    const { points } = run(store, renderScene(store, [walker], T0, T0 + 4000), T0 + 4000);
    const during = points.filter((p) => p.t >= T0 + 1700 && p.t <= T0 + 2900 && p.rightHand);
    expect(during.length).toBeGreaterThan(8);
    for (const p of during) {
      const h = p.rightHand!;
      expect(Math.hypot(h.x - reach[0], h.y - reach[1], h.z - reach[2])).toBeLessThan(0.08);
      // Seen from two sides: a covariance of centimetres, not a ray's length.
      expect(Math.sqrt(h.cov[0] + h.cov[3] + h.cov[5])).toBeLessThan(0.15);
      expect(Math.hypot(p.leftHand!.x - 4.78, p.leftHand!.y - 2.5)).toBeLessThan(0.1);
    }
    const before = points.filter((p) => p.t < T0 + 1400 && p.rightHand);
    expect(before.length).toBeGreaterThan(5);
    for (const p of before) expect(Math.hypot(p.rightHand!.x - 5.22, p.rightHand!.y - 2.5)).toBeLessThan(0.1);
  });
});

