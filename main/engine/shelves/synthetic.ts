// Synthetic weight streams for the shelf stage's tests and benchmark: plates with white noise, load
// steps with a ramp (a unit lifted or set down), hand-force pulses, linear drift, dropped samples and
// silent outages, chunked the way a shelf controller reports. Seeded, so every run is identical.
// It is deliberately simpler than the simulator's sensor model (main/sim/sensors): tests need to
// know exactly what happened to say what the stage should have seen.
import type { EngineDecision } from '../decisions';
import { createEngine } from '../engine';
import { inputTime, type EngineInput, type PlateSamples } from '../inputs';
import type { EngineStage } from '../stage';
import { seededUniform } from '../seeded-uniform';

export interface SyntheticPlate {
  plate: string;
  levelG: number;
  noiseG?: number;
  /** Samples per second (default: the scenario's hz). */
  hz?: number;
  /** Linear drift, grams per hour. */
  driftGPerHour?: number;
}

/** The load changes by deltaG, linearly over rampMs from `at`. */
export interface SyntheticStep {
  plate: string;
  at: number;
  deltaG: number;
  rampMs?: number;
}

/** A hand pressing (or pulling, when negative): a half-sine of force from `at`. */
export interface SyntheticPress {
  plate: string;
  at: number;
  durationMs: number;
  amplitudeG: number;
}

/** Samples of `plates` in [from, to): NaN when `nan`, else not sent at all (a controller offline). */
export interface SyntheticGap {
  plates: readonly string[];
  from: number;
  to: number;
  nan?: boolean;
}

export interface SyntheticScenario {
  plates: readonly SyntheticPlate[];
  startMs: number;
  endMs: number;
  hz?: number;
  chunkMs?: number;
  seed?: number;
  /** ADC step, grams (0 = none). */
  resolutionG?: number;
  steps?: readonly SyntheticStep[];
  presses?: readonly SyntheticPress[];
  gaps?: readonly SyntheticGap[];
}


export function seededNormal(seed: number): () => number {
  const u = seededUniform(seed);
  let spare = Number.NaN;
  return () => {
    if (spare === spare) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    let r = 0;
    let v1 = 0;
    let v2 = 0;
    do {
      v1 = 2 * u() - 1;
      v2 = 2 * u() - 1;
      r = v1 * v1 + v2 * v2;
    } while (r >= 1 || r === 0);
    const f = Math.sqrt((-2 * Math.log(r)) / r);
    spare = v2 * f;
    return v1 * f;
  };
}

/** The noiseless load of a plate at t. */
function loadAt(plate: SyntheticPlate, steps: readonly SyntheticStep[], presses: readonly SyntheticPress[], t: number, startMs: number): number {
  let g = plate.levelG + ((plate.driftGPerHour ?? 0) * (t - startMs)) / 3_600_000;
  for (const s of steps) {
    if (t <= s.at) continue;
    const ramp = s.rampMs ?? 150;
    g += ramp <= 0 || t >= s.at + ramp ? s.deltaG : (s.deltaG * (t - s.at)) / ramp;
  }
  for (const p of presses) {
    const dt = t - p.at;
    if (dt > 0 && dt < p.durationMs) g += p.amplitudeG * Math.sin((Math.PI * dt) / p.durationMs);
  }
  return g;
}

/** Every plate's samples, chunk by chunk in time order (plates in the given order within a chunk time). */
export function* syntheticSamples(s: SyntheticScenario): Generator<PlateSamples> {
  const chunkMs = s.chunkMs ?? 250;
  const seed = s.seed ?? 1;
  const res = s.resolutionG ?? 0;
  const plates = s.plates.map((plate, i) => ({
    plate,
    hz: plate.hz ?? s.hz ?? 60,
    noise: seededNormal(seed * 7919 + i),
    steps: (s.steps ?? []).filter((st) => st.plate === plate.plate),
    presses: (s.presses ?? []).filter((p) => p.plate === plate.plate),
    gaps: (s.gaps ?? []).filter((g) => g.plates.includes(plate.plate)),
  }));
  for (let c0 = s.startMs; c0 < s.endMs; c0 += chunkMs) {
    for (const p of plates) {
      const dt = 1000 / p.hz;
      const first = Math.ceil((c0 - s.startMs) / dt);
      const last = Math.min(Math.ceil((Math.min(c0 + chunkMs, s.endMs) - s.startMs) / dt), Number.MAX_SAFE_INTEGER);
      let run: number[] = [];
      let runStart = 0;
      const flush = function* (): Generator<PlateSamples> {
        if (run.length > 0) yield { kind: 'plate-samples', plate: p.plate.plate, t0: s.startMs + runStart * dt, dt, grams: Float32Array.from(run) };
        run = [];
      };
      for (let k = first; k < last; k++) {
        const t = s.startMs + k * dt;
        const gap = p.gaps.find((g) => t >= g.from && t < g.to);
        const noise = p.noise() * (p.plate.noiseG ?? 1.5);
        if (gap && !gap.nan) {
          yield* flush();
          continue;
        }
        if (run.length === 0) runStart = k;
        let g = loadAt(p.plate, p.steps, p.presses, t, s.startMs) + noise;
        if (res > 0) g = Math.round(g / res) * res;
        run.push(gap ? Number.NaN : g);
      }
      yield* flush();
    }
  }
}

/**
 * Feeds inputs through a fresh engine holding only `stage`, in the project's merge order (time,
 * then status and staff inputs before samples), and returns every decision.
 */
export function runStage(stage: EngineStage, inputs: Iterable<EngineInput>, endMs: number): EngineDecision[] {
  const all = [...inputs];
  const rank = (i: EngineInput): number => (i.kind === 'device-status' ? 0 : i.kind === 'staff-action' ? 1 : 2);
  // A stable sort keeps each source's own order (plates within a chunk time) intact.
  all.sort((a, b) => inputTime(a) - inputTime(b) || rank(a) - rank(b));
  const decisions: EngineDecision[] = [];
  const engine = createEngine([stage], (d) => decisions.push(d));
  for (const input of all) engine.push(input);
  engine.advance(endMs);
  engine.finish();
  return decisions;
}
