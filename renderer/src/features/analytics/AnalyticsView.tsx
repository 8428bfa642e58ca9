// The Analytics view — not built yet. It says what it will do and shows no data until it exists.
import { NotBuiltPanel } from '../../ui/NotBuiltPanel';

const willDo = [
  'show footfall, the conversion funnel and dwell time per zone',
  'draw a heatmap of where shoppers spent time',
  'list basket and product tables',
  'export CSV, Parquet and a PDF report',
] as const;

export function AnalyticsView() {
  return (
    <NotBuiltPanel
      title="Analytics"
      summary="Shopper-behaviour reports over a chosen date range."
      willDo={willDo}
    />
  );
}
