import { describe, expect, it } from 'vitest';
import type { Point } from '../../../../native-bridge/contract';
import { fixtureFootprint, gateLabelPosition, localToPlan, plateFootprint, pointsAttr, polygonCentroid } from './geometry';

function expectPoints(actual: Point[], expected: Point[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach(([x, y], i) => {
    expect(x).toBeCloseTo(expected[i]![0]);
    expect(y).toBeCloseTo(expected[i]![1]);
  });
}

const fixture = { center: [10, 5] as Point, rotation: 0, length: 4, depth: 1 };

describe('localToPlan', () => {
  it('only translates at rotation 0', () => {
    expectPoints([localToPlan(fixture, [2, 0.5])], [[12, 5.5]]);
  });

  it('turns clockwise on the plan (x right, y down) for positive degrees', () => {
    // The fixture's +x end, rotated 90° clockwise, points down the page (+y).
    expectPoints([localToPlan({ ...fixture, rotation: 90 }, [2, 0])], [[10, 7]]);
    // …and its front (+y) side then faces −x.
    expectPoints([localToPlan({ ...fixture, rotation: 90 }, [0, 0.5])], [[9.5, 5]]);
  });

  it('handles negative and large angles', () => {
    expectPoints([localToPlan({ ...fixture, rotation: -90 }, [2, 0])], [[10, 3]]);
    expectPoints([localToPlan({ ...fixture, rotation: 450 }, [2, 0])], [[10, 7]]);
  });
});

describe('fixtureFootprint', () => {
  it('is the length × depth rectangle about the centre', () => {
    expectPoints(fixtureFootprint(fixture), [
      [8, 4.5],
      [12, 4.5],
      [12, 5.5],
      [8, 5.5],
    ]);
  });

  it('swaps extent when rotated a quarter turn', () => {
    const corners = fixtureFootprint({ ...fixture, rotation: 90 });
    const xs = corners.map(([x]) => x);
    const ys = corners.map(([, y]) => y);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(1);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(4);
  });
});

describe('plateFootprint', () => {
  const plate = { offset: 0.5, width: 1 };

  it('places a front plate on the +y side, counting from the −x end', () => {
    expectPoints(plateFootprint(fixture, { face: 'front', depth: 0.4 }, plate), [
      [8.5, 5.1],
      [9.5, 5.1],
      [9.5, 5.5],
      [8.5, 5.5],
    ]);
  });

  it('places a back plate on the −y side, counting from the +x end', () => {
    expectPoints(plateFootprint(fixture, { face: 'back', depth: 0.4 }, plate), [
      [10.5, 4.5],
      [11.5, 4.5],
      [11.5, 4.9],
      [10.5, 4.9],
    ]);
  });

  it('clips a shelf deeper than its fixture', () => {
    const corners = plateFootprint(fixture, { face: 'front', depth: 3 }, plate);
    expect(Math.min(...corners.map(([, y]) => y))).toBeCloseTo(4.5);
  });

  it('rotates with its fixture', () => {
    const corners = plateFootprint({ ...fixture, rotation: 90 }, { face: 'front', depth: 0.4 }, plate);
    // Front now faces −x, and the −x end (offset 0) is at the top.
    expect(Math.min(...corners.map(([x]) => x))).toBeCloseTo(9.5);
    expect(Math.min(...corners.map(([, y]) => y))).toBeCloseTo(3.5);
  });
});

describe('polygonCentroid', () => {
  it('finds the centre of a rectangle, in either winding', () => {
    const square: Point[] = [
      [0, 0],
      [4, 0],
      [4, 2],
      [0, 2],
    ];
    expect(polygonCentroid(square)).toEqual([2, 1]);
    expect(polygonCentroid([...square].reverse())).toEqual([2, 1]);
  });

  it('weights by area for an L shape', () => {
    const l: Point[] = [
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ];
    const [x, y] = polygonCentroid(l);
    expect(x).toBeCloseTo(5 / 6);
    expect(y).toBeCloseTo(5 / 6);
  });

  it('falls back to the mean for a degenerate polygon', () => {
    expect(polygonCentroid([[0, 0], [1, 1], [2, 2]])).toEqual([1, 1]);
    expect(polygonCentroid([])).toEqual([0, 0]);
  });
});

describe('gateLabelPosition', () => {
  // The store model: walking from line[0] to line[1], the store is on the right. With y down,
  // "right" of a direction (dx, dy) is (−dy, dx), so the label goes the other way.
  it('puts the label outside a gate in the bottom wall', () => {
    // Walking −x along y = 10 has the store (y < 10) on the right.
    const [x, y] = gateLabelPosition({ line: [[3, 10], [1, 10]] }, 0.5);
    expect(x).toBeCloseTo(2);
    expect(y).toBeCloseTo(10.5);
  });

  it('puts the label outside a gate in the left wall', () => {
    // Walking up the page (−y) along x = 0 has the store (x > 0) on the right.
    const [x, y] = gateLabelPosition({ line: [[0, 4], [0, 2]] }, 1);
    expect(x).toBeCloseTo(-1);
    expect(y).toBeCloseTo(3);
  });
});

describe('pointsAttr', () => {
  it('joins points as SVG expects, rounding float noise', () => {
    expect(pointsAttr([[0, 0], [1.000000001, 2.5]])).toBe('0,0 1,2.5');
  });
});
