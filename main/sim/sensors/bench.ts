// How fast the sensor layer renders a world, for `walkout bench` and for whoever tunes it: the
// whole stream is pulled through and counted, nothing kept, so the figure is rendering alone
// (no engine, no storage) and the memory it needs is what streaming needs.
import type { EngineInputKind } from '../../engine/inputs';
import type { StoreModel } from '../../store/schema';
import type { SimWorld } from '../world';
import type { SensorConfig } from './config';
import { createSensorRender } from './render';

export interface SensorBenchResult {
  storeMs: number;
  wallMs: number;
  /** Store time rendered per wall second. */
  speedup: number;
  inputs: Record<EngineInputKind, number>;
  plateSamples: number;
  detectionBoxes: number;
  peakHeapMb: number;
}

export function benchSensors(store: StoreModel, world: SimWorld, overrides: Partial<SensorConfig> = {}): SensorBenchResult {
  const inputs: Record<EngineInputKind, number> = {
    'plate-samples': 0,
    detections: 0,
    'gate-scan': 0,
    'gate-passage': 0,
    'device-status': 0,
    'staff-action': 0,
  };
  let plateSamples = 0;
  let detectionBoxes = 0;
  let peakHeap = 0;
  const started = performance.now();
  let n = 0;
  for (const input of createSensorRender(store, world, overrides).inputs()) {
    inputs[input.kind]++;
    if (input.kind === 'plate-samples') plateSamples += input.grams.length;
    else if (input.kind === 'detections') detectionBoxes += input.boxes.length / 5;
    if (++n % 100_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const wallMs = performance.now() - started;
  const storeMs = world.endMs - world.startMs;
  return { storeMs, wallMs, speedup: storeMs / wallMs, inputs, plateSamples, detectionBoxes, peakHeapMb: peakHeap / 2 ** 20 };
}
