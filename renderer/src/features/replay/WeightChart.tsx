// The plates' weight around a shelf event, as recorded: one line per plate, the event's span
// shaded, grams on the left. Gaps where samples were dropped stay gaps.
import type { EventWeights, ReplayEvent } from '../../../../native-bridge/contract';

const W = 320;
const H = 120;
const PAD = { left: 44, right: 6, top: 6, bottom: 16 };
const colours = ['#2f6db3', '#c0392b', '#16a085', '#8e44ad'];

export function WeightChart({ weights, event }: { weights: EventWeights; event: ReplayEvent }) {
  const values = weights.curves.flatMap((c) => c.grams.filter((g): g is number => g !== null));
  if (values.length === 0) return <p className="replay__muted">The input log holds no samples of these plates for that time (purged, or never recorded).</p>;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const range = Math.max(hi - lo, 1);
  const x = (t: number) => PAD.left + ((t - weights.fromMs) / (weights.toMs - weights.fromMs)) * (W - PAD.left - PAD.right);
  const y = (g: number) => PAD.top + (1 - (g - lo) / range) * (H - PAD.top - PAD.bottom);
  return (
    <svg className="replay-weights" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Weight of plates ${event.plates.join(', ')} around event ${event.id}`} data-testid="replay-weights">
      <rect x={x(event.startMs)} y={PAD.top} width={Math.max(1, x(event.endMs) - x(event.startMs))} height={H - PAD.top - PAD.bottom} className="replay-weights__span" />
      <text x={PAD.left - 4} y={PAD.top + 8} textAnchor="end" className="replay-weights__axis">
        {Math.round(hi)} g
      </text>
      <text x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end" className="replay-weights__axis">
        {Math.round(lo)} g
      </text>
      {weights.curves.map((curve, i) => {
        const segments: string[][] = [[]];
        curve.grams.forEach((g, k) => {
          if (g === null) segments.push([]);
          else segments.at(-1)!.push(`${x(curve.t0 + k * curve.dt).toFixed(1)},${y(g).toFixed(1)}`);
        });
        return segments
          .filter((s) => s.length > 1)
          .map((points, j) => <polyline key={`${curve.plate}-${j}`} points={points.join(' ')} fill="none" stroke={colours[i % colours.length]} strokeWidth={1.5} />);
      })}
      {weights.curves.map((curve, i) => (
        <text key={curve.plate} x={W - PAD.right} y={H - 4 - i * 11} textAnchor="end" className="replay-weights__legend" fill={colours[i % colours.length]}>
          {curve.plate}
        </text>
      ))}
    </svg>
  );
}
