// What the projection needs to know about the store: its zones, which zone each fixture stands in
// (for "picked in zone"), catalog prices, the heat grid and the store's calendar.
import { distanceToPolygonEdge, pointInPolygon } from '../store/geometry';
import type { StoreModel, Zone } from '../store/schema';
import { heatGrid, type HeatGrid } from './heat-grid';
import { StoreCalendar } from './local-time';
import { ZoneIndex } from './zone-presence';

export interface StoreLookup {
  zones: ZoneIndex;
  fixtureZone: ReadonlyMap<string, string>;
  priceOf: ReadonlyMap<string, number>;
  grid: HeatGrid;
  calendar: StoreCalendar;
}

/** Zones where goods are picked from; aisles and gates hold no fixtures of their own. */
const sellingKinds: ReadonlySet<Zone['kind']> = new Set(['department', 'checkout']);

/**
 * The selling zone containing the fixture's centre, else the nearest selling zone (a counter may
 * stand just behind its zone's edge); undefined for a store without selling zones.
 */
export function zoneOfFixture(center: readonly [number, number], zones: readonly Zone[]): string | undefined {
  const selling = zones.filter((z) => sellingKinds.has(z.kind));
  const inside = selling.find((z) => pointInPolygon([center[0], center[1]], z.polygon));
  if (inside) return inside.id;
  let best: { id: string; d: number } | undefined;
  for (const z of selling) {
    const d = distanceToPolygonEdge([center[0], center[1]], z.polygon);
    if (!best || d < best.d) best = { id: z.id, d };
  }
  return best?.id;
}

export function storeLookup(store: StoreModel): StoreLookup {
  const { layout } = store;
  const fixtureZone = new Map<string, string>();
  for (const fixture of layout.fixtures) {
    const zone = zoneOfFixture(fixture.center, layout.zones);
    if (zone) fixtureZone.set(fixture.id, zone);
  }
  return {
    zones: new ZoneIndex(layout.zones),
    fixtureZone,
    priceOf: new Map(store.catalog.map((p) => [p.sku, p.priceMinor])),
    grid: heatGrid(layout),
    calendar: new StoreCalendar(layout.timezone),
  };
}
