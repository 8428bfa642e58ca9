// What the legend lists: only the kinds of thing this plan actually contains, in drawing order,
// so the legend explains the map on screen rather than every kind the model could hold.
import type { FloorPlan } from '../../../../native-bridge/contract';

export type SwatchShape = 'line' | 'area' | 'marker';

export interface LegendEntry {
  key: string;
  label: string;
  shape: SwatchShape;
  /** CSS modifier picking the colour; the same names the SVG's classes use. */
  swatch: string;
}

const zoneLabels: Record<string, string> = {
  entrance: 'Entrance zone',
  exit: 'Exit zone',
  aisle: 'Aisle',
  department: 'Department',
  checkout: 'Checkout',
  staff: 'Staff only',
};

const fixtureLabels: Record<string, string> = {
  gondola: 'Gondola',
  'wall-shelf': 'Wall shelf',
  fridge: 'Fridge',
  counter: 'Counter',
};

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

export function legendEntries(plan: FloorPlan): LegendEntry[] {
  const { layout, cameras } = plan;
  const entries: LegendEntry[] = [{ key: 'wall', label: 'Wall', shape: 'line', swatch: 'wall' }];
  for (const kind of unique(layout.gates.map((gate) => gate.kind)).sort()) {
    entries.push({ key: `gate-${kind}`, label: kind === 'entry' ? 'Entry gate' : 'Exit gate', shape: 'line', swatch: `gate-${kind}` });
  }
  for (const kind of unique(layout.zones.map((zone) => zone.kind))) {
    entries.push({ key: `zone-${kind}`, label: zoneLabels[kind] ?? kind, shape: 'area', swatch: `zone-${kind}` });
  }
  for (const kind of unique(layout.fixtures.map((fixture) => fixture.kind))) {
    entries.push({ key: `fixture-${kind}`, label: fixtureLabels[kind] ?? kind, shape: 'area', swatch: `fixture-${kind}` });
  }
  if (layout.fixtures.some((fixture) => fixture.shelves.some((shelf) => shelf.plates.length > 0))) {
    entries.push({ key: 'plate', label: 'Weighing plate (zoom in)', shape: 'area', swatch: 'plate' });
  }
  if (cameras.length > 0) {
    entries.push({ key: 'camera', label: 'Camera', shape: 'marker', swatch: 'camera' });
    if (cameras.some((camera) => camera.fieldOfView.length >= 3)) {
      entries.push({ key: 'fov', label: 'Camera field of view', shape: 'area', swatch: 'fov' });
    }
  }
  return entries;
}
