// TEST DATA — a small analytics report as the host would send it, for the slice, selector and
// chart tests. Not used by the app.
import type { AnalyticsReport } from '../../../../native-bridge/contract';

export function sampleReport(over: Partial<AnalyticsReport> = {}): AnalyticsReport {
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, sessions: hour >= 9 && hour < 12 ? 10 : 0, people: hour >= 9 && hour < 12 ? 12 : 0 }));
  return {
    range: { from: '2026-11-16', to: '2026-11-17' },
    days: 2,
    store: { id: 'demo', name: 'Demo', currency: 'EUR', timezone: 'Europe/Dublin' },
    dataBounds: { from: '2026-11-10', to: '2026-11-17' },
    footfall: { sessions: 30, people: 36, byHour, byDay: [{ day: '2026-11-16', sessions: 14, people: 17 }, { day: '2026-11-17', sessions: 16, people: 19 }] },
    conversion: { sessions: 28, purchasing: 21, rate: 0.75 },
    funnel: [
      { zone: 'dept-a', name: 'Crisps', visited: 20, dwelt: 15, picked: 9, purchased: 8 },
      { zone: 'dept-b', name: 'Dairy', visited: 10, dwelt: 0, picked: 0, purchased: 0 },
    ],
    dwell: { binEdgesS: [0, 5, 10], zones: [{ zone: 'dept-a', name: 'Crisps', visits: 25, p10: 2, p25: 4, median: 7, p75: 12, p90: 20, meanS: 8.5, counts: [5, 10, 10] }] },
    heatmap: { outline: [[0, 0], [2, 0], [2, 1], [0, 1]], fixtures: [[[0.5, 0.2], [1.5, 0.2], [1.5, 0.4], [0.5, 0.4]]], originX: 0, originY: 0, cellM: 0.5, nx: 4, ny: 2, seconds: [0, 3, 0, 9, 1, 0, 0, 0], maxSeconds: 9 },
    basket: { purchasing: 21, meanUnits: 2.5, medianUnits: 2, meanValueMinor: 735, byUnits: [{ units: 1, sessions: 7 }, { units: 2, sessions: 6 }, { units: 4, sessions: 8 }] },
    topProducts: [{ sku: 'crisps-1', name: 'Salted crisps', category: 'Snacks', units: 12, revenueMinor: 1800, receipts: 10 }],
    putBacks: { pickedUnits: 60, putBackUnits: 6, rate: 0.1 },
    timings: [],
    ...over,
  };
}
