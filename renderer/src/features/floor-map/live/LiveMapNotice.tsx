// A notice over the map itself when the live layer cannot be taken at face value: the link to the
// host is lost or its feed has gone silent (shoppers are then dimmed where they were last seen),
// or nobody is on the floor. The strip above says the same in fewer words; this is what catches
// the eye of someone watching the map.
import { useAppStore } from '../../../state/StoreContext';
import { useNow } from './live-hooks';
import { selectLivePhase } from './live-selectors';
import './live.css';

export function LiveMapNotice() {
  const frame = useAppStore((state) => state.liveFloor.frame);
  const receivedAt = useAppStore((state) => state.liveFloor.receivedAt);
  const connection = useAppStore((state) => state.shell.connection);
  const now = useNow(1000);
  const phase = selectLivePhase({ frame, receivedAt }, connection, Math.max(now, receivedAt));
  switch (phase.kind) {
    case 'disconnected':
      return (
        <div className="live-notice live-notice--error" role="alert" data-testid="live-notice" data-state="disconnected">
          <strong>Connection to the host lost.</strong>{' '}
          {phase.frame ? 'Shoppers are shown where they were last seen. ' : ''}
          {connection === 'unauthorized' ? 'Open the suite again from the address the host printed.' : 'Reconnecting…'}
        </div>
      );
    case 'stalled':
      return (
        <div className="live-notice live-notice--warning" role="status" data-testid="live-notice" data-state="stalled">
          <strong>No live data for {Math.round(phase.silentMs / 1000)} s.</strong> Shoppers are shown where they were last seen.
        </div>
      );
    case 'live':
      return phase.frame.shoppers.length === 0 ? (
        <div className="live-notice live-notice--quiet" role="status" data-testid="live-notice" data-state="empty">
          {phase.frame.counters.openSessions === 0 ? 'The store is empty: nobody on the floor and no open sessions.' : 'Nobody on the floor right now.'}
        </div>
      ) : null;
    default:
      return null;
  }
}

/** Whether the live layer should be dimmed (its positions are not current). */
export function useLiveLayerFrozen(): boolean {
  const connection = useAppStore((state) => state.shell.connection);
  const hasFrame = useAppStore((state) => state.liveFloor.frame !== null);
  return hasFrame && (connection === 'closed' || connection === 'unauthorized');
}
