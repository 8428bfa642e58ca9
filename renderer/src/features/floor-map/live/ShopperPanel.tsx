// Details of the selected shopper, at the top of the map's side column: track, session and state,
// then the session's live cart — each line with how sure the engine is of it — and under it the
// lines still settling (a shelf's first reading, shown at once and replaced by the settled line
// within about a second; never counted in the cart's figures), what happened to the session lately,
// and, when an open session holds an age-restricted product, whether staff have checked the
// shopper's ID (with the "ID checked" button for roles that operate). It follows the live feed but
// re-renders only when something it shows changes, not on every frame that moves the shopper.
// Non-modal, so the map stays usable while it is open; Escape or the close button puts it away,
// and focus inside it goes back to the map.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectMay } from '../../account/account-selectors';
import { dataOf } from '../../../state/load-state';
import { useAppStore } from '../../../state/StoreContext';
import { useMoney, usePlanNames } from './live-hooks';
import { formatTimeOfDay } from './live-selectors';
import { confidenceBand, describeSessionEvent, flagReasonLabels, formatPercent, pendingLineExplanation } from './live-words';
import { selectAgeCheckView, selectSessionView, selectShopperSummary, type SessionView } from './session-selectors';
import { shopperColours, shopperStateExplanations, shopperStateLabels } from './shopper-style';
import './live.css';

function closePanel(panel: HTMLElement | null, select: (trackId: null) => void): void {
  const hadFocus = panel?.contains(document.activeElement) ?? false;
  select(null);
  // The panel is about to disappear; focus left inside it would fall back to the page body.
  if (hadFocus) panel?.closest('.floor-map')?.querySelector<HTMLElement>('.map-canvas__surface')?.focus();
}

export function ShopperPanel() {
  const summary = useAppStore(useShallow((state) => selectShopperSummary(state.liveFloor)));
  const session = useAppStore((state) => state.liveFloor.session);
  const select = useAppStore((state) => state.liveFloor.select);
  const panel = useRef<HTMLElement>(null);
  const open = summary !== null;

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

  if (!summary) return null;
  const { trackId, present, state } = summary;
  const view = selectSessionView(session);
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
      {present && state ? (
        <dl className="shopper-panel__facts">
          <dt>Track</dt>
          <dd data-testid="shopper-track">{trackId}</dd>
          <dt>Session</dt>
          <dd data-testid="shopper-session">{summary.sessionId ?? <span className="shopper-panel__muted">not bound to a session</span>}</dd>
          <dt>State</dt>
          <dd data-testid="shopper-state">
            <span className="legend__swatch legend__swatch--marker" style={{ ['--swatch' as string]: shopperColours[state] }} aria-hidden="true" />
            {shopperStateLabels[state]}
          </dd>
          <dt>In cart</dt>
          <dd data-testid="shopper-cart">
            {summary.cartUnits} {summary.cartUnits === 1 ? 'unit' : 'units'}
          </dd>
        </dl>
      ) : null}
      <p className="shopper-panel__explain" aria-live="polite">
        {present && state ? shopperStateExplanations[state] : `Track ${trackId} is no longer on the floor: the shopper left, or the cameras lost them.`}
      </p>
      <SessionSection view={view} />
    </section>
  );
}

