// Cases that only an exact reproduction of TrackEval gets right: ties that scipy's assignment breaks
// its own way (mljs `linear-sum-assignment` changes IDSW/MOTA/MT on the first seven), crowded frames,
// and the empty-sequence conventions. How the expected values were made is in the file's "about".
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectionsFromRows, evaluateMot, type MotKind, type MotMetrics } from './index';

interface Case {
  kind: 'box' | 'point';
  zero_distance_m: number | null;
  gt: number[][];
  tracker: number[][];
  expected: Record<string, number>;
}

const { cases } = JSON.parse(readFileSync(new URL('./trackeval-transcription-cases.json', import.meta.url), 'utf8')) as {
  cases: Record<string, Case>;
};

describe('TrackEval transcription cases', () => {
  it.each(Object.entries(cases))('%s', (_name, c) => {
    const kind: MotKind = c.kind === 'box' ? { kind: 'box' } : { kind: 'point', zeroDistance: c.zero_distance_m ?? NaN };
    const metrics = evaluateMot(detectionsFromRows(c.gt, kind), detectionsFromRows(c.tracker, kind), kind);
    for (const [key, want] of Object.entries(c.expected)) {
      expect(Math.abs((metrics[key as keyof MotMetrics] as number) - want), key).toBeLessThanOrEqual(1e-9);
    }
  });
});
