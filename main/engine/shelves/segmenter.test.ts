// The segmenter on its own: learned noise, precision over long runs, plates silent for a while, a
// controller whose sample rate changes, and the bookkeeping the stage relies on.
import { describe, expect, it } from 'vitest';
import type { PlateSamples } from '../inputs';
import { buildShelfLayout } from './layout';
import { shelfStageOptions } from './options';
import { Segmenter, type SettledChange } from './segmenter';
import { syntheticSamples, type SyntheticScenario } from './synthetic';
import { testStore } from './test-store';

const store = testStore([
  { id: 'F1', shelves: [{ id: 'S1', plates: ['A', 'B', 'C'].map((id) => ({ id, sku: 'BIS-0003' })) }] },
]);

function segment(scenario: Omit<SyntheticScenario, 'startMs'>, feed?: (s: Segmenter, ps: PlateSamples) => void): { seg: Segmenter; changes: SettledChange[] } {
  const seg = new Segmenter(buildShelfLayout(store), shelfStageOptions());
  const changes: SettledChange[] = [];
  for (const ps of syntheticSamples({ startMs: 0, ...scenario })) {
    seg.advance(ps.t0);
    if (feed) feed(seg, ps);
    else seg.acceptSamples(ps);
    changes.push(...seg.settled.splice(0));
  }
  seg.finish(scenario.endMs);
  changes.push(...seg.settled.splice(0));
  return { seg, changes };
}

const plates = (noiseG: number) => ['A', 'B', 'C'].map((plate) => ({ plate, levelG: 3000, noiseG }));

describe('Segmenter', () => {
  it('learns each plate its own noise σ from the idle signal', () => {
    const { seg } = segment({
      plates: [
        { plate: 'A', levelG: 3000, noiseG: 0.5 },
        { plate: 'B', levelG: 3000, noiseG: 1.5 },
        { plate: 'C', levelG: 3000, noiseG: 4 },
      ],
      endMs: 300_000,
      hz: 20,
    });
    expect(seg.sigma(0)).toBeGreaterThan(0.4);
    expect(seg.sigma(0)).toBeLessThan(0.6);
    expect(seg.sigma(1)).toBeGreaterThan(1.3);
    expect(seg.sigma(1)).toBeLessThan(1.7);
    expect(seg.sigma(2)).toBeGreaterThan(3.5);
    expect(seg.sigma(2)).toBeLessThan(4.5);
  });

  it('neither very quiet nor very noisy plates fire on their noise', () => {
    for (const noiseG of [0.05, 0.5, 5]) {
      const { changes } = segment({ plates: plates(noiseG), endMs: 120_000, hz: 50 });
      expect(changes, `σ = ${noiseG} g`).toEqual([]);
    }
  });

  it('measures Δw to a fraction of a gram on a 5 kg plate after hours of running sums', () => {
    const { changes } = segment({
      plates: [{ plate: 'A', levelG: 5000 }, { plate: 'B', levelG: 4000 }, { plate: 'C', levelG: 100 }],
      endMs: 2 * 3_600_000,
      hz: 10,
      chunkMs: 1000,
      steps: [{ plate: 'A', at: 2 * 3_600_000 - 20_000, deltaG: -14.7 }],
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.slots).toEqual([0]);
    expect(Math.abs(changes[0]!.deltas[0]! + 14.7)).toBeLessThan(0.5);
    // At 10 Hz the 0.75 s after-window holds 8 samples: σ²·(1/8 + the baseline's share) ≈ 0.31 g².
    expect(changes[0]!.variances[0]!).toBeLessThan(0.4);
  });

  it('does not let a plate that went silent hold its shelf from settling', () => {
    const { changes } = segment({
      plates: plates(1.5),
      endMs: 30_000,
      gaps: [{ plates: ['C'], from: 4_000, to: 30_000 }],
      steps: [{ plate: 'A', at: 8_000, deltaG: -421 }],
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.t).toBeLessThan(10_500);
  });

  it('waits for a plate whose samples are late, then settles on all of them', () => {
    // Plate B reports a second behind A and C: the shelf must not settle on A's data alone.
    const held: PlateSamples[] = [];
    const { changes } = segment(
      { plates: plates(1.5), endMs: 20_000, steps: [{ plate: 'B', at: 6_000, deltaG: -421 }] },
      (seg, ps) => {
        if (ps.plate !== 'B') return seg.acceptSamples(ps);
        held.push(ps);
        while (held.length > 0 && held[0]!.t0 <= ps.t0 - 1000) seg.acceptSamples(held.shift()!);
      },
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]!.slots).toEqual([1]);
    expect(changes[0]!.deltas[0]!).toBeCloseTo(-421, 0);
  });

  it("settles at a moment every plate was quiet even when one plate's data has already moved past it", () => {
    // One-second chunks: by the time B's data shows the shelf was quiet at 6.3 s, it also shows B's
    // own pick at 6.8 s. That pick is the next event, not part of A's.
    const { changes } = segment({
      plates: plates(1.5),
      endMs: 15_000,
      chunkMs: 1000,
      steps: [
        { plate: 'A', at: 5_000, deltaG: -421 },
        { plate: 'B', at: 6_800, deltaG: -2 * 421 },
      ],
    });
    expect(changes.map((c) => c.slots)).toEqual([[0], [1]]);
    expect(changes[0]!.deltas[0]!).toBeCloseTo(-421, 0);
    expect(changes[1]!.deltas[0]!).toBeCloseTo(-842, 0);
    expect(changes[0]!.t).toBeLessThan(6_800);
    expect(changes[1]!.startMs).toBeGreaterThan(6_000);
  });

  it('restarts its windows when a plate changes sample rate, keeping its baseline', () => {
    const seg = new Segmenter(buildShelfLayout(store), shelfStageOptions());
    const feed = (scenario: Omit<SyntheticScenario, 'startMs'> & { startMs: number }) => {
      for (const ps of syntheticSamples(scenario)) {
        seg.advance(ps.t0);
        seg.acceptSamples(ps);
      }
    };
    feed({ plates: plates(1.5), startMs: 0, endMs: 10_000, hz: 20 });
    feed({ plates: plates(1.5), startMs: 10_000, endMs: 20_000, hz: 80, seed: 2 });
    expect(seg.settled).toEqual([]);
    expect(seg.ready[0]).toBe(1);
  });

  it('ignores samples of plates the store does not know, and counts them', () => {
    const seg = new Segmenter(buildShelfLayout(store), shelfStageOptions());
    seg.acceptSamples({ kind: 'plate-samples', plate: 'nope', t0: 0, dt: 20, grams: new Float32Array(7) });
    expect(seg.unknownSamples).toBe(7);
  });
});
