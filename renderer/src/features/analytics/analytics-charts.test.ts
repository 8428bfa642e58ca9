// The chart definitions shared by the Analytics view and the PDF report draw the report's numbers.
import { describe, expect, it } from 'vitest';
import { sampleReport } from './analytics-test-data';
import { basketOption, dwellOption, footfallByHourOption, formatMoney, formatPercent, heatmapAspect, heatmapOption, zoneFunnelOption } from '../../../../native-bridge/contract/analytics-charts';

type Series = { type: string; data: unknown[] };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];

describe('analytics charts', () => {
  it('plots footfall per hour as sessions and people', () => {
    const [sessions, people] = seriesOf(footfallByHourOption(sampleReport()));
    expect(sessions!.data).toHaveLength(24);
    expect(sessions!.data[9]).toBe(10);
    expect(people!.data[10]).toBe(12);
  });

  it('lists funnel zones top to bottom in store order, four nested steps', () => {
    const option = zoneFunnelOption(sampleReport());
    expect((option.yAxis as { data: string[] }).data).toEqual(['Dairy', 'Crisps']);
    expect(seriesOf(option).map((s) => s.data)).toEqual([[10, 20], [0, 15], [0, 9], [0, 8]]);
  });

  it('draws dwell as 10th/25th/50th/75th/90th percentile boxes', () => {
    expect(seriesOf(dwellOption(sampleReport()))[0]!.data).toEqual([[2, 4, 7, 12, 20]]);
  });

  it('puts a heat cell at each square with time in it, to the floor’s scale', () => {
    const cells = seriesOf(heatmapOption(sampleReport()))[2]!.data;
    expect(cells).toEqual([[0.5, 0, 3], [1.5, 0, 9], [0, 0.5, 1]]);
    expect(heatmapAspect(sampleReport())).toBe(2);
    expect(seriesOf(basketOption(sampleReport()))[0]!.data).toEqual([7, 6, 8]);
  });

  it('formats money in the currency’s own decimals, and rates', () => {
    expect(formatMoney(735, 'EUR')).toBe('€7.35');
    expect(formatMoney(735, 'JPY')).toBe('JP¥735');
    expect(formatPercent(0.1234)).toBe('12.3 %');
    expect(formatPercent(null)).toBe('—');
  });
});
