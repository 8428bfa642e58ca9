// What staff tell the system: "restocking starts here" and "done" around each run of restocking at
// a fixture, a little before the first unit goes on and a little after the last. Sometimes they
// forget, and the engine must then tell a restock from a shopper's put-backs by the weight alone.
import type { StaffAction } from '../../engine/inputs';
import { locatePlates } from '../../store/geometry';
import type { StoreModel } from '../../store/schema';
import type { SimInteraction, SimWorld } from '../world';
import type { SensorConfig } from './config';
import { sensorStream } from './streams';

/** Restocks by one person at one fixture closer together than this are one run. */
const RUN_GAP_MS = 120_000;

export function staffActor(personId: number): string {
  return `staff-${personId}`;
}

export function staffActions(store: StoreModel, world: SimWorld, config: SensorConfig, seed: number): StaffAction[] {
  const plates = locatePlates(store.layout);
  const restocks = world.interactions
    .filter((ix) => ix.kind === 'restock' && plates.has(ix.plate))
    .sort((a, b) => a.startMs - b.startMs || a.id - b.id);
  const runs = new Map<string, SimInteraction[][]>();
  for (const ix of restocks) {
    const fixture = plates.get(ix.plate)!.fixture.id;
    const key = `${ix.personId}|${fixture}`;
    const list = runs.get(key) ?? [];
    const run = list[list.length - 1];
    if (run && ix.startMs - run[run.length - 1]!.endMs <= RUN_GAP_MS) run.push(ix);
    else list.push([ix]);
    runs.set(key, list);
  }
  const out: StaffAction[] = [];
  for (const [key, list] of runs) {
    const [, fixture] = key.split('|') as [string, string];
    for (const run of list) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const rng = sensorStream(seed, `restock:${first.id}`);
      if (rng.chance(config.staffForgetRate)) continue;
      const actor = staffActor(first.personId);
      out.push({ kind: 'staff-action', t: Math.round(first.startMs - rng.range(3_000, 20_000)), actor, action: 'restock-start', fixture });
      out.push({ kind: 'staff-action', t: Math.round(last.endMs + rng.range(3_000, 20_000)), actor, action: 'restock-end', fixture });
    }
  }
  return out;
}
