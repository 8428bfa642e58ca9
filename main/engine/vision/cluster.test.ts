// Clustering leftovers: close points of different cameras join, two points of one camera never do,
// and a line of people does not chain into one cluster.
import { describe, expect, it } from 'vitest';
import { Clusterer, type ClusterPoint } from './cluster';

const p = (camera: number, x: number, y: number): ClusterPoint => ({ camera, x, y });

describe('Clusterer', () => {
  it('joins close points from different cameras and keeps one point per camera', () => {
    const pts = [p(0, 1, 1), p(1, 1.1, 1), p(2, 1.05, 1.1), p(0, 1.2, 1.05)];
    const labels = new Int32Array(4);
    const k = new Clusterer().cluster(pts, 4, 0.6, labels);
    expect(k).toBe(2);
    expect(labels[0]).not.toBe(labels[3]);
    const cams = (l: number) => pts.filter((_, i) => labels[i] === l).map((q) => q.camera);
    for (let l = 0; l < k; l++) expect(new Set(cams(l)).size).toBe(cams(l).length);
  });

  it('does not chain a queue of people into one cluster', () => {
    const pts: ClusterPoint[] = [];
    for (let i = 0; i < 6; i++) pts.push(p(i % 3, i * 0.45, 0));
    const labels = new Int32Array(6);
    expect(new Clusterer().cluster(pts, 6, 0.6, labels)).toBeGreaterThanOrEqual(3);
  });
});
