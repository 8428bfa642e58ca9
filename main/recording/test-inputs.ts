// Test support: a small deterministic store's inputs of every kind, with the awkward cases real
// devices produce (dropped samples, empty frames, keypoints on some cameras only, fractional
// frame times, equal times across sources), and what replay must give back for them.
import { boxStride, keypointStride, type EngineInput } from '../engine/inputs';
import { seededUniform } from '../engine/seeded-uniform';

export interface SampleInputsOptions {
  fromMs?: number;
  seconds?: number;
  seed?: number;
}

/** Inputs of a few seconds of a tiny store, each source in time order, sources interleaved by time. */
export function sampleInputs({ fromMs = 1000, seconds = 3, seed = 7 }: SampleInputsOptions = {}): EngineInput[] {
  const random = seededUniform(seed);
  const endMs = fromMs + seconds * 1000;
  const out: EngineInput[] = [];

  // Plates at 10, 60 (a period that is not a whole µs) and 80 Hz, delivered in chunks of 1..8.
  for (const [plate, hz] of [['plate-A', 10], ['plate-B', 60], ['plate-C', 80]] as const) {
    const dt = 1000 / hz;
    let weight = 300 + random() * 1000;
    for (let t = fromMs; t < endMs; ) {
      const n = 1 + Math.floor(random() * 8);
      const grams = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        if (random() < 0.01) weight -= 120;
        grams[i] = random() < 0.05 ? Number.NaN : weight + (random() - 0.5) * 0.8;
      }
      out.push({ kind: 'plate-samples', plate, t0: t, dt, grams });
      // Mostly continuing runs, sometimes a gap (a lost packet).
      t += n * dt + (random() < 0.05 ? 3 * dt : 0);
    }
  }

  // Two cameras at 30 fps on fractional times; only cam-1 gives keypoints, and not every frame.
  for (const camera of ['cam-1', 'cam-2']) {
    for (let f = 0; fromMs + (f * 1000) / 30 < endMs; f++) {
      const t = fromMs + (f * 1000) / 30 + (camera === 'cam-2' ? 0.25 : 0);
      const n = random() < 0.2 ? 0 : Math.floor(random() * 4);
      const boxes = new Float32Array(n * boxStride);
      for (let i = 0; i < boxes.length; i += boxStride) {
        boxes.set([random() * 1900 - 10, random() * 1070, 20 + random() * 300, 40 + random() * 500, random()], i);
      }
      const frame: EngineInput = { kind: 'detections', camera, t, boxes };
      if (camera === 'cam-1' && random() < 0.8) {
        frame.keypoints = Float32Array.from({ length: n * keypointStride }, (_, i) => (i % 3 === 2 ? random() : random() * 1900));
      }
      out.push(frame);
    }
  }

  // Events, some at exactly the same time as each other and as samples.
  for (let t = fromMs; t < endMs; t += 500) {
    out.push({ kind: 'gate-scan', gate: 'gate-1', t, token: `tok-${Math.floor(random() * 1e6)}-ü` });
    out.push({ kind: 'gate-passage', gate: 'gate-1', t });
    out.push({ kind: 'gate-passage', gate: 'gate-2', t: t + 0.5 });
  }
  out.push({ kind: 'device-status', device: 'plate-B', t: fromMs + 700, state: 'error', detail: 'overload' });
  out.push({ kind: 'device-status', device: 'plate-B', t: fromMs + 900, state: 'online' });
  out.push({ kind: 'device-status', device: 'cam-2', t: fromMs + 900, state: 'offline', detail: '' });
  out.push({ kind: 'staff-action', t: fromMs + 1200, actor: 'staff-9', action: 'restock-start', fixture: 'fixture-3' });
  out.push({ kind: 'staff-action', t: fromMs + 2400, actor: 'staff-9', action: 'restock-end', fixture: 'fixture-3' });

  // Interleaved as a live store delivers them: roughly by time, each source in order.
  return out.map((input, i) => ({ input, i })).sort((a, b) => start(a.input) - start(b.input) || a.i - b.i).map((e) => e.input);
}

function start(input: EngineInput): number {
  return input.kind === 'plate-samples' ? input.t0 : input.t;
}

export { recorded } from './recorded';
