// The strip above the map: where the live data comes from, the store's clock, and the day's
// numbers. It also carries the layer's states, so "nothing is moving" is always explained: no frame
// yet, no feed configured on the host, the host's feed stalled, the link to the host lost (the
// figures then stay as last seen, marked so), or simply nobody on the floor.
import { useEffect, useState } from 'react';
import { dataOf } from '../../../state/load-state';
import { useAppStore } from '../../../state/StoreContext';
import { useNow } from './live-hooks';
import { formatStoreClock, liveCounters, selectLivePhase, sourceLabel, type LivePhase } from './live-selectors';
import './live.css';

/** After this long without a frame the strip says that the host may have no live feed at all. */
const SLOW_START_MS = 10_000;

export function LiveStatusStrip() {
  const frame = useAppStore((state) => state.liveFloor.frame);
  const receivedAt = useAppStore((state) => state.liveFloor.receivedAt);
  const devices = useAppStore((state) => state.liveFloor.devices);
  const system = useAppStore((state) => state.shell.system);
  const connection = useAppStore((state) => state.shell.connection);
  const now = useNow(1000);
  const phase = selectLivePhase({ frame, receivedAt }, connection, Math.max(now, receivedAt));

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
  if (phase.kind === 'disconnected' && !phase.frame) {
    return (
      <section className="live-strip live-strip--error" aria-label="Live store status" data-testid="live-strip" data-state="disconnected">
        <span className="live-strip__badge live-strip__badge--lost" data-testid="live-source" role="alert">
          Not connected to the host
        </span>
        <span className="live-strip__note">{connection === 'unauthorized' ? 'The host refused this page.' : 'Trying to reconnect…'}</span>
      </section>
    );
  }

  const live = phase.frame!;
  const timeZone = dataOf(system)?.store.timezone;
  const counters = liveCounters(live);
  const faults = devices?.faults.length ?? 0;
  return (
    <section className={`live-strip live-strip--${phase.kind}`} aria-label="Live store status" data-testid="live-strip" data-state={phase.kind}>
      <SourceBadge phase={phase} />
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
        {devices ? (
          <div className={faults > 0 ? 'live-strip__counter live-strip__counter--alert' : 'live-strip__counter'} data-testid="live-counter-devices">
            <dt>Devices down</dt>
            <dd title={`${devices.online} devices reporting`}>{faults}</dd>
          </div>
        ) : null}
      </dl>
      {phase.kind === 'live' && live.shoppers.length === 0 ? (
        <span className="live-strip__note" data-testid="live-empty">
          No shoppers on the floor
        </span>
      ) : null}
    </section>
  );
}

function SourceBadge({ phase }: { phase: Extract<LivePhase, { frame: unknown }> }) {
  if (phase.kind === 'disconnected') {
    return (
      <span className="live-strip__badge live-strip__badge--lost" data-testid="live-source" role="alert">
        Connection to the host lost · figures as last seen
      </span>
    );
  }
  if (phase.kind === 'stalled') {
    return (
      <span className="live-strip__badge live-strip__badge--lost" data-testid="live-source" role="status">
        Live feed silent for {Math.round(phase.silentMs / 1000)} s · figures as last seen
      </span>
    );
  }
  return (
    <span className={`live-strip__badge live-strip__badge--${phase.frame!.source}`} data-testid="live-source">
      <span className="live-strip__pulse" aria-hidden="true" />
      {sourceLabel(phase.frame!)}
    </span>
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