function SessionSection({ view }: { view: SessionView }) {
  const retry = useAppStore((state) => state.liveFloor.retrySession);
  const timeZone = useAppStore((state) => dataOf(state.shell.system)?.store.timezone);
  const money = useMoney();
  const names = usePlanNames();
  switch (view.kind) {
    case 'none':
      return null;
    case 'loading':
      return (
        <p className="shopper-panel__status" role="status" data-testid="shopper-session-loading">
          Loading the cart…
        </p>
      );
    case 'error':
      return (
        <div className="shopper-panel__status shopper-panel__status--error" role="alert" data-testid="shopper-session-error">
          <p>The cart could not be loaded: {view.error.message}</p>
          <button type="button" className="button" onClick={retry}>
            Retry
          </button>
        </div>
      );
    case 'ready': {
      const { detail, lines, totals, pending, events } = view;
      return (
        <div className="shopper-panel__session" data-testid="shopper-session-detail" data-revision={detail.revision}>
          <h4 className="shopper-panel__subtitle">
            Cart
            {detail.status === 'closed' ? (
              <span className="shopper-panel__tag" data-testid="shopper-receipt">
                {detail.receipt === 'charged' ? 'receipt charged' : 'held for review'}
              </span>
            ) : null}
          </h4>
          {lines.length === 0 ? (
            <p className="shopper-panel__muted" data-testid="shopper-cart-empty">
              Nothing taken yet.
            </p>
          ) : (
            <table className="cart-table" data-testid="shopper-cart-lines">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" className="cart-table__num">
                    Qty
                  </th>
                  <th scope="col" className="cart-table__num" title="How sure the engine is of the product, the quantity and who took it">
                    Sure
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.sku} data-testid="cart-line" data-sku={line.sku}>
                    <th scope="row" className="cart-table__name" title={`${line.sku} · ${money(line.unitPriceMinor)} each`}>
                      {line.name}
                    </th>
                    <td className="cart-table__num">{line.quantity}</td>
                    <td className="cart-table__num">
                      <span className={`confidence confidence--${confidenceBand(line.confidence)}`} data-testid="cart-line-confidence">
                        {formatPercent(line.confidence)}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td className="cart-table__num">{totals.units}</td>
                  <td className="cart-table__num" data-testid="shopper-cart-total">
                    {money(totals.totalMinor)}
                  </td>
                </tr>
              </tfoot>
            </table>
          )}
          {pending.length > 0 ? (
            <div className="pending-lines" data-testid="shopper-pending">
              <p className="pending-lines__title" id="shopper-pending-title" title={pendingLineExplanation}>
                Settling
              </p>
              <ul className="pending-lines__list" aria-labelledby="shopper-pending-title">
                {pending.map((row) => (
                  <li key={row.key} className="pending-line" title={pendingLineExplanation} data-testid="pending-line" data-sku={row.sku} data-change={row.putBack ? 'put-back' : 'pick'}>
                    {row.text}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <AgeCheckLine />
          {detail.flags.length > 0 ? (
            <ul className="shopper-panel__flags" aria-label="Why this session is flagged" data-testid="shopper-flags">
              {detail.flags.map((flag) => (
                <li key={flag}>{flagReasonLabels[flag]}</li>
              ))}
            </ul>
          ) : null}
          <h4 className="shopper-panel__subtitle">Recent events</h4>
          <ol className="shopper-panel__events" data-testid="shopper-events">
            {events.map((event, i) => (
              <li key={`${event.t}-${i}`}>
                <time className="shopper-panel__time">{formatTimeOfDay(event.t, timeZone)}</time> {describeSessionEvent(event, names)}
              </li>
            ))}
          </ol>
        </div>
      );
    }
  }
}

function AgeCheckLine() {
  const mayConfirm = useAppStore((state) => selectMay(state.account, 'operate'));
  const view = useAppStore(useShallow((state) => selectAgeCheckView(state.liveFloor.session, mayConfirm)));
  const confirm = useAppStore((state) => state.liveFloor.confirmAgeCheck);
  const timeZone = useAppStore((state) => dataOf(state.shell.system)?.store.timezone);
  switch (view.kind) {
    case 'none':
      return null;
    case 'checked':
      return (
        <p className="shopper-panel__age shopper-panel__age--checked" data-testid="shopper-age-checked">
          ID checked by {view.by} at <time>{formatTimeOfDay(view.t, timeZone)}</time>
        </p>
      );
    case 'needed':
      return (
        <div className="shopper-panel__age shopper-panel__age--needed" data-testid="shopper-age-needed">
          <p>
            <strong>ID check needed</strong> for {view.products}: without it the receipt is held for review.
          </p>
          {view.mayConfirm ? (
            <button type="button" className="button" disabled={view.busy} onClick={() => void confirm()} data-testid="shopper-age-confirm">
              {view.busy ? 'Saving…' : 'ID checked'}
            </button>
          ) : null}
          {view.error ? (
            <p className="shopper-panel__status--error" role="alert">
              Not saved: {view.error.message}
            </p>
          ) : null}
        </div>
      );
  }
}
