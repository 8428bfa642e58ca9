// Hand triangulation: rays from cameras that saw the hand meet at it; one camera alone gives the
// ray's point nearest the body, with an error that says the depth is a guess; a camera that saw
// something else is outvoted.
import { describe, expect, it } from 'vitest';
import { newObservation, type FloorObservation } from './floor-projection';
import { HAND_POINT_STRIDE, HAND_RAY_STRIDE, triangulateHand, type HandPrior } from './hands';

/** An observation by a camera at `cam` whose left-hand ray points at `target`, with angular σ of `sigmaRad`. */
function sighting(cam: [number, number, number], target: [number, number, number], sigmaRad = 0.01): FloorObservation {
  const ob = newObservation();
  [ob.camX, ob.camY, ob.camZ] = cam;
  const d = [target[0] - cam[0], target[1] - cam[1], target[2] - cam[2]];
  const n = Math.hypot(d[0]!, d[1]!, d[2]!);
  ob.hands.set([d[0]! / n, d[1]! / n, d[2]! / n, 1 / (sigmaRad * sigmaRad)], 0);
  return ob;
}

const prior: HandPrior = { x: 2, y: 2, z: 0.95, sigmaM: 0.5 };
const options = { outlierM: 0.15 };

/** x, y, z, and the expected error (root of the covariance's trace). */
function solve(obs: FloorObservation[], hand = 0): number[] {
  const out = new Float64Array(2 * HAND_POINT_STRIDE);
  triangulateHand(obs, obs.length, hand, prior, options, out);
  const at = hand * HAND_POINT_STRIDE;
  return [out[at]!, out[at + 1]!, out[at + 2]!, Math.sqrt(out[at + 3]! + out[at + 6]! + out[at + 8]!)];
}

describe('triangulateHand', () => {
  const hand: [number, number, number] = [2.5, 2.1, 0.6];

  it('puts a hand seen by two ceiling cameras where their rays meet, within a centimetre', () => {
    const [x, y, z, err] = solve([sighting([0.5, 2, 3.3], hand), sighting([4, 3, 3.3], hand)]);
    expect(Math.hypot(x! - hand[0], y! - hand[1], z! - hand[2])).toBeLessThan(0.01);
    expect(err).toBeLessThan(0.1);
  });

  it('reports a large error along the ray when one camera alone saw the hand (its depth is the prior), a small one across it', () => {
    const cam: [number, number, number] = [0.5, 2, 3.3];
    const out = new Float64Array(2 * HAND_POINT_STRIDE);
    triangulateHand([sighting(cam, hand)], 1, 0, prior, options, out);
    const c = out.subarray(3, 9);
    const cov = [[c[0]!, c[1]!, c[2]!], [c[1]!, c[3]!, c[4]!], [c[2]!, c[4]!, c[5]!]];
    const variance = (u: number[]) => u.reduce((sum, ui, i) => sum + ui * cov[i]!.reduce((s2, cij, j) => s2 + cij * u[j]!, 0), 0);
    const d = hand.map((v, i) => v - cam[i]!);
    const along = d.map((v) => v / Math.hypot(...d));
    const across = [along[1]!, -along[0]!, 0].map((v) => v / Math.hypot(along[0]!, along[1]!));
    expect(Math.sqrt(variance(along))).toBeGreaterThan(0.3);
    expect(Math.sqrt(variance(across))).toBeLessThan(0.05);
    // The point lies on the ray (up to the prior's pull across it, under 2 mm).
    const p = [out[0]! - cam[0], out[1]! - cam[1], out[2]! - cam[2]];
    const t = p.reduce((sum, v, i) => sum + v * along[i]!, 0);
    expect(Math.hypot(...p.map((v, i) => v - t * along[i]!))).toBeLessThan(0.002);
  });

  it('drops the camera that saw something else when two others agree', () => {
    const elsewhere: [number, number, number] = [3.2, 2.6, 0.9];
    const [x, y, z] = solve([sighting([0.5, 2, 3.3], hand), sighting([4, 3, 3.3], hand), sighting([2, 0.5, 3.3], hand), sighting([3.5, 0.8, 3.3], elsewhere)]);
    expect(Math.hypot(x! - hand[0], y! - hand[1], z! - hand[2])).toBeLessThan(0.01);
  });

  it('leaves NaN for a hand no camera saw, and reads each hand from its own slot', () => {
    const ob = sighting([0.5, 2, 3.3], hand);
    expect(solve([ob], 1).every(Number.isNaN)).toBe(true);
    ob.hands.copyWithin(HAND_RAY_STRIDE, 0, HAND_RAY_STRIDE);
    ob.hands[3] = 0;
    expect(solve([ob], 0).every(Number.isNaN)).toBe(true);
    expect(solve([ob], 1).every(Number.isFinite)).toBe(true);
  });
});
