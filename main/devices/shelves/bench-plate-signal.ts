// Throughput of the plate signal, which every plate sample of a live store passes through before
// the engine (raw level ring, calibration, health windows, plot buckets). Two cases: the
// simulator's grams (identity calibration, passed through) and a controller's raw counts
// (converted with a stored calibration). Inputs are made before the clock starts; only the signal
// is timed. Prints nothing: the CLI reports.
import type { StoreModel } from '../../store/schema';
import { buildChannelMap } from './channel-map';
import { PlateSignal, type RawPlateChunk } from './plate-signal';

export interface PlateSignalBenchOptions {
  seconds: number;
  hz: number;
  /** Samples per chunk, as the device feed makes them (100 ms). */
  chunkMs?: number;
  calibrated: boolean;
}

export interface PlateSignalBenchResult {
  plates: number;
  samples: number;
  samplesPerSecond: number;
}

export function benchPlateSignal(store: StoreModel, o: PlateSignalBenchOptions): PlateSignalBenchResult {
  const map = buildChannelMap(store);
  const signal = new PlateSignal(map, { fallback: o.calibrated ? null : { offset: 0, scale: 1 } });
  if (o.calibrated) for (const p of map.plates) signal.setStoredCalibration(p.plate, { offset: 8000, scale: 0.05 });
  const dt = 1000 / o.hz;
  const perChunk = Math.max(1, Math.round((o.chunkMs ?? 100) / dt));
  const chunksPerPlate = Math.ceil((o.seconds * o.hz) / perChunk);
  // One buffer, each chunk a view of it: the garbage collector must not be what is measured.
  const buffer = new Float32Array(map.plates.length * chunksPerPlate * perChunk);
  let seed = 12_345;
  for (let i = 0; i < buffer.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    buffer[i] = (o.calibrated ? 48_000 : 2000) + (seed / 0x7fffffff - 0.5) * (o.calibrated ? 60 : 3);
  }
  const chunks: RawPlateChunk[] = [];
  let used = 0;
  for (let c = 0; c < chunksPerPlate; c++) {
    for (const p of map.plates) {
      chunks.push({ plate: p.plate, t0: 1_800_000_000_000 + c * perChunk * dt, dt, raw: buffer.subarray(used, used + perChunk) });
      used += perChunk;
    }
  }
  const started = performance.now();
  for (const chunk of chunks) signal.process(chunk);
  const wallMs = performance.now() - started;
  return { plates: map.plates.length, samples: buffer.length, samplesPerSecond: (buffer.length / wallMs) * 1000 };
}
