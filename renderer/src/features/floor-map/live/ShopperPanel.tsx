// Details of the selected shopper, at the top of the map's side column: track, session, state in
// words and cart size, following the live feed. Non-modal, so the map stays usable while it is
// open; Escape or the close button puts it away, and focus that was inside it goes back to the map.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../../../state/StoreContext';
import { selectSelectedShopper } from './live-selectors';
import { shopperColours, shopperStateExplanations, shopperStateLabels } from './shopper-style';
import './live.css';

function closePanel(panel: HTMLElement | null, select: (trackId: null) => void): void {
  const hadFocus = panel?.contains(document.activeElement) ?? false;
  select(null);
  // The panel is about to disappear; focus left inside it would fall back to the page body.
  if (hadFocus) panel?.closest('.floor-map')?.querySelector<HTMLElement>('.map-canvas__surface')?.focus();
}

export function ShopperPanel() {
  const frame = useAppStore((state) => state.liveFloor.frame);
  const selectedTrackId = useAppStore((state) => state.liveFloor.selectedTrackId);
  const select = useAppStore((state) => state.liveFloor.select);
  const panel = useRef<HTMLElement>(null);
  const selected = selectSelectedShopper({ frame, selectedTrackId });
  const open = selected !== null;

  const close = () => closePanel(panel.current, select);

  useEffect(() => {
    if (!open) return undefined;
    // On the window, not the panel: people press Escape with focus still on the map or elsewhere.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault();
        closePanel(panel.current, select);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [open, select]);

  if (!selected) return null;
  const { trackId, shopper } = selected;
  return (
    <section ref={panel} className="side-section shopper-panel" aria-labelledby="shopper-panel-title" data-testid="shopper-panel">
      <div className="shopper-panel__head">
        <h3 id="shopper-panel-title" className="shopper-panel__title">
          Shopper · track {trackId}
        </h3>
        <button type="button" className="button shopper-panel__close" onClick={close} aria-label="Close shopper details" title="Close (Esc)">
          ×
        </button>
      </div>
      {shopper ? (
        <dl className="shopper-panel__facts">
          <dt>Track</dt>
          <dd data-testid="shopper-track">{trackId}</dd>
          <dt>Session</dt>
          <dd data-testid="shopper-session">{shopper.sessionId ?? <span className="shopper-panel__muted">not bound to a session</span>}</dd>
          <dt>State</dt>
          <dd data-testid="shopper-state">
            <span className="legend__swatch legend__swatch--marker" style={{ ['--swatch' as string]: shopperColours[shopper.state] }} aria-hidden="true" />
            {shopperStateLabels[shopper.state]}
          </dd>
          <dt>In cart</dt>
          <dd data-testid="shopper-cart">
            {shopper.cartUnits} {shopper.cartUnits === 1 ? 'unit' : 'units'}
          </dd>
        </dl>
      ) : null}
      <p className="shopper-panel__explain" aria-live="polite">
        {shopper ? shopperStateExplanations[shopper.state] : `Track ${trackId} is no longer on the floor: the shopper left, or the cameras lost them.`}
      </p>
    </section>
  );
}
