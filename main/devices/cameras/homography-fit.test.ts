// The normalised DLT against a known camera: points projected through a demo camera's pose give
// back its floor homography; noisy clicks give a small, honest residual; degenerate clicks are
// refused with a reason a person can act on.
import { describe, expect, it } from 'vitest';
import { applyHomography, cameraFloorHomography, projectToImage } from '../../store/geometry';
import { loadStore } from '../../store/load';
import type { Point } from '../../store/schema';
import { fitFloorHomography, type PointPair } from './homography-fit';

const demo = loadStore(new URL('../../store/demo/', import.meta.url).pathname);
const gateCamera = demo.cameras.find((c) => c.id === 'cam-25')!;
const ceilingCamera = demo.cameras.find((c) => c.id === 'cam-08')!;

function pairsFor(camera: typeof gateCamera, floor: Point[]): PointPair[] {
  return floor.map((p) => ({ floor: p, image: projectToImage(camera, [p[0], p[1], 0])! }));
}

describe('fitFloorHomography', () => {
  it.each([
    ['an oblique gate camera', gateCamera, [[1.5, 9.5], [3.5, 9.5], [3.8, 11], [1.2, 11.2], [2.5, 10.2]] as Point[]],
    ['a top-down ceiling camera', ceilingCamera, [[3, 3], [5, 3], [5, 4.5], [3, 4.5]] as Point[]],
  ])('recovers %s from its own projections', (_name, camera, floor) => {
    const fit = fitFloorHomography(pairsFor(camera, floor));
    expect(fit.rmsM).toBeLessThan(1e-6);
    expect(fit.exact).toBe(floor.length === 4);
    const truth = cameraFloorHomography(camera)!;
    for (const uv of [[100, 600], [640, 360], [1000, 200]] as Point[]) {
      const a = applyHomography(truth, uv);
      const b = applyHomography(fit.homography, uv);
      if (!a) continue;
      expect(b![0]).toBeCloseTo(a[0], 4);
      expect(b![1]).toBeCloseTo(a[1], 4);
    }
  });

  it('reports the reprojection error of imprecise clicks, per pair and overall', () => {
    const floor: Point[] = [[1.5, 9.5], [3.5, 9.5], [3.8, 11], [1.2, 11.2], [2.5, 10.2], [2, 10.8]];
    const pairs = pairsFor(gateCamera, floor);
    // A careless click: the fifth image point 12 px off.
    pairs[4] = { ...pairs[4]!, image: [pairs[4]!.image[0] + 12, pairs[4]!.image[1]] };
    const fit = fitFloorHomography(pairs);
    expect(fit.exact).toBe(false);
    expect(fit.residualsM).toHaveLength(6);
    expect(fit.rmsM).toBeGreaterThan(0.005);
    expect(fit.rmsM).toBeLessThan(0.1);
    expect(fit.residualsM.indexOf(fit.maxM)).toBe(4);
  });

  it.each([
    ['three pairs', [[0, 0], [1, 0], [0, 1]] as Point[], /at least 4 point pairs, got 3/],
    ['collinear floor points', [[0, 0], [1, 1], [2, 2], [3, 3]] as Point[], /floor points lie on one line/],
  ])('refuses %s', (_name, floor, message) => {
    const pairs = floor.map((p, i) => ({ floor: p, image: [100 + 37 * i, 50 + 91 * ((i * i) % 5)] as Point }));
    expect(() => fitFloorHomography(pairs)).toThrow(message);
  });

  it('refuses four pairs with three image points on one line', () => {
    const pairs: PointPair[] = [
      { image: [0, 0], floor: [0, 0] },
      { image: [100, 0], floor: [1, 0] },
      { image: [200, 0], floor: [2, 0.5] },
      { image: [0, 100], floor: [0, 1] },
    ];
    expect(() => fitFloorHomography(pairs)).toThrow(/keep any three of them off one line/);
  });

  it('refuses non-finite points', () => {
    const pairs = pairsFor(gateCamera, [[1.5, 9.5], [3.5, 9.5], [3.8, 11], [1.2, 11.2]]);
    pairs[2] = { ...pairs[2]!, floor: [Number.NaN, 1] };
    expect(() => fitFloorHomography(pairs)).toThrow(/not a finite number/);
  });
});
