// One ECharts chart on a canvas: created when mounted, given a new option when the report changes,
// resized with its box, disposed when unmounted. Only the chart types the Analytics view draws are
// registered, so the bundle carries no more of ECharts than that. The view draws it through
// LazyEChart, which makes this module (and ECharts) a chunk of its own, downloaded with the first chart.
import { BarChart, BoxplotChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendPlainComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, BoxplotChart, CustomChart, LineChart, GridComponent, LegendPlainComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);

export interface EChartProps {
  option: EChartsOption;
  height: number;
  /** Names the figure for screen readers (the canvas itself says nothing). */
  label: string;
  testId?: string;
}

export function EChart({ option, height, label, testId }: EChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} className="analytics__chart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
