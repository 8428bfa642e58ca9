// TEST DATA — small devices overviews for the slice and selector tests, shaped like the host's.
import type { DevicesOverview, PlateStatus, PlateView, ShelfWeightsFrame } from '../../../../native-bridge/contract';

export function samplePlate(id: string, status: PlateStatus = 'online', extra: Partial<PlateView> = {}): PlateView {
  return {
    id,
    device: 'SHC-0001',
    channel: 0,
    sku: 'BIS-0003',
    productName: 'Digestives 400 g',
    status,
    detail: status === 'online' ? 'reporting' : status,
    grams: 2106.5,
    noiseG: 1.4,
    driftGPerMin: 0.1,
    calibration: { offset: 0, scale: 1, source: 'simulator' },
    ...extra,
  };
}

export function sampleOverview(shelves: Record<string, PlateView[]> = { 'G01-F1': [samplePlate('G01-F1-01'), samplePlate('G01-F1-02', 'noisy')], 'G01-F2': [samplePlate('G01-F2-01', 'offline')] }): DevicesOverview {
  const plates = Object.values(shelves).flat();
  const counts = { online: 0, offline: 0, uncalibrated: 0, noisy: 0, drifting: 0 };
  for (const p of plates) counts[p.status]++;
  return {
    source: 'simulator',
    at: 1_800_000_000_000,
    drivers: [],
    devices: [{ serial: 'SHC-0001', kind: 'simulated', state: 'online', detail: 'simulated controller reporting', plates: plates.length }],
    problems: [],
    fixtures: [{ id: 'G01', name: 'Gondola 1', restocking: false, shelves: Object.entries(shelves).map(([id, p]) => ({ id, fixture: 'G01', plates: p })) }],
    alerts: [],
    counts,
    emptyToleranceG: 2,
  };
}

export function sampleWeights(shelf: string, plates: string[], t = 1_800_000_000_000): ShelfWeightsFrame {
  return { shelf, t, times: [t / 1000 - 0.5, t / 1000 - 0.25], plates: plates.map((plate, i) => ({ plate, grams: [100 * (i + 1), null] })) };
}
