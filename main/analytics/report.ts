// The Analytics view's figures over a day range: runs each query of the analytics repository (timing
// it, for `walkout bench analytics`) and turns the aggregates into the report the renderer draws,
// with the store's zone and product names and the industry's ratios.
import type { AnalyticsReport, DayRange, DwellDistribution, ZoneFunnel } from '../../native-bridge/contract/analytics';
import type { StoreDatabase } from '../db';
import { heatGrid } from '../facts/heat-grid';
import { fixtureFootprint } from '../store/geometry';
import type { StoreModel, Zone } from '../store/schema';
import { ratio } from '../eval/ratio';
import type { DayRangeQuery } from './analytics-repository';

/** Dwell histogram bins, seconds; the last bin is open-ended. */
export const DWELL_BIN_EDGES_S = [0, 5, 10, 20, 30, 60, 120, 300, 600];
const TOP_PRODUCTS = 10;
const FUNNEL_KINDS: ReadonlySet<Zone['kind']> = new Set(['department', 'checkout']);

/**
 * The value below which a fraction `p` of the observations lie, from counts per integer value
 * (`values` ascending): the smallest value whose cumulative count reaches p × total.
 */
export function percentileOfCounts(values: readonly number[], counts: readonly number[], p: number): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const target = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let i = 0; i < values.length; i++) {
    seen += counts[i]!;
    if (seen >= target) return values[i]!;
  }
  return values[values.length - 1]!;
}

/** Counts per bin of `edges` (the last bin open-ended) from counts per integer second. */
export function binCounts(values: readonly number[], counts: readonly number[], edges: readonly number[]): number[] {
  const out = new Array<number>(edges.length).fill(0);
  values.forEach((v, i) => {
    let bin = edges.length - 1;
    while (bin > 0 && v < edges[bin]!) bin--;
    out[bin]! += counts[i]!;
  });
  return out;
}

function timed<T>(timings: { query: string; ms: number }[], query: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  timings.push({ query, ms: performance.now() - started });
  return result;
}

export function buildAnalyticsReport(store: StoreModel, db: StoreDatabase, range: DayRange): AnalyticsReport {
  const q: DayRangeQuery = { fromDay: range.from, toDay: range.to };
  const timings: { query: string; ms: number }[] = [];
  const a = db.analytics;
  const zones = store.layout.zones;
  const zoneOrder = new Map(zones.map((z, i) => [z.id, i]));
  const zoneName = (id: string) => zones.find((z) => z.id === id)?.name ?? id;
  const byZoneOrder = (x: { zone: string }, y: { zone: string }) => (zoneOrder.get(x.zone) ?? 1e9) - (zoneOrder.get(y.zone) ?? 1e9) || x.zone.localeCompare(y.zone);

  const byHour = timed(timings, 'footfall by hour', () => a.footfallByHour(q));
  const byDay = timed(timings, 'footfall by day', () => a.footfallByDay(q));
  const conversion = timed(timings, 'conversion', () => a.conversion(q));
  const funnelRows = timed(timings, 'zone funnel', () => a.zoneFunnel(q));
  const dwellRows = timed(timings, 'dwell per zone', () => a.dwellSeconds(q));
  const heatRows = timed(timings, 'heatmap', () => a.heat(q));
  const basketRows = timed(timings, 'basket size', () => a.basket(q));
  const productRows = timed(timings, 'top products', () => a.topProducts(q, TOP_PRODUCTS));
  const putBacks = timed(timings, 'put-back rate', () => a.putBacks(q));
  const bounds = db.facts.dayBounds();

  const hours = Array.from({ length: 24 }, (_, hour) => byHour.find((h) => h.hour === hour) ?? { hour, sessions: 0, people: 0 });

  const funnel: ZoneFunnel[] = funnelRows
    .filter((f) => FUNNEL_KINDS.has(zones.find((z) => z.id === f.zone)?.kind ?? 'aisle'))
    .sort(byZoneOrder)
    .map((f) => ({ ...f, name: zoneName(f.zone) }));

  const perZone = new Map<string, { values: number[]; counts: number[]; totalMs: number }>();
  for (const row of dwellRows) {
    let z = perZone.get(row.zone);
    if (!z) perZone.set(row.zone, (z = { values: [], counts: [], totalMs: 0 }));
    z.values.push(row.seconds);
    z.counts.push(row.visits);
    z.totalMs += row.totalMs;
  }
  const dwell: DwellDistribution[] = [...perZone]
    .map(([zone, z]) => {
      const visits = z.counts.reduce((s, c) => s + c, 0);
      return {
        zone,
        name: zoneName(zone),
        visits,
        p10: percentileOfCounts(z.values, z.counts, 0.1),
        p25: percentileOfCounts(z.values, z.counts, 0.25),
        median: percentileOfCounts(z.values, z.counts, 0.5),
        p75: percentileOfCounts(z.values, z.counts, 0.75),
        p90: percentileOfCounts(z.values, z.counts, 0.9),
        meanS: visits > 0 ? z.totalMs / visits / 1000 : 0,
        counts: binCounts(z.values, z.counts, DWELL_BIN_EDGES_S),
      };
    })
    .filter((d) => zones.find((z) => z.id === d.zone)?.kind !== 'staff')
    .sort(byZoneOrder);

  const grid = heatGrid(store.layout);
  const seconds = new Array<number>(grid.nx * grid.ny).fill(0);
  for (const cell of heatRows) if (cell.ix < grid.nx && cell.iy < grid.ny) seconds[cell.iy * grid.nx + cell.ix] = cell.seconds;

  const purchasing = basketRows.reduce((s, b) => s + b.sessions, 0);
  const units = basketRows.reduce((s, b) => s + b.units * b.sessions, 0);
  const value = basketRows.reduce((s, b) => s + b.valueMinor, 0);
  const products = new Map(store.catalog.map((p) => [p.sku, p]));

  return {
    range,
    days: Math.round((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000) + 1,
    store: { id: store.layout.id, name: store.layout.name, currency: store.layout.currency, timezone: store.layout.timezone },
    dataBounds: bounds ? { from: bounds.fromDay, to: bounds.toDay } : null,
    footfall: { sessions: byDay.reduce((s, d) => s + d.sessions, 0), people: byDay.reduce((s, d) => s + d.people, 0), byHour: hours, byDay },
    conversion: { ...conversion, rate: ratio(conversion.purchasing, conversion.sessions) },
    funnel,
    dwell: { binEdgesS: DWELL_BIN_EDGES_S, zones: dwell },
    heatmap: {
      outline: store.layout.floor.outline.map(([x, y]) => [x, y]),
      fixtures: store.layout.fixtures.map((f) => fixtureFootprint(f).map(([x, y]) => [x, y] as [number, number])),
      ...grid,
      seconds,
      maxSeconds: seconds.reduce((m, s) => Math.max(m, s), 0),
    },
    basket: {
      purchasing,
      meanUnits: ratio(units, purchasing),
      medianUnits: purchasing > 0 ? percentileOfCounts(basketRows.map((b) => b.units), basketRows.map((b) => b.sessions), 0.5) : null,
      meanValueMinor: ratio(value, purchasing),
      byUnits: basketRows.map((b) => ({ units: b.units, sessions: b.sessions })),
    },
    topProducts: productRows.map((p) => ({ ...p, name: products.get(p.sku)?.name ?? p.sku, category: products.get(p.sku)?.category ?? '' })),
    putBacks: { ...putBacks, rate: ratio(putBacks.putBackUnits, putBacks.pickedUnits) },
    timings,
  };
}
