// The strip above the map: where the live data comes from, the store's clock, and the day's
// numbers. It also carries the layer's empty states, so "nothing is moving" is always explained:
// no frame yet, no feed configured on the host, or simply nobody on the floor.
import { useEffect, useState } from 'react';
import { dataOf } from '../../../state/load-state';
import { useAppStore } from '../../../state/StoreContext';
import { formatStoreClock, liveCounters, selectLivePhase, sourceLabel } from './live-selectors';
import './live.css';

/** After this long without a frame the strip says that the host may have no live feed at all. */
const SLOW_START_MS = 10_000;

export function LiveStatusStrip() {
  const frame = useAppStore((state) => state.liveFloor.frame);
  const system = useAppStore((state) => state.shell.system);
  const connection = useAppStore((state) => state.shell.connection);
  const phase = selectLivePhase({ frame });

  if (phase.kind === 'waiting') return <WaitingStrip />;
  if (phase.kind === 'no-feed') {
    return (
      <section className="live-strip live-strip--idle" aria-label="Live store status" data-testid="live-strip" data-state="no-feed">
        <span className="live-strip__badge live-strip__badge--none" data-testid="live-source">
          {sourceLabel(phase.frame)}
        </span>
        <span className="live-strip__note">No live feed is configured on this host, so the map shows the plan only.</span>
      </section>
    );
  }

  const live = phase.frame;
  const timeZone = dataOf(system)?.store.timezone;
  const counters = liveCounters(live);
  return (
    <section className="live-strip" aria-label="Live store status" data-testid="live-strip" data-state="live">
      <span className={`live-strip__badge live-strip__badge--${live.source}`} data-testid="live-source">
        <span className="live-strip__pulse" aria-hidden="true" />
        {sourceLabel(live)}
        {connection === 'open' ? null : ' · connection lost'}
      </span>
      <time className="live-strip__clock" dateTime={new Date(live.t).toISOString()} data-testid="live-clock" title="Store time">
        {formatStoreClock(live.t, timeZone)}
      </time>
      <dl className="live-strip__counters">
        {counters.map((counter) => (
          <div
            key={counter.key}
            className={counter.alert ? 'live-strip__counter live-strip__counter--alert' : 'live-strip__counter'}
            data-testid={`live-counter-${counter.key}`}
          >
            <dt>{counter.label}</dt>
            <dd data-testid={counter.key === 'occupancy' ? 'live-shopper-count' : undefined}>{counter.value}</dd>
          </div>
        ))}
      </dl>
      {live.shoppers.length === 0 ? (
        <span className="live-strip__note" data-testid="live-empty">
          No shoppers on the floor
        </span>
      ) : null}
    </section>
  );
}

function WaitingStrip() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), SLOW_START_MS);
    return () => clearTimeout(timer);
  }, []);
  return (
    <section className="live-strip live-strip--idle" aria-label="Live store status" data-testid="live-strip" data-state="waiting">
      <span className="live-strip__badge live-strip__badge--waiting" data-testid="live-source" role="status">
        Waiting for live data…
      </span>
      {slow ? (
        <span className="live-strip__note">
          Nothing has arrived yet. If the host was started without sensors or a simulation, there is no live feed to show.
        </span>
      ) : null}
    </section>
  );
}
