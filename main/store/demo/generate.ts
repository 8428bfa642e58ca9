// Writes the bundled demo store next to this script: `npx tsx main/store/demo/generate.ts`.
// Validates the result through the real loader and prints its figures, so a bad edit to the plan
// fails here rather than in someone else's test.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStore } from '../load';
import { polygonArea } from '../geometry';
import { buildDemoStoreFiles } from './build';
import { cameraCoverage } from '../coverage';

const dir = dirname(fileURLToPath(import.meta.url));
let bytes = 0;
for (const [file, text] of Object.entries(buildDemoStoreFiles())) {
  writeFileSync(join(dir, file), text);
  bytes += Buffer.byteLength(text);
}

const store = loadStore(dir);
const { layout, cameras, catalog, planogram } = store;
const shelves = layout.fixtures.flatMap((f) => f.shelves);
const plates = shelves.flatMap((s) => s.plates);
const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
const floor = cameraCoverage(layout, cameras);
const floorOccluded = cameraCoverage(layout, cameras, { occlusion: true });
const head = cameraCoverage(layout, cameras, { z: 1.6, occlusion: true });
console.log(`wrote ${dir} (${(bytes / 1024).toFixed(0)} KiB)
  floor ${polygonArea(layout.floor.outline)} m², ${layout.fixtures.filter((f) => f.kind === 'gondola').length} gondolas of ${layout.fixtures.length} fixtures, ${shelves.length} shelves, ${plates.length} plates, ${new Set(plates.map((p) => p.device.controller)).size} controllers
  ${cameras.length} cameras, ${catalog.length} products (${catalog.filter((p) => p.ageRestricted).length} age-restricted), ${planogram.length} facings, ${layout.zones.length} zones, ${layout.gates.length} gates
  floor coverage (z = 0, ${floor.points} points): min ${floor.min} cameras, ≥ 2 on ${pct(floor.atLeastTwo)}, mean ${floor.mean.toFixed(2)}
  floor behind fixtures counted as hidden: min ${floorOccluded.min}, ≥ 1 on ${pct(floorOccluded.atLeastOne)}, ≥ 2 on ${pct(floorOccluded.atLeastTwo)}
  head height (z = 1.6, occlusion counted): min ${head.min}, ≥ 1 on ${pct(head.atLeastOne)}, ≥ 2 on ${pct(head.atLeastTwo)}, mean ${head.mean.toFixed(2)}`);
