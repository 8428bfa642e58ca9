// The live layer's key: one entry per shopper state, in the canvas's colours, with how many are on
// the floor in each, plus the trail and how to pick a shopper without a mouse.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../state/StoreContext';
import { countShoppersByState } from './live-selectors';
import { shopperColours, shopperStateLabels, shopperStates } from './shopper-style';
import { TRAIL_WINDOW_MS } from './trail-book';
import './live.css';

// Most attention-worthy first, the reverse of the drawing order.
const legendOrder = [...shopperStates].reverse();

export function LiveLegend() {
  const hasFrame = useAppStore((state) => state.liveFloor.frame !== null);
  // Flat counts compared key by key: the legend re-renders when a count changes, not on every frame.
  const counts = useAppStore(useShallow((state) => countShoppersByState(state.liveFloor.frame)));
  return (
    <section className="side-section legend live-legend" aria-labelledby="live-legend-title" data-testid="live-legend">
      <h3 id="live-legend-title" className="side-section__title">
        Shoppers
      </h3>
      <ul className="legend__list">
        {legendOrder.map((state) => (
          <li key={state} className="legend__item" data-testid={`live-legend-${state}`}>
            <span className="legend__swatch legend__swatch--marker" style={{ ['--swatch' as string]: shopperColours[state] }} aria-hidden="true" />
            <span className="live-legend__label">{shopperStateLabels[state]}</span>
            {hasFrame ? <span className="live-legend__count">{counts[state]}</span> : null}
          </li>
        ))}
        <li className="legend__item">
          <span className="legend__swatch live-legend__trail" aria-hidden="true" />
          <span className="live-legend__label">Trail, last {TRAIL_WINDOW_MS / 1000} s</span>
        </li>
      </ul>
      <p className="live-legend__hint">Click a shopper for details, or focus the map and press [ or ] to step through them.</p>
    </section>
  );
}
