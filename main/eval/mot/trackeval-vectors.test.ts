// Every metric of every case in the shared reference vectors (computed with TrackEval itself) must come
// out within 1e-6. The vectors live outside this repository (../shared/data); without them the suite
// is skipped, loudly, rather than passing on nothing.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectionsFromRows, evaluateMot, type MotKind, type MotMetrics } from './index';

interface VectorCase {
  kind: 'box' | 'point';
  zero_distance_m: number | null;
  gt: number[][];
  tracker: number[][];
  expected: Record<string, number>;
}

const vectorsPath = fileURLToPath(new URL('../../../../shared/data/mot-metric-vectors.json', import.meta.url));
const present = existsSync(vectorsPath);
if (!present) console.warn(`SKIPPED: TrackEval reference vectors not found at ${vectorsPath}`);
const cases: [string, VectorCase][] = present
  ? Object.entries((JSON.parse(readFileSync(vectorsPath, 'utf8')) as { cases: Record<string, VectorCase> }).cases)
  : [];

describe.skipIf(!present)(`TrackEval reference vectors (${vectorsPath})`, () => {
  it('has the six cases', () => {
    expect(cases.map(([name]) => name)).toEqual([
      'perfect',
      'idswitch',
      'fn_fp_loc',
      'ground_plane',
      'random_boxes_small',
      'random_floor_small',
    ]);
  });

  it.each(cases)('%s: every expected metric within 1e-6', (_name, c) => {
    const kind: MotKind = c.kind === 'box' ? { kind: 'box' } : { kind: 'point', zeroDistance: c.zero_distance_m ?? NaN };
    const metrics = evaluateMot(detectionsFromRows(c.gt, kind), detectionsFromRows(c.tracker, kind), kind);
    const expectedKeys = Object.keys(c.expected);
    expect(expectedKeys.length).toBe(20);
    for (const key of expectedKeys) {
      const got = metrics[key as keyof MotMetrics];
      expect(typeof got, key).toBe('number');
      expect(Math.abs((got as number) - c.expected[key]!), `${key}: got ${String(got)}, TrackEval ${c.expected[key]}`).toBeLessThanOrEqual(1e-6);
    }
  });
});
