// The Restock page: plates at or under their restock threshold, most urgent first, with product,
// units left and since when (store time), estimated by the live engine from the shelves' weights;
// acknowledge an alert ("on it"); and restock mode per fixture, during which staff handling stock
// is never charged to a shopper. Refreshed every few seconds while shown. Loading, empty, no-feed
// and error states each say what is happening.
import { useEffect, useState, type FormEvent } from 'react';
import type { RestockAlert, RestockFixture, RestockOverview } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { PendingPanel } from '../../ui/PendingPanel';
import { StatePanel } from '../../ui/StatePanel';
import { formatAge, formatStoreTime, orderedAlerts, restockCounts, restockingLabel, restoredNotice, selectRestockPhase, unitsLabel } from './restock-selectors';
import './restock.css';

/** Wall ms between refreshes while the page is shown: the host's estimates change about once a second. */
const REFRESH_MS = 2000;

function AcknowledgeCell({ alert }: { alert: RestockAlert }) {
  const acknowledge = useAppStore((state) => state.restock.acknowledge);
  const busy = useAppStore((state) => state.restock.busy === `plate:${alert.plate}`);
  const [note, setNote] = useState<string | null>(null);
  if (alert.acknowledged) {
    return (
      <span className="restock__acked" data-testid="restock-acknowledged">
        ✓ {alert.acknowledged.by}
        {alert.acknowledged.note ? ` · “${alert.acknowledged.note}”` : ''}
      </span>
    );
  }
  if (note === null) {
    return (
      <button type="button" className="button" disabled={busy} onClick={() => setNote('')}>
        Acknowledge…
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void acknowledge(alert, note.trim()).then((ok) => ok && setNote(null));
  };
  return (
    <form className="restock__ack-form" onSubmit={submit}>
      <input aria-label={`Note for plate ${alert.plate}`} placeholder="note (optional)" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
      <button type="submit" className="button button--primary" disabled={busy}>
        Confirm
      </button>
      <button type="button" className="button" onClick={() => setNote(null)}>
        Cancel
      </button>
    </form>
  );
}

function AlertRow({ alert, overview }: { alert: RestockAlert; overview: RestockOverview }) {
  const share = alert.capacity > 0 ? alert.units / alert.capacity : 0;
  return (
    <tr data-testid={`restock-alert-${alert.plate}`} className={alert.acknowledged ? 'restock__row--acked' : undefined}>
      <td>
        <span className={`restock__level ${alert.units === 0 ? 'restock__level--empty' : ''}`} style={{ ['--fill' as string]: String(share) }} aria-hidden="true" />
      </td>
      <td>
        <div className="restock__product">{alert.product}</div>
        <div className="restock__muted">{alert.sku}</div>
      </td>
      <td>
        <div>{alert.fixtureName}</div>
        <div className="restock__muted">
          {alert.shelf} · plate {alert.plate}
        </div>
      </td>
      <td data-testid="restock-units">
        <div className={alert.units === 0 ? 'restock__empty' : undefined}>{unitsLabel(alert)}</div>
        <div className="restock__muted">restock at {alert.threshold}</div>
      </td>
      <td>
        <div>{formatStoreTime(alert.since, overview.timezone)}</div>
        <div className="restock__muted">{overview.t === null ? '' : formatAge(alert.since, overview.t)}</div>
      </td>
      <td className="restock__action">
        <AcknowledgeCell alert={alert} />
      </td>
    </tr>
  );
}

function AlertsTable({ overview }: { overview: RestockOverview }) {
  const hide = useAppStore((state) => state.restock.hideAcknowledged);
  const setHide = useAppStore((state) => state.restock.setHideAcknowledged);
  const alerts = orderedAlerts(overview.alerts, hide);
  const counts = restockCounts(overview);
  return (
    <section className="panel restock__alerts" aria-labelledby="restock-alerts-title">
      <div className="restock__alerts-head">
        <h2 id="restock-alerts-title" className="panel__subtitle">
          Plates to restock, most urgent first
        </h2>
        <label className="restock__filter">
          <input type="checkbox" checked={hide} onChange={(e) => setHide(e.target.checked)} /> Hide acknowledged
        </label>
      </div>
      <p className="restock__summary" data-testid="restock-summary">
        {counts.low} low · {counts.empty} empty · {counts.unacknowledged} not acknowledged
      </p>
      {overview.alerts.length === 0 ? (
        <StatePanel tone="info" title="Every plate is above its restock threshold" testId="restock-empty">
          <p>Plates appear here when the engine estimates their units at or under the planogram’s threshold.</p>
        </StatePanel>
      ) : alerts.length === 0 ? (
        <p className="panel__status">All {overview.alerts.length} low plates are acknowledged.</p>
      ) : (
        <table className="restock__table" data-testid="restock-table">
          <thead>
            <tr>
              <th aria-label="Stock level" />
              <th>Product</th>
              <th>Where</th>
              <th>Units</th>
              <th>Low since</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {alerts.map((alert) => (
              <AlertRow key={alert.plate} alert={alert} overview={overview} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function FixtureSwitch({ fixture, live, timezone }: { fixture: RestockFixture; live: boolean; timezone: string }) {
  const setMode = useAppStore((state) => state.restock.setRestockMode);
  const busy = useAppStore((state) => state.restock.busy === `fixture:${fixture.id}`);
  const on = restockingLabel(fixture, timezone);
  return (
    <li className={`restock__fixture ${fixture.restocking ? 'restock__fixture--on' : ''}`} data-testid={`restock-fixture-${fixture.id}`}>
      <label>
        <input
          type="checkbox"
          role="switch"
          aria-label={`Restock mode at ${fixture.name}`}
          checked={fixture.restocking}
          disabled={busy || !live}
          onChange={(e) => void setMode(fixture, e.target.checked)}
        />
        <span className="restock__fixture-name">{fixture.name}</span>
      </label>
      <span className="restock__muted">{fixture.low > 0 ? `${fixture.low} low` : `${fixture.plates} plates`}</span>
      {on ? (
        <span className="restock__fixture-on" data-testid="restock-fixture-on">
          {on}
          {fixture.restoredAt !== undefined ? (
            <span className="restock__restored" title={`Switched back on at ${formatStoreTime(fixture.restoredAt, timezone)}, after a restart`} data-testid="restock-fixture-restored">
              restored after restart
            </span>
          ) : null}
        </span>
      ) : null}
    </li>
  );
}

function RestockModePanel({ overview }: { overview: RestockOverview }) {
  const live = overview.source !== 'none';
  const restored = restoredNotice(overview);
  return (
    <aside className="panel restock__modes" aria-labelledby="restock-modes-title">
      <h2 id="restock-modes-title" className="panel__subtitle">
        Restock mode
      </h2>
      <p className="restock__muted">While it is on at a fixture, weight changes there are staff work: they are charged to no shopper. Staff turn it off when done; it stays on across a restart of the host.</p>
      {restored ? (
        <p className="restock__restored-notice" role="status" data-testid="restock-restored">
          {restored}
        </p>
      ) : null}
      <ul className="restock__fixtures">
        {overview.fixtures.map((fixture) => (
          <FixtureSwitch key={fixture.id} fixture={fixture} live={live} timezone={overview.timezone} />
        ))}
      </ul>
    </aside>
  );
}

function Messages() {
  const changeError = useAppStore((state) => state.restock.changeError);
  const refreshError = useAppStore((state) => state.restock.refreshError);
  const notice = useAppStore((state) => state.restock.notice);
  return (
    <>
      {changeError ? (
        <p className="restock__error" role="alert" data-testid="restock-change-error">
          {changeError.message}
        </p>
      ) : null}
      {refreshError ? (
        <p className="restock__error" role="alert">
          Could not refresh ({refreshError.message}); the list below may be out of date.
        </p>
      ) : null}
      {notice ? (
        <p className="restock__notice" role="status" data-testid="restock-notice">
          {notice}
        </p>
      ) : null}
    </>
  );
}

export function RestockView() {
  const connection = useAppStore((state) => state.shell.connection);
  const overview = useAppStore((state) => state.restock.overview);
  const load = useAppStore((state) => state.restock.load);
  const refresh = useAppStore((state) => state.restock.refresh);
  const phase = selectRestockPhase({ overview }, connection);

  useEffect(() => {
    if (connection !== 'open') return undefined;
    void refresh();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [connection, refresh]);

  const data = 'overview' in phase ? phase.overview : null;
  return (
    <section className="page page--restock" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title" className="page__title">
          Restock
        </h1>
        {data && data.t !== null ? (
          <p className="page__meta" data-testid="restock-meta">
            Estimated from shelf weights · {data.plates.known} of {data.plates.total} plates weighed · store time {formatStoreTime(data.t, data.timezone)}
          </p>
        ) : null}
      </header>
      {phase.kind === 'waiting' || phase.kind === 'loading' || phase.kind === 'error' ? (
        <PendingPanel phase={phase} what="stock estimates" onRetry={() => void load()} testId="restock" />
      ) : null}
      {phase.kind === 'no-feed' ? (
        <StatePanel tone="info" title="No live feed on this host" testId="restock-no-feed">
          <p>Units are estimated from the shelves’ weights as they come in. Start the host with its shelf devices, or with the simulator (serve --simulate), to see them.</p>
        </StatePanel>
      ) : null}
      {phase.kind === 'warming-up' ? (
        <>
          <Messages />
          <div className="restock">
            <StatePanel tone="info" title="Weighing the shelves…" testId="restock-warming-up">
              <p>The engine estimates a plate’s units once its weight has been steady for a moment; the first plates appear within seconds of their devices reporting.</p>
            </StatePanel>
            {/* Staff may already be at a fixture before its plates have been weighed. */}
            <RestockModePanel overview={phase.overview} />
          </div>
        </>
      ) : null}
      {phase.kind === 'ready' ? (
        <>
          <Messages />
          <div className="restock">
            <AlertsTable overview={phase.overview} />
            <RestockModePanel overview={phase.overview} />
          </div>
        </>
      ) : null}
    </section>
  );
}
