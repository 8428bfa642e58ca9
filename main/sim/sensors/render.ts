// The simulator's sensor layer in one call: a SimWorld in, the engine's input stream out, every
// device rendered lazily and merged in time order so a 30-minute run streams through in constant
// memory. The truth the sensors were rendered from (unit weights, straddles, outages, clock
// offsets) is kept beside the stream for the evaluator and for tests.
import type { EngineInput } from '../../engine/inputs';
import { compareInputs } from '../../recording/merge-order';
import type { StoreModel } from '../../store/schema';
import type { SimWorld } from '../world';
import { Bodies } from './bodies';
import { cameraClockOffset, cameraStream } from './cameras';
import { checkSensorConfig, sensorConfig, type SensorConfig } from './config';
import { gateInputs } from './gates';
import { mergeInputs } from './merge';
import { fixtureProbes } from './occlusion';
import { deviceStatusInputs, scheduleOutages, type OutageWindows } from './outages';
import { buildPlateTruth, type PlateTruth, type PlateWorldTruth } from './plate-truth';
import { controllerStream } from './plates';
import { makeProjector } from './projector';
import { staffActions } from './staff';

export interface SensorRender {
  config: SensorConfig;
  /** The seed the sensors used (config.seed, else the world's). */
  seed: number;
  plateTruth: PlateWorldTruth;
  outages: OutageWindows;
  /** Per camera id, ms its clock runs ahead of the store clock. */
  cameraClockOffsetsMs: Map<string, number>;
  /** The merged input stream; each call renders it afresh, identically. */
  inputs(): Generator<EngineInput>;
}

/** Prepares the render (validating the config and working out the plates' truth); streams nothing yet. */
export function createSensorRender(store: StoreModel, world: SimWorld, overrides: Partial<SensorConfig> = {}): SensorRender {
  const config = sensorConfig(overrides);
  checkSensorConfig(config);
  const seed = config.seed ?? world.seed;
  const plateTruth = buildPlateTruth(store, world, {
    seed,
    initialUnits: config.initialUnits,
    straddleRate: config.straddleRate,
    transientMedianG: config.transientMedianG,
    neighbourCoupling: config.neighbourCoupling,
  });
  const outages = scheduleOutages(store, world, config, seed);
  const cameraClockOffsetsMs = new Map(store.cameras.map((c) => [c.id, cameraClockOffset(config, seed, c.id)]));

  const byController = new Map<string, PlateTruth[]>();
  for (const truth of plateTruth.plates.values()) {
    const list = byController.get(truth.controller) ?? [];
    list.push(truth);
    byController.set(truth.controller, list);
  }
  const controllers = [...byController.keys()].sort();
  const probes = fixtureProbes(store.layout.fixtures);
  const cameras = [...store.cameras].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Scans and staff calls just before the world starts are stamped at its start; later ones dropped.
  const within = <T extends EngineInput & { t: number }>(inputs: T[]): T[] =>
    inputs
      .filter((i) => i.t < world.endMs)
      .map((i) => (i.t < world.startMs ? { ...i, t: world.startMs } : i))
      .sort(compareInputs);

  function* inputs(): Generator<EngineInput> {
    const bodies = new Bodies(world, seed);
    const sources: Iterable<EngineInput>[] = [
      within(deviceStatusInputs(store, world, config, outages)),
      within(staffActions(store, world, config, seed)),
      within(gateInputs(store, world, config, seed)),
      ...controllers.map((serial) =>
        controllerStream({ serial, plates: byController.get(serial)!, config, seed, startMs: world.startMs, endMs: world.endMs, outages: outages.get(serial) }),
      ),
    ];
    for (const camera of cameras) {
      const projector = makeProjector(camera);
      if (!projector) continue;
      sources.push(
        cameraStream({ camera, projector, bodies, floor: store.layout.floor, probes, config, seed, startMs: world.startMs, endMs: world.endMs, outages: outages.get(camera.id) }),
      );
    }
    yield* mergeInputs(sources);
  }

  return { config, seed, plateTruth, outages, cameraClockOffsetsMs, inputs };
}

/** The engine inputs a world's sensors produce, merged in time order (iterate once or many times: same inputs). */
export function renderInputs(store: StoreModel, world: SimWorld, overrides: Partial<SensorConfig> = {}): Iterable<EngineInput> {
  const render = createSensorRender(store, world, overrides);
  return { [Symbol.iterator]: () => render.inputs() };
}

/** Pushes every input into `sink` in order; returns how many. For callers that batch (the input log). */
export function renderInputsTo(store: StoreModel, world: SimWorld, sink: (input: EngineInput) => void, overrides: Partial<SensorConfig> = {}): number {
  let n = 0;
  for (const input of createSensorRender(store, world, overrides).inputs()) {
    sink(input);
    n++;
  }
  return n;
}
