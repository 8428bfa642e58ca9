// Load cells as a shelf controller reports them: every plate of one controller sampled on the
// controller's clock, a run of samples per plate every chunk. On top of the true load (see
// plate-truth) each plate adds its own white noise, a residual tare offset, a random-walk drift
// and a slow temperature swing shared by the controller's plates, hand-force transients, ADC
// quantisation, short runs of dropped samples (NaN) and silence while its controller is offline.
//
// This is the bulk of the simulation (1,362 plates × 60 Hz in the demo store), so it works in
// typed arrays with one small object per run, and drift, temperature and the step/transient
// cursors advance per chunk rather than per sample.
import type { PlateSamples } from '../../engine/inputs';
import type { SensorConfig } from './config';
import { gaussian } from './gaussian';
import type { PlateTruth } from './plate-truth';
import { transientAt } from './plate-truth';
import { clamp, geometric, sensorStream, type Rng } from './streams';

export interface ControllerStreamOptions {
  serial: string;
  /** The controller's plates; reported in plate-id order at each chunk, the merge order's tie-break. */
  plates: PlateTruth[];
  config: SensorConfig;
  seed: number;
  startMs: number;
  endMs: number;
  /** The controller's outages, [from, to) sorted. */
  outages: readonly [number, number][] | undefined;
}

interface ChannelState {
  truth: PlateTruth;
  rng: Rng;
  sigma: number;
  tare: number;
  thermalGain: number;
  drift: number;
  base: number;
  stepCursor: number;
  transientCursor: number;
  gapStart: number;
  gapEnd: number;
}

/** Sample rate a controller runs at. */
export function controllerHz(config: SensorConfig, serial: string): number {
  return config.plateHzByController[serial] ?? config.plateHz;
}

export function* controllerStream(o: ControllerStreamOptions): Generator<PlateSamples> {
  const { config } = o;
  const hz = controllerHz(config, o.serial);
  const dt = 1000 / hz;
  const perChunk = Math.max(1, Math.round((config.chunkMs * hz) / 1000));
  const crng = sensorStream(o.seed, `controller:${o.serial}`);
  const phase = crng.range(0, dt);
  const thermalPeriodMs = crng.range(40, 90) * 60_000;
  const thermalPhase = crng.range(0, 2 * Math.PI);
  const driftStep = config.driftGPerSqrtHour * Math.sqrt((perChunk * dt) / 3_600_000);
  const meanGap = config.dropGapSamples;
  const meanInterval = config.dropRate > 0 ? (meanGap * (1 - config.dropRate)) / config.dropRate : Infinity;
  const res = config.plateResolutionG;

  const channels: ChannelState[] = [...o.plates]
    .sort((a, b) => (a.plate < b.plate ? -1 : a.plate > b.plate ? 1 : 0))
    .map((truth) => {
      const rng = sensorStream(o.seed, `plate:${truth.plate}`);
      const gapStart = Number.isFinite(meanInterval) ? geometric(rng, meanInterval) - 1 : Infinity;
      return {
        truth,
        rng,
        sigma: config.plateNoiseG * clamp(Math.exp(config.plateNoiseSpread * rng.normal()), 0.6, 1.6),
        tare: rng.normal(0, config.tareOffsetStdG),
        thermalGain: config.thermalDriftG * rng.range(0.5, 1.5),
        drift: 0,
        base: truth.initialLoadG,
        stepCursor: 0,
        transientCursor: 0,
        gapStart,
        gapEnd: gapStart + geometric(rng, meanGap),
      };
    });

  const thermal = (t: number): number => Math.sin((2 * Math.PI * (t - o.startMs)) / thermalPeriodMs + thermalPhase);
  // Accumulated like a driver's clock, so a run's t0 is exactly the previous t0 + n × dt.
  let tChunk = o.startMs + phase;
  let s0 = 0;
  while (tChunk < o.endMs) {
    const count = Math.min(perChunk, Math.ceil((o.endMs - tChunk) / dt));
    const tEnd = tChunk + count * dt;
    const th0 = thermal(tChunk);
    const th1 = thermal(tEnd);
    const mask = outageMask(o.outages, tChunk, dt, count);
    for (const ch of channels) {
      const grams = fillChunk(ch, tChunk, dt, count, th0, th1, driftStep);
      if (res > 0) for (let i = 0; i < count; i++) grams[i] = Math.round(grams[i]! / res) * res;
      markDrops(ch, grams, s0, count, meanGap, meanInterval);
      if (!mask) {
        yield { kind: 'plate-samples', plate: ch.truth.plate, t0: tChunk, dt, grams };
        continue;
      }
      for (let a = 0; a < count; ) {
        if (mask[a]) {
          a++;
          continue;
        }
        let b = a;
        while (b < count && !mask[b]) b++;
        yield { kind: 'plate-samples', plate: ch.truth.plate, t0: tChunk + a * dt, dt, grams: grams.slice(a, b) };
        a = b;
      }
    }
    tChunk += count * dt;
    s0 += count;
  }
}

