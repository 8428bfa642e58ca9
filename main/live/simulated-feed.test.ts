import { describe, expect, it } from 'vitest';
import type { EngineInput } from '../engine/inputs';
import { inputTime } from '../engine/inputs';
import { loadDemoStore } from '../store/load';
import { arrivalTime, LIVE_CHUNK_MS, PacedFeed, simulatedInputs } from './simulated-feed';

const chunk = (t0: number, n: number, dt = 10, plate = 'P1'): EngineInput => ({ kind: 'plate-samples', plate, t0, dt, grams: new Float32Array(n) });
const passage = (t: number): EngineInput => ({ kind: 'gate-passage', gate: 'G1', t });

/** A feed starting at store time 0 on wall time 0, at real time: store ms = wall ms. */
function feedOf(inputs: EngineInput[], speed = 1): { feed: PacedFeed; pump(wallMs: number): { reached: number; got: EngineInput[] } } {
  const feed = new PacedFeed(inputs[Symbol.iterator](), 0, speed, 0);
  return {
    feed,
    pump(wallMs) {
      const got: EngineInput[] = [];
      const reached = feed.pump(wallMs, (input) => got.push(input));
      return { reached, got };
    },
  };
}

describe('arrivalTime', () => {
  it('is a chunk’s last sample, anything else’s own time', () => {
    expect(arrivalTime(chunk(1000, 10, 10))).toBe(1090);
    expect(arrivalTime(chunk(1000, 1, 10))).toBe(1000);
    expect(arrivalTime(passage(1234))).toBe(1234);
  });
});

describe('PacedFeed', () => {
  it('does not release a chunk before its last sample is taken', () => {
    const f = feedOf([chunk(100, 10, 10)]); // samples at 100…190
    expect(f.pump(100).got).toEqual([]);
    expect(f.pump(189).got).toEqual([]);
    expect(f.pump(190).got).toHaveLength(1);
  });

  it('holds the inputs after a chunk until the chunk is there, and keeps their order', () => {
    const inputs = [passage(50), chunk(100, 10, 10), passage(120), chunk(130, 2, 10, 'P2'), passage(300)];
    const f = feedOf(inputs);
    const released: EngineInput[] = [];
    // The passage at 120 and the short chunk ending at 140 are due at 150, but the chunk before them is not.
    let step = f.pump(150);
    expect(step.got).toEqual([inputs[0]]);
    released.push(...step.got);
    step = f.pump(190);
    expect(step.got).toEqual([inputs[1], inputs[2], inputs[3]]);
    released.push(...step.got);
    released.push(...f.pump(1000).got);
    expect(released).toEqual(inputs);
    const times = released.map(inputTime);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('never reports a store time past an input it still holds back', () => {
    const f = feedOf([passage(50), chunk(100, 10, 10), passage(120)]);
    expect(f.pump(80).reached).toBe(80); // nothing held that sorts before 80
    expect(f.pump(150).reached).toBe(100); // the chunk starting at 100 is still held
    expect(f.pump(189).reached).toBe(100);
    const last = f.pump(200);
    expect(last.got).toHaveLength(2);
    expect(last.reached).toBe(200);
  });

  it('reaches the clock’s store time once everything is out, and paces by speed', () => {
    const f = feedOf([chunk(0, 5, 100)], 2); // last sample at 400 store ms = 200 wall ms at 2×
    expect(f.pump(199).got).toEqual([]);
    expect(f.pump(200).got).toHaveLength(1);
    expect(f.pump(300).reached).toBe(600);
    expect(f.feed.wallTimeAt(400)).toBe(200);
  });

  it('feeds a simulated store in device-sized chunks, in order, never past what it holds back', () => {
    // Every reached time the runner would advance the engine to stays at or below the next input released.
    const store = loadDemoStore();
    const startMs = Date.UTC(2030, 0, 1, 10);
    const inputs = simulatedInputs(store, { shoppers: 3, speed: 1, seed: 3, startMs, worldMs: 60_000 });
    const feed = new PacedFeed(inputs, startMs, 1, 0);
    let now = -Infinity;
    let count = 0;
    const wrong: string[] = [];
    for (let wall = 0; wall <= 15_000; wall += 100) {
      feed.pump(wall, (input) => {
        const t = inputTime(input);
        if (t < now) wrong.push(`${input.kind} at ${t} after ${now}`);
        if (arrivalTime(input) > startMs + wall) wrong.push(`${input.kind} arriving at ${arrivalTime(input)} released at ${startMs + wall}`);
        if (input.kind === 'plate-samples' && input.grams.length * input.dt > LIVE_CHUNK_MS + input.dt) wrong.push(`a chunk of ${input.grams.length} samples`);
        now = t;
        count++;
      });
      now = Math.max(now, feed.pump(wall, () => wrong.push('released twice at one time')));
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(count).toBeGreaterThan(100);
  });
});
