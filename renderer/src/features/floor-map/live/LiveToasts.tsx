// Alerts over the map as they happen — tailgating, refused scans, devices dropping out — so they are
// seen without watching the feed. Each goes away after a while or when closed; tailgating is
// announced assertively, the rest politely.
import { useEffect } from 'react';
import type { LiveEvent } from '../../../../../native-bridge/contract';
import { useAppStore } from '../../../state/StoreContext';
import { eventSeverity } from './live-feed';
import { useMoney, usePlanNames } from './live-hooks';
import { describeLiveEvent } from './live-words';
import './live.css';

/** How long a toast stays, wall time. */
export const TOAST_MS = 8000;

export function LiveToasts() {
  const toasts = useAppStore((state) => state.liveFloor.feed.toasts);
  if (toasts.length === 0) return null;
  return (
    <div className="live-toasts" data-testid="live-toasts">
      {toasts.map((event) => (
        <Toast key={event.seq} event={event} />
      ))}
    </div>
  );
}

function Toast({ event }: { event: LiveEvent }) {
  const dismiss = useAppStore((state) => state.liveFloor.dismissToast);
  const names = usePlanNames();
  const money = useMoney();
  useEffect(() => {
    const timer = setTimeout(() => dismiss(event.seq), TOAST_MS);
    return () => clearTimeout(timer);
  }, [dismiss, event.seq]);
  const severity = eventSeverity(event);
  return (
    <div className={`live-toast live-toast--${severity}`} role={severity === 'alert' ? 'alert' : 'status'} data-testid="live-toast" data-kind={event.kind}>
      <span className="live-toast__text">{describeLiveEvent(event, names, money)}</span>
      <button type="button" className="live-toast__close" onClick={() => dismiss(event.seq)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
