// The live weight plot of one shelf: one line per plate over the last 30 s, drawn by uPlot on a
// canvas. The chart is created once per shelf (series depend on its plates) and only fed new data
// after that, so four frames a second cost a redraw, not a rebuild.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ShelfView } from '../../../../native-bridge/contract';
import { seriesColour } from './devices-selectors';

export interface WeightPlotProps {
  shelf: ShelfView;
  data: (number | null)[][] | undefined;
}

const HEIGHT = 260;

export function WeightPlot({ shelf, data }: WeightPlotProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const plateKey = shelf.plates.map((p) => p.id).join(',');

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: Math.max(320, element.clientWidth),
      height: HEIGHT,
      scales: { x: { time: true } },
      axes: [{}, { label: 'grams', size: 70 }],
      legend: { live: false },
      series: [{}, ...shelf.plates.map((p, i) => ({ label: p.id, stroke: seriesColour(i), width: 1.5, spanGaps: false }))],
    };
    const empty: uPlot.AlignedData = [[], ...shelf.plates.map(() => [])];
    const plot = new uPlot(options, empty, element);
    chart.current = plot;
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
    // The plates are what the chart is built from; plateKey changes exactly when they do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plateKey]);

  useEffect(() => {
    if (data && chart.current) chart.current.setData(data as uPlot.AlignedData);
  }, [data]);

  return (
    <div className="devices__plot" data-testid="weight-plot" data-points={data ? data[0]!.length : 0}>
      <div ref={host} />
      {data ? null : <p className="devices__plot-wait">Waiting for the first weights of this shelf…</p>}
    </div>
  );
}
