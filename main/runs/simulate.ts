// `walkout sim`: simulate people, render what the sensors would have reported, and record it as an
// input log, with the ground truth beside it. Deterministic: one seed gives byte-identical files.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openStoreDatabase } from '../db';
import { inputTime } from '../engine/inputs';
import { RecordingWriter } from '../recording';
import { behaviourConfig, simulateWorld, type BehaviourConfig } from '../sim/behaviour';
import { createSensorRender, type SensorConfig } from '../sim/sensors';
import type { StoreModel } from '../store/schema';
import { truthToMotLines } from './mot-points';
import { prepareRunDir, runPath, writeJson, type GroundTruth, type RunMeta } from './run-dir';

export interface SimulateOptions {
  outDir: string;
  scenario: string | null;
  seed: number;
  shoppers: number;
  minutes: number;
  behaviour?: Partial<BehaviourConfig>;
  sensors?: Partial<SensorConfig>;
  /** Called now and then with a phase and the share done (0..1). */
  progress?: (phase: string, done: number) => void;
}

export interface SimulateReport {
  meta: RunMeta;
  people: number;
  sessions: number;
  interactions: number;
  inputs: number;
  samples: number;
  recordedBytes: number;
  bytesPerWeightSample: number;
  writeInputsPerSecond: number;
  wallMs: number;
}

export function simulateToDir(store: StoreModel, options: SimulateOptions): SimulateReport {
  const started = performance.now();
  prepareRunDir(options.outDir);
  const config = behaviourConfig({ ...options.behaviour, seed: options.seed, shoppers: options.shoppers, durationMs: options.minutes * 60_000 });
  options.progress?.('simulating people', 0);
  const world = simulateWorld(store, config);
  const meta: RunMeta = {
    format: 1,
    storeId: store.layout.id,
    scenario: options.scenario,
    seed: options.seed,
    shoppers: options.shoppers,
    minutes: options.minutes,
    startMs: world.startMs,
    endMs: world.endMs,
  };
  const { trajectories, ...truth } = world;
  writeJson(options.outDir, 'meta', meta);
  writeJson(options.outDir, 'truth', truth satisfies GroundTruth);
  writeFileSync(runPath(options.outDir, 'truthFloor'), truthToMotLines(trajectories, world.startMs));

  const db = openStoreDatabase(runPath(options.outDir, 'recording'), { storeId: store.layout.id });
  const writeStarted = performance.now();
  let inputs = 0;
  let weightSamples = 0;
  let weightBytes = 0;
  let recordedBytes = 0;
  try {
    // The snapshot's time is the recording's start, not the wall clock: same seed, same bytes.
    db.storeSnapshots.save(store, world.startMs);
    const writer = new RecordingWriter(db);
    const span = Math.max(1, world.endMs - world.startMs);
    let nextReport = 0;
    for (const input of createSensorRender(store, world, options.sensors ?? {}).inputs()) {
      writer.write(input);
      inputs++;
      if (input.kind === 'plate-samples') weightSamples += input.grams.length;
      if (inputs >= nextReport) {
        options.progress?.('rendering and recording sensors', (inputTime(input) - world.startMs) / span);
        nextReport = inputs + 20_000;
      }
    }
    writer.close();
    recordedBytes = writer.stats.committedBytes;
    weightBytes = writer.stats.committedPlateBytes;
  } finally {
    db.close();
  }
  const writeMs = performance.now() - writeStarted;
  options.progress?.('done', 1);
  return {
    meta,
    people: world.people.length,
    sessions: world.sessions.length,
    interactions: world.interactions.length,
    inputs,
    samples: weightSamples,
    recordedBytes,
    bytesPerWeightSample: weightSamples === 0 ? 0 : weightBytes / weightSamples,
    writeInputsPerSecond: inputs / (writeMs / 1000),
    wallMs: performance.now() - started,
  };
}
