// How each analytics figure is drawn, as ECharts options built from the analytics report. It sits
// in the contract because two sides draw the same figures: the Analytics view (renderer, canvas)
// and the managers' PDF report (main, server-side SVG); one definition keeps them identical. Pure:
// types from echarts only, no DOM.
import type { EChartsOption, CustomSeriesRenderItem } from 'echarts';
import type { AnalyticsReport } from './analytics';

export const chartColors = {
  sessions: '#2f6fb3',
  people: '#e08a2b',
  visited: '#9fc2e7',
  dwelt: '#5b9bd5',
  picked: '#2f6fb3',
  purchased: '#1b3f66',
  dwell: '#5b9bd5',
  floor: '#f7f7f5',
  fixture: '#c9c9c4',
};

/** Perceptually even colour ramp (viridis, sampled) from no time spent to the most. */
export const heatRamp = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

const base = (title: string): EChartsOption => ({
  animation: false,
  title: { text: title, left: 0, top: 0, textStyle: { fontSize: 13, fontWeight: 'bold' } },
  grid: { left: 48, right: 16, top: 40, bottom: 32, containLabel: true },
  tooltip: { trigger: 'axis' },
});

const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function footfallByHourOption(report: AnalyticsReport): EChartsOption {
  return {
    ...base('Footfall by hour of day'),
    legend: { top: 0, right: 0 },
    xAxis: { type: 'category', data: report.footfall.byHour.map((h) => hourLabel(h.hour)), axisLabel: { interval: 2 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'Sessions', type: 'bar', data: report.footfall.byHour.map((h) => h.sessions), itemStyle: { color: chartColors.sessions } },
      { name: 'People', type: 'line', data: report.footfall.byHour.map((h) => h.people), itemStyle: { color: chartColors.people }, symbolSize: 4 },
    ],
  };
}

export function footfallByDayOption(report: AnalyticsReport): EChartsOption {
  return {
    ...base('Footfall by day'),
    xAxis: { type: 'category', data: report.footfall.byDay.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: 'Sessions', type: 'bar', data: report.footfall.byDay.map((d) => d.sessions), itemStyle: { color: chartColors.sessions } }],
  };
}

export function zoneFunnelOption(report: AnalyticsReport): EChartsOption {
  const zones = [...report.funnel].reverse();
  const step = (name: string, key: 'visited' | 'dwelt' | 'picked' | 'purchased') => ({
    name,
    type: 'bar' as const,
    data: zones.map((z) => z[key]),
    itemStyle: { color: chartColors[key] },
    barGap: '0%',
  });
  return {
    ...base('Zone funnel (sessions)'),
    legend: { top: 0, right: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: zones.map((z) => z.name), axisLabel: { interval: 0 } },
    series: [step('Visited', 'visited'), step('Dwelt 5 s+', 'dwelt'), step('Picked', 'picked'), step('Purchased', 'purchased')],
  };
}

export function dwellOption(report: AnalyticsReport): EChartsOption {
  const zones = [...report.dwell.zones].reverse();
  return {
    ...base('Dwell per visit (seconds)'),
    tooltip: { trigger: 'item' },
    grid: { left: 8, right: 16, top: 40, bottom: 24, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: zones.map((z) => z.name), axisLabel: { interval: 0 } },
    series: [
      {
        name: 'Dwell',
        type: 'boxplot',
        layout: 'horizontal',
        data: zones.map((z) => [z.p10, z.p25, z.median, z.p75, z.p90]),
        itemStyle: { color: '#dbe8f6', borderColor: chartColors.dwell },
      },
    ],
  };
}

export function basketOption(report: AnalyticsReport): EChartsOption {
  return {
    ...base('Basket size (units per purchasing session)'),
    xAxis: { type: 'category', data: report.basket.byUnits.map((b) => String(b.units)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: 'Sessions', type: 'bar', data: report.basket.byUnits.map((b) => b.sessions), itemStyle: { color: chartColors.sessions } }],
  };
}

