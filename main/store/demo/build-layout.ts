// Builds the demo store.json: fixtures with their shelves and weight plates (wired to shelf
// controllers), gates and zones, from the floor plan and the merchandising plan.
import { clipPolygonToBounds, fixtureToFloor } from '../geometry';
import type { Fixture, Plate, Shelf, StoreLayout, Zone } from '../schema';
import {
  AISLES,
  COUNTER_AREA,
  DEPARTMENT_REACH,
  ENTRANCE_AREA,
  EXIT_AREA,
  FIXTURES,
  FLOOR,
  GATES,
  STAFF_AREA,
  rect,
  shelfId,
  type FixtureSpec,
} from './floor-plan';
import { MERCHANDISE, type ShelfPlan } from './merchandise';

/** Channels per shelf controller (the multi-plate HID controller has 32 load-cell inputs). */
export const CONTROLLER_CHANNELS = 32;

const mm = (v: number): number => Math.round(v * 1000) / 1000;

/** Hands out controller channels; a shelf never straddles two controllers, as each shelf is wired to one. */
class ControllerPool {
  private serial = 0;
  private used = CONTROLLER_CHANNELS;

  /** Starts a new controller, e.g. at each fixture, whose shelves share a cable run. */
  next(): void {
    this.serial += 1;
    this.used = 0;
  }

  take(count: number): { controller: string; first: number } {
    if (count > CONTROLLER_CHANNELS) throw new Error(`a shelf of ${count} plates needs more than one controller`);
    if (this.used + count > CONTROLLER_CHANNELS) this.next();
    const first = this.used;
    this.used += count;
    return { controller: `SHC-${String(this.serial).padStart(4, '0')}`, first };
  }
}

function buildShelf(spec: FixtureSpec, face: 'front' | 'back', level: number, plan: ShelfPlan, pool: ControllerPool): Shelf {
  const id = shelfId(spec.id, face, level);
  // Plates of one standard width, centred on the shelf; the ends left over stay unweighed.
  const count = Math.floor(spec.length / plan.plate + 1e-9);
  const margin = (spec.length - count * plan.plate) / 2;
  const { controller, first } = pool.take(count);
  const plates: Plate[] = Array.from({ length: count }, (_, i) => ({
    id: `${id}-${String(i + 1).padStart(2, '0')}`,
    offset: mm(margin + i * plan.plate),
    width: plan.plate,
    device: { controller, channel: first + i },
  }));
  return { id, face, height: spec.levels[level]!, depth: spec.shelfDepth, plates };
}

function buildFixture(spec: FixtureSpec, pool: ControllerPool): Fixture {
  const plans = MERCHANDISE[spec.id];
  if (!plans) throw new Error(`no merchandising plan for fixture ${spec.id}`);
  const { id, name, kind, center, length, depth, height, rotation } = spec;
  pool.next();
  const shelves: Shelf[] = [];
  for (const face of ['front', 'back'] as const) {
    const facePlans = plans[face] ?? [];
    if (facePlans.length > 0 && facePlans.length !== spec.levels.length) {
      throw new Error(`${spec.id} ${face}: ${facePlans.length} shelf plans for ${spec.levels.length} levels`);
    }
    facePlans.forEach((plan, level) => shelves.push(buildShelf(spec, face, level, plan, pool)));
  }
  return { id, name, kind, center, length, depth, height, rotation, shelves };
}

/** The fixture's footprint stretched into the aisle on each face that has shelves. */
function departmentZone(spec: FixtureSpec): Zone | undefined {
  if (!spec.department) return undefined;
  const hl = spec.length / 2;
  const hd = spec.depth / 2;
  const back = MERCHANDISE[spec.id]?.back ? DEPARTMENT_REACH : 0;
  const local: [number, number][] = [[-hl, -hd - back], [hl, -hd - back], [hl, hd + DEPARTMENT_REACH], [-hl, hd + DEPARTMENT_REACH]];
  const polygon = clipPolygonToBounds(
    local.map((p) => fixtureToFloor({ ...spec, shelves: [] }, p)),
    { minX: 0, minY: 0, maxX: FLOOR.width, maxY: FLOOR.depth },
  ).map(([x, y]) => [mm(x), mm(y)] as [number, number]);
  return { id: `dept-${spec.id.toLowerCase()}`, name: spec.department, kind: 'department', polygon };
}

function buildZones(): Zone[] {
  return [
    { id: 'entrance', name: 'Entrance', kind: 'entrance', polygon: rect(ENTRANCE_AREA) },
    { id: 'exit', name: 'Exit', kind: 'exit', polygon: rect(EXIT_AREA) },
    ...AISLES.map((a): Zone => ({ id: a.id, name: a.name, kind: 'aisle', polygon: rect(a.area) })),
    ...FIXTURES.map(departmentZone).filter((z): z is Zone => z !== undefined),
    { id: 'grab-and-go', name: 'Grab & go counter', kind: 'checkout', polygon: rect(COUNTER_AREA) },
    { id: 'staff-door', name: 'Stock-room door', kind: 'staff', polygon: rect(STAFF_AREA) },
  ];
}

export function buildLayout(): StoreLayout {
  const pool = new ControllerPool();
  return {
    schemaVersion: 1,
    id: 'demo-grand-canal',
    name: 'Walkout Demo — Grand Canal Street',
    currency: 'EUR',
    timezone: 'Europe/Dublin',
    floor: {
      width: FLOOR.width,
      depth: FLOOR.depth,
      outline: rect([0, 0, FLOOR.width, FLOOR.depth]),
    },
    zones: buildZones(),
    fixtures: FIXTURES.map((spec) => buildFixture(spec, pool)),
    gates: GATES,
  };
}