/** 1 where a sample falls in an outage; null when the chunk touches none (the common case). */
function outageMask(outages: readonly [number, number][] | undefined, t0: number, dt: number, count: number): Uint8Array | null {
  if (!outages) return null;
  const t1 = t0 + count * dt;
  let mask: Uint8Array | null = null;
  for (const [from, to] of outages) {
    if (to <= t0 || from >= t1) continue;
    mask ??= new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const t = t0 + i * dt;
      if (t >= from && t < to) mask[i] = 1;
    }
  }
  return mask;
}

function fillChunk(ch: ChannelState, t0: number, dt: number, count: number, th0: number, th1: number, driftStep: number): Float32Array {
  const grams = new Float32Array(count);
  const { truth, rng } = ch;
  const steps = truth.steps;
  while (ch.stepCursor < steps.length && steps[ch.stepCursor]!.at + steps[ch.stepCursor]!.rampMs <= t0) {
    ch.base += steps[ch.stepCursor]!.deltaG;
    ch.stepCursor++;
  }
  const tEnd = t0 + count * dt;
  let activeEnd = ch.stepCursor;
  while (activeEnd < steps.length && steps[activeEnd]!.at < tEnd) activeEnd++;

  const d0 = ch.drift + ch.thermalGain * th0;
  ch.drift += driftStep * rng.normal();
  const d1 = ch.drift + ch.thermalGain * th1;
  const level = ch.base + ch.tare;
  const sigma = ch.sigma;
  for (let i = 0; i < count; i++) grams[i] = level + d0 + ((d1 - d0) * i) / count + sigma * gaussian(rng);
  for (let j = ch.stepCursor; j < activeEnd; j++) {
    const s = steps[j]!;
    for (let i = 0; i < count; i++) {
      const t = t0 + i * dt;
      if (t <= s.at) continue;
      grams[i] = grams[i]! + (s.rampMs <= 0 || t >= s.at + s.rampMs ? s.deltaG : (s.deltaG * (t - s.at)) / s.rampMs);
    }
  }

  const transients = truth.transients;
  while (ch.transientCursor < transients.length && transients[ch.transientCursor]!.shape.end <= t0) ch.transientCursor++;
  for (let j = ch.transientCursor; j < transients.length; j++) {
    const tr = transients[j]!;
    if (tr.shape.start >= tEnd) break;
    if (tr.shape.end <= t0) continue;
    for (let i = 0; i < count; i++) grams[i] = grams[i]! + tr.gain * transientAt(tr.shape, t0 + i * dt);
  }
  return grams;
}

/** Dropped samples come in short gaps (a lost USB frame, a checksum failure), not singly. */
function markDrops(ch: ChannelState, grams: Float32Array, s0: number, count: number, meanGap: number, meanInterval: number): void {
  const s1 = s0 + count;
  while (ch.gapStart < s1) {
    const a = Math.max(ch.gapStart, s0);
    const b = Math.min(ch.gapEnd, s1);
    for (let s = a; s < b; s++) grams[s - s0] = Number.NaN;
    if (ch.gapEnd > s1) break;
    ch.gapStart = ch.gapEnd + geometric(ch.rng, meanInterval);
    ch.gapEnd = ch.gapStart + geometric(ch.rng, meanGap);
  }
}
