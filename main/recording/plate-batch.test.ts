// Batches of many plates: every plate's runs come back, in the engine's order, whatever order the
// plates were written in; names survive their front coding; the plate table is decoded once for a
// run of batches that list the same plates.
import { describe, expect, it } from 'vitest';
import type { EngineInput, PlateSamples } from '../engine/inputs';
import { seededUniform } from '../engine/seeded-uniform';
import { decodeBatch, decodeBatchLazily, encodeBatch, inputSource } from './codec';
import { compareInputs } from './merge-order';
import { recorded, sampleInputs } from './test-inputs';

function plate(plateId: string, t0: number, grams: number[], dt = 10): PlateSamples {
  return { kind: 'plate-samples', plate: plateId, t0, dt, grams: Float32Array.from(grams) };
}

/** The engine order of inputs as given: a stable sort, so each plate keeps its own order. */
function engineOrder(inputs: readonly EngineInput[]): EngineInput[] {
  return [...inputs].sort(compareInputs).map(recorded);
}

describe('plate batches', () => {
  it('hand back every plate in engine order: time, then plate, each plate as recorded', () => {
    // Three plates at 10, 60 and 80 Hz on their own clocks, in chunks, with dropped samples.
    const runs = sampleInputs({ seconds: 1 }).filter((i) => i.kind === 'plate-samples');
    expect(new Set(runs.map(inputSource)).size).toBe(3);
    expect(decodeBatch(encodeBatch(runs))).toEqual(engineOrder(runs));
    // Plate after plate, the last name first: the batch's order does not depend on the writing order.
    const platesBackwards = [...runs].sort((a, b) => inputSource(b).localeCompare(inputSource(a)));
    expect(decodeBatch(encodeBatch(platesBackwards))).toEqual(engineOrder(runs));
  });

  it('break ties at one instant by plate name (by code unit), and keep a plate’s own runs at one instant in order', () => {
    const runs = [
      plate('a', 90, [5, 6]),
      plate('b', 100, [1]),
      plate('B', 90.5, [7]),
      plate('B', 100, [2]),
      plate('a', 100, [3]),
      plate('b', 100, [4]),
    ];
    const back = decodeBatch(encodeBatch(runs)) as PlateSamples[];
    expect(back.map((r) => `${r.plate}@${r.t0}:${[...r.grams].join(',')}`)).toEqual(['a@90:5,6', 'B@90.5:7', 'B@100:2', 'a@100:3', 'b@100:1', 'b@100:4']);
    expect(back).toEqual(engineOrder(runs));
  });

  it('order runs however the plates’ clocks interleave, crowded instants included', () => {
    const random = seededUniform(3);
    for (let trial = 0; trial < 20; trial++) {
      const runs: PlateSamples[] = [];
      const plates = 2 + Math.floor(random() * 40);
      for (let p = 0; p < plates; p++) {
        // Clocks that share instants (whole ms), or not (fractions), and runs that sometimes repeat an instant.
        let t = 1000 + (trial % 2 === 0 ? Math.floor(random() * 50) : random() * 50);
        for (let k = Math.floor(random() * 6); k >= 0; k--) {
          // Names whose order is not the plates' order (1009 is prime: all distinct).
          runs.push(plate(`plate-${(p * 7919) % 1009}`, t, [k]));
          if (random() < 0.8) t += trial % 2 === 0 ? Math.floor(random() * 30) : random() * 30;
        }
      }
      expect(decodeBatch(encodeBatch(runs))).toEqual(engineOrder(runs));
    }
    // A hundred runs within a microsecond, late plates first, and one far off: a crowded instant
    // that an insertion sort would take quadratic time over.
    const crowded = Array.from({ length: 100 }, (_, p) => plate(`p${String(p).padStart(3, '0')}`, 1000 + (99 - p) * 1e-6, [p]));
    crowded.push(plate('z', 5000, [1]));
    expect(decodeBatch(encodeBatch(crowded))).toEqual(engineOrder(crowded));
  });

  it('keep names exactly through their front coding, surrogate pairs included', () => {
    const names = ['shelf-1', 'shelf-10', 'shelf-2', 'shelf-😀a', 'shelf-😀b', 'shelf-😁', 'ü', 'plate'];
    const runs = names.map((name, i) => plate(name, i, [i]));
    expect(decodeBatch(encodeBatch(runs)).map(inputSource).sort()).toEqual([...names].sort());
  });

  it('decode the plate table once for batches that list the same plates', () => {
    const second = (t: number) => encodeBatch(['p1', 'p2', 'p3'].map((name) => plate(name, t, [t])));
    const a = decodeBatchLazily(second(0));
    const b = decodeBatchLazily(second(1000));
    const other = decodeBatchLazily(encodeBatch([plate('p1', 2000, [1])]));
    expect(b.sources).toBe(a.sources);
    expect(other.sources).toEqual(['p1']);
    expect(decodeBatchLazily(second(3000)).sources).toEqual(a.sources);
    // Payloads in one reused buffer (a Buffer, whose slice() is a view): a table of the same length
    // but other names is read afresh.
    const reused = Buffer.alloc(256);
    const first = encodeBatch([plate('a1', 0, [1]), plate('b1', 0, [2])]);
    const next = encodeBatch([plate('a2', 0, [1]), plate('b2', 0, [2])]);
    reused.set(first.payload);
    expect(decodeBatchLazily({ ...first, payload: reused.subarray(0, first.payload.length) }).sources).toEqual(['a1', 'b1']);
    reused.set(next.payload);
    expect(decodeBatchLazily({ ...next, payload: reused.subarray(0, next.payload.length) }).sources).toEqual(['a2', 'b2']);
  });
});
