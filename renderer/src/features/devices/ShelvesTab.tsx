// The Shelves tab: a summary of plate statuses, drivers and weighing devices, open alerts, the list
// of shelves (filterable by status, worst plate shown) and the selected shelf in detail. Refreshed
// every few seconds while shown, with the selected shelf's weights streamed live.
import { useEffect } from 'react';
import { plateStatuses, type DevicesOverview } from '../../../../native-bridge/contract';
import { useAppStore, useAppStoreApi } from '../../state/StoreContext';
import { PendingPanel } from '../../ui/PendingPanel';
import { StatePanel } from '../../ui/StatePanel';
import { findShelf, selectDevicesPhase, shelfList, statusLabel } from './devices-selectors';
import type { StatusFilter } from './devices-slice';
import { ShelfDetail } from './ShelfDetail';

const REFRESH_MS = 2000;
/** Renew the host's weight stream well inside its lease. */
const RENEW_MS = 5000;

const sourceLabel: Record<DevicesOverview['source'], string> = {
  simulator: 'Simulated sensors',
  devices: 'Real shelf devices',
  none: 'No live feed',
};

function Summary({ overview }: { overview: DevicesOverview }) {
  return (
    <div className="devices__summary" data-testid="devices-summary">
      <span className="devices__source" data-testid="devices-source">
        {sourceLabel[overview.source]}
      </span>
      {plateStatuses.map((s) => (
        <span key={s} className={`devices__status devices__status--${s}`} data-testid={`devices-count-${s}`}>
          {overview.counts[s]} {statusLabel[s].toLowerCase()}
        </span>
      ))}
      <span className="devices__muted">
        {overview.devices.length} {overview.source === 'devices' ? 'weighing devices' : 'controllers'}, {overview.devices.filter((d) => d.state === 'online').length} online
      </span>
      {overview.drivers.map((d) => (
        <span key={d.driver} className={`devices__driver devices__driver--${d.state}`} title={d.detail} data-testid={`driver-${d.driver}`}>
          {d.state === 'available' ? d.detail : `${d.driver}: driver unavailable`}
        </span>
      ))}
    </div>
  );
}

function Problems({ overview }: { overview: DevicesOverview }) {
  const unavailable = overview.drivers.filter((d) => d.state === 'unavailable');
  if (unavailable.length === 0 && overview.problems.length === 0 && overview.alerts.length === 0) return null;
  return (
    <div className="panel devices__problems" data-testid="devices-alerts">
      {unavailable.map((d) => (
        <p key={d.driver} className="devices__problem">
          {d.detail}
        </p>
      ))}
      {overview.problems.map((p) => (
        <p key={p} className="devices__problem">
          {p}
        </p>
      ))}
      {overview.alerts.length > 0 ? (
        <details>
          <summary>
            {overview.alerts.length} open alert{overview.alerts.length === 1 ? '' : 's'}
          </summary>
          <ul className="devices__alert-list">
            {overview.alerts.slice(0, 50).map((a) => (
              <li key={a.subject}>
                <strong>{a.subject.replace(/^plate:/, 'plate ')}</strong> {a.status} since {new Date(a.since).toLocaleTimeString()}: {a.detail}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function ShelfList({ overview }: { overview: DevicesOverview }) {
  const filter = useAppStore((state) => state.devices.filter);
  const selected = useAppStore((state) => state.devices.selectedShelf);
  const setFilter = useAppStore((state) => state.devices.setFilter);
  const selectShelf = useAppStore((state) => state.devices.selectShelf);
  const items = shelfList(overview, filter);
  return (
    <nav className="panel devices__list" aria-label="Shelves">
      <label className="devices__filter">
        Show
        <select value={filter} onChange={(e) => setFilter(e.target.value as StatusFilter)} aria-label="Show shelves with plates that are">
          <option value="all">all shelves</option>
          {plateStatuses.map((s) => (
            <option key={s} value={s}>
              with {statusLabel[s].toLowerCase()} plates
            </option>
          ))}
        </select>
      </label>
      {items.length === 0 ? <p className="devices__muted">No shelf has a plate in this state.</p> : null}
      <ul>
        {items.map((item) => (
          <li key={item.shelf}>
            <button
              type="button"
              className={`devices__shelf-button ${item.shelf === selected ? 'devices__shelf-button--selected' : ''}`}
              aria-current={item.shelf === selected ? 'true' : undefined}
              onClick={() => selectShelf(item.shelf)}
              data-testid={`shelf-${item.shelf}`}
            >
              <span className={`devices__dot devices__dot--${item.worst}`} aria-label={statusLabel[item.worst]} />
              <span className="devices__shelf-name">{item.shelf}</span>
              <span className="devices__muted">
                {item.plates} plates{item.attention > 0 ? ` · ${item.attention} need attention` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ShelvesTab() {
  const api = useAppStoreApi();
  const connection = useAppStore((state) => state.shell.connection);
  const overview = useAppStore((state) => state.devices.overview);
  const selectedShelf = useAppStore((state) => state.devices.selectedShelf);
  const refreshError = useAppStore((state) => state.devices.refreshError);
  const changeError = useAppStore((state) => state.devices.changeError);
  const notice = useAppStore((state) => state.devices.notice);
  const phase = selectDevicesPhase({ overview }, connection);

  useEffect(() => {
    if (connection !== 'open') return;
    const devices = api.getState().devices;
    void devices.refresh();
    const refresh = setInterval(() => void api.getState().devices.refresh(), REFRESH_MS);
    const renew = setInterval(() => void api.getState().devices.renewWatch(), RENEW_MS);
    const detach = devices.attachWeights();
    void devices.renewWatch();
    return () => {
      clearInterval(refresh);
      clearInterval(renew);
      detach();
    };
  }, [api, connection]);

  if (phase.kind === 'waiting' || phase.kind === 'loading' || phase.kind === 'error') {
    return <PendingPanel phase={phase} what="shelves and plates" onRetry={() => void api.getState().devices.load()} testId="devices" />;
  }
  if (phase.kind === 'empty') {
    return (
      <StatePanel tone="info" title="This store has no weighed plates" testId="devices-empty">
        <p>Its layout lists no shelves with plates. Import a store layout whose plates name the controller and channel that weighs them.</p>
      </StatePanel>
    );
  }
  const shelf = findShelf(phase.overview, selectedShelf);
  return (
    <>
      <Summary overview={phase.overview} />
      {refreshError ? (
        <p className="devices__stale" role="status">
          Could not refresh ({refreshError.message}); showing the last status.
        </p>
      ) : null}
      {changeError ? (
        <p className="devices__error" role="alert" data-testid="devices-change-error">
          {changeError.message}
        </p>
      ) : null}
      {notice ? (
        <p className="devices__notice" role="status" data-testid="devices-notice">
          {notice}
        </p>
      ) : null}
      <Problems overview={phase.overview} />
      <div className="devices__body">
        <ShelfList overview={phase.overview} />
        {shelf ? <ShelfDetail shelf={shelf} overview={phase.overview} /> : <StatePanel tone="info" title="Choose a shelf to see its plates" testId="devices-no-shelf" />}
      </div>
    </>
  );
}
