// The bottom bar: the host's latest health report, so a stalled or struggling host is noticed
// before a feature misbehaves. Nothing is shown until the host has actually reported.
import { useAppStore } from '../state/StoreContext';
import { healthItems, selectHealthIsStale } from './shell-selectors';

export function StatusBar() {
  const health = useAppStore((state) => state.shell.health);
  const connection = useAppStore((state) => state.shell.connection);
  const stale = selectHealthIsStale({ health, connection });
  return (
    <footer className="status-bar" data-testid="host-health" data-state={health ? (stale ? 'stale' : 'live') : 'waiting'}>
      <span className="status-bar__title">Host</span>
      {health === null ? (
        <span className="status-bar__waiting">waiting for host…</span>
      ) : (
        <>
          <dl className="status-bar__items">
            {healthItems(health).map((item) => (
              <div key={item.key} className="status-bar__item" data-testid={`health-${item.key}`}>
                <dt>{item.label}</dt>
                <dd>{item.value}</dd>
              </div>
            ))}
          </dl>
          <span className="status-bar__time">
            {stale ? 'last report ' : 'as of '}
            <time dateTime={health.at}>{new Date(health.at).toLocaleTimeString()}</time>
          </span>
        </>
      )}
    </footer>
  );
}
