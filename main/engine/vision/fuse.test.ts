// Multi-camera fusion with height: two cameras that see a head from opposite sides disagree about
// where it is until the height is right; the fit finds the position and the height together.
import { describe, expect, it } from 'vitest';
import { fuseObservations, newFused, worstResidual } from './fuse';
import { newObservation, type FloorObservation } from './floor-projection';

/** A head observation of a person at (x, y) with head height h, projected at ref by a camera at (cx, cy, cz). */
function headObs(cx: number, cy: number, cz: number, x: number, y: number, h: number, ref: number): FloorObservation {
  const ob = newObservation();
  // The ray from the camera through the head, continued to the plane at ref.
  const s = (cz - ref) / (cz - h);
  ob.x = cx + (x - cx) * s;
  ob.y = cy + (y - cy) * s;
  ob.gx = -(x - cx) / (cz - h);
  ob.gy = -(y - cy) / (cz - h);
  ob.rxx = ob.ryy = 0.0004;
  return ob;
}

describe('fuseObservations', () => {
  it('recovers position and head height from two cameras on opposite sides', () => {
    const ref = 1.72;
    const obs = [headObs(3, 2.5, 3.35, 5, 2.5, 1.9, ref), headObs(7, 2.5, 3.35, 5, 2.5, 1.9, ref)];
    // The naive projections are 0.2 m either side of the truth.
    expect(Math.abs(obs[0]!.x - 5)).toBeGreaterThan(0.15);
    const f = newFused();
    expect(fuseObservations(obs, 2, ref, 0.01, ref, 0, 0, 0, f)).toBe(true);
    expect(f.x).toBeCloseTo(5, 2);
    expect(f.y).toBeCloseTo(2.5, 2);
    expect(ref + f.dh).toBeCloseTo(1.9, 1);
  });

  it('with one camera keeps the prior height and reports the height uncertainty in the position', () => {
    const ob = headObs(3, 2.5, 3.35, 5, 2.5, 1.72, 1.72);
    const f = newFused();
    fuseObservations([ob], 1, 1.72, 0.01, 1.72, 0, 0, 0, f);
    expect(f.dh).toBeCloseTo(0, 6);
    expect(f.x).toBeCloseTo(5, 6);
    expect(f.cov.xx).toBeGreaterThan(ob.rxx + 0.01 * ob.gx * ob.gx * 0.99);
  });

  it('moves observations to the tick along the velocity', () => {
    const ob = newObservation();
    ob.x = 1;
    ob.rxx = ob.ryy = 0.01;
    ob.t = 950;
    const f = newFused();
    fuseObservations([ob], 1, 1.72, 0.01, 1.72, 1000, 2, 0, f);
    expect(f.x).toBeCloseTo(1.1, 6);
  });

  it('points at the observation that disagrees', () => {
    const good = [headObs(3, 2.5, 3.35, 5, 2.5, 1.72, 1.72), headObs(7, 2.5, 3.35, 5, 2.5, 1.72, 1.72)];
    const bad = newObservation();
    bad.x = 5.6;
    bad.y = 2.5;
    bad.rxx = bad.ryy = 0.0004;
    const obs = [...good, bad];
    const f = newFused();
    fuseObservations(obs, 3, 1.72, 0.0001, 1.72, 0, 0, 0, f);
    const worst = new Float64Array(3);
    worstResidual(obs, 3, f, 1.72, 1.72, 0, 0, 0, worst);
    expect(worst[0]).toBe(2);
    expect(worst[2]).toBeGreaterThan(0.25);
  });
});
