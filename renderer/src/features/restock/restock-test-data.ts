// Restock overviews for the slice and selector tests: a few low plates over two fixtures.
import type { RestockAlert, RestockOverview } from '../../../../native-bridge/contract';

export const T = Date.UTC(2026, 10, 21, 14, 0, 0);

export function sampleAlert(plate: string, units: number, capacity: number, sinceMinutesAgo: number, extra: Partial<RestockAlert> = {}): RestockAlert {
  return {
    plate,
    fixture: 'G1',
    fixtureName: 'Gondola 1',
    shelf: 'G1-S1',
    sku: `SKU-${plate}`,
    product: `Product ${plate}`,
    units,
    capacity,
    threshold: 2,
    since: T - sinceMinutesAgo * 60_000,
    ...extra,
  };
}

export function sampleOverview(alerts: RestockAlert[] = [sampleAlert('P1', 2, 10, 5), sampleAlert('P2', 0, 8, 1)]): RestockOverview {
  return {
    source: 'simulator',
    t: T,
    timezone: 'Europe/Dublin',
    plates: { total: 40, known: 40 },
    alerts,
    fixtures: [
      { id: 'G1', name: 'Gondola 1', restocking: false, plates: 20, low: alerts.length },
      { id: 'G2', name: 'Gondola 2', restocking: false, plates: 20, low: 0 },
    ],
  };
}
