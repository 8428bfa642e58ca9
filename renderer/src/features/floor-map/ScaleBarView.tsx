// A scale bar in metres over the map's corner. Its width is the only inline style in the map,
// set through React's style prop (CSSOM), which the page's CSP allows.
import type { ScaleBar } from './scale-bar';

export function ScaleBarView({ bar }: { bar: ScaleBar }) {
  return (
    <div className="scale-bar" data-testid="scale-bar" aria-label={`Scale: the bar is ${bar.label}`}>
      <div className="scale-bar__bar" style={{ width: `${bar.pixels}px` }} />
      <span className="scale-bar__label">{bar.label}</span>
    </div>
  );
}
