// An EChart whose code (ECharts, most of the renderer's weight) is split from the entry chunk and downloaded the
// first time any chart is shown. Until it is there the chart's box, at the chart's height, shows the
// app's loading panel; if the download fails, the error with a Retry that fetches it again.
import { lazyModule, useLazyModule } from '../../ui/lazy-module';
import { PendingPanel } from '../../ui/PendingPanel';
import type { EChartProps } from './EChart';

const chartCode = lazyModule(() => import('./EChart'), 'the charting code');

export function LazyEChart(props: EChartProps) {
  const code = useLazyModule(chartCode);
  if (code.status === 'ready') {
    const { EChart } = code.data;
    return <EChart {...props} />;
  }
  return (
    <div className="analytics__chart analytics__chart--pending" style={{ minHeight: props.height }}>
      <PendingPanel
        phase={code.status === 'error' ? { kind: 'error', error: code.error } : { kind: 'loading' }}
        what="the chart"
        onRetry={() => void chartCode.load()}
        testId="chart"
      />
    </div>
  );
}