/** The floor to scale: outline, fixtures, then one cell per heat grid square coloured by time spent. */
export function heatmapOption(report: AnalyticsReport): EChartsOption {
  const h = report.heatmap;
  const cells: [number, number, number][] = [];
  h.seconds.forEach((s, i) => {
    if (s > 0) cells.push([h.originX + (i % h.nx) * h.cellM, h.originY + Math.floor(i / h.nx) * h.cellM, s]);
  });
  const polygon = (points: [number, number][], fill: string, stroke: string): CustomSeriesRenderItem =>
    (_params, api) => ({
      type: 'polygon',
      shape: { points: points.map((p) => api.coord(p)) },
      style: { fill, stroke, lineWidth: 1 },
    });
  const cellItem: CustomSeriesRenderItem = (_params, api) => {
    const [x0, y0] = api.coord([api.value(0), api.value(1)]) as number[];
    const [x1, y1] = api.coord([(api.value(0) as number) + h.cellM, (api.value(1) as number) + h.cellM]) as number[];
    return { type: 'rect', shape: { x: x0!, y: y0!, width: x1! - x0!, height: y1! - y0! }, style: { fill: api.visual('color') as string, opacity: 0.85 } };
  };
  const width = h.nx * h.cellM;
  const depth = h.ny * h.cellM;
  return {
    animation: false,
    title: { text: 'Where shoppers spent time (seconds per ½ m square)', left: 0, top: 0, textStyle: { fontSize: 13, fontWeight: 'bold' } },
    tooltip: { trigger: 'item', formatter: (p) => `${Math.round(((p as { value: number[] }).value ?? [])[2] ?? 0)} s` },
    grid: { left: 8, right: 72, top: 32, bottom: 8, containLabel: false },
    xAxis: { type: 'value', min: h.originX, max: h.originX + width, show: false },
    yAxis: { type: 'value', min: h.originY, max: h.originY + depth, inverse: true, show: false },
    visualMap: { type: 'continuous', min: 0, max: Math.max(1, h.maxSeconds), dimension: 2, seriesIndex: 2, right: 0, top: 'middle', itemHeight: 120, inRange: { color: heatRamp }, text: ['more', 'less'], calculable: false },
    series: [
      { type: 'custom', silent: true, renderItem: polygon(h.outline, chartColors.floor, '#888'), data: [[h.originX, h.originY]], z: 1 },
      { type: 'custom', silent: true, renderItem: (params, api) => polygon(h.fixtures[params.dataIndex]!, chartColors.fixture, '#999')(params, api), data: h.fixtures.map((f) => f[0]!), z: 2 },
      { type: 'custom', renderItem: cellItem, data: cells, encode: { x: 0, y: 1 }, z: 3 },
    ],
  };
}

/** Plot width ÷ height that shows the floor undistorted (the grid adds fixed margins). */
export function heatmapAspect(report: AnalyticsReport): number {
  return (report.heatmap.nx * report.heatmap.cellM) / (report.heatmap.ny * report.heatmap.cellM);
}

/** What each figure means, written next to it in the view and the PDF (retail-analytics definitions). */
export const analyticsDefinitions = {
  footfall:
    'Footfall: sessions that came in through the gates in the range. A group on one code is one session; People counts each person who walked in. Staff have no session and are not counted.',
  conversion:
    'Conversion = sessions with a purchase ÷ sessions (closed sessions; staff excluded). This is the industry’s transactions ÷ visitors, a session being one visit.',
  funnel:
    'Zone funnel: sessions that visited the zone (inside for at least 1 s), then dwelt (one visit of at least 5 s), then picked an item from its shelves, then bought something picked there. Each step counts sessions that also made the step before.',
  dwell:
    'Dwell time: how long one visit to a zone lasted (a visit starts after 1 s inside and ends after 1 s outside). Box: the middle half of visits; line: median; whiskers: 10th and 90th percentiles.',
  heatmap: 'Heatmap: seconds that shoppers in a session spent in each ½ m square of the floor, from their tracks sampled twice a second.',
  basket: 'Basket size: units on the receipt of each session that bought something; value at catalog prices.',
  topProducts: 'Top products: units on receipts in the range, with revenue at catalog prices and the number of receipts they are on.',
  putBacks: 'Put-back rate = units put back on a shelf ÷ units picked up, over sessions in the range.',
} as const;

/** `minor` units of `currency` as money, with the currency's own number of decimals. */
export function formatMoney(minor: number, currency: string): string {
  const format = new Intl.NumberFormat('en-IE', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

export function formatPercent(rate: number | null, digits = 1): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(digits)} %`;
}
