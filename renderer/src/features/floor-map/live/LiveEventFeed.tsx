// The store's events as they happen, newest first, in the map's side column: check-ins, refused
// scans, tailgating, flags, receipts and devices going down or coming back. An entry about a shopper
// still on the floor selects them on click, so a manager goes from an alert to the person at once.
import { dataOf } from '../../../state/load-state';
import { useAppStore, useAppStoreApi } from '../../../state/StoreContext';
import { eventSeverity } from './live-feed';
import { useMoney, usePlanNames } from './live-hooks';
import { formatTimeOfDay } from './live-selectors';
import { describeLiveEvent } from './live-words';
import { shopperForEvent } from './session-selectors';
import './live.css';

/** Entries shown; the slice keeps a few more. */
const SHOWN = 12;

export function LiveEventFeed() {
  const api = useAppStoreApi();
  const feed = useAppStore((state) => state.liveFloor.feed.feed);
  const hasFeed = useAppStore((state) => state.liveFloor.frame !== null && state.liveFloor.frame.source !== 'none');
  const timeZone = useAppStore((state) => dataOf(state.shell.system)?.store.timezone);
  const names = usePlanNames();
  const money = useMoney();
  if (!hasFeed) return null;

  const show = (event: (typeof feed)[number]) => {
    const live = api.getState().liveFloor;
    const trackId = shopperForEvent(live.frame, event);
    if (trackId !== null) live.select(trackId);
  };

  return (
    <section className="side-section live-feed" aria-labelledby="live-feed-title" data-testid="live-feed">
      <h3 id="live-feed-title" className="side-section__title">
        Store events
      </h3>
      {feed.length === 0 ? (
        <p className="live-feed__empty" data-testid="live-feed-empty">
          Nothing has happened at the gates since this page opened.
        </p>
      ) : (
        <ol className="live-feed__list" aria-live="polite" aria-relevant="additions">
          {feed.slice(0, SHOWN).map((event) => {
            const text = describeLiveEvent(event, names, money);
            const pointsAtShopper = 'trackId' in event || 'sessionId' in event;
            return (
              <li key={event.seq} className={`live-feed__item live-feed__item--${eventSeverity(event)}`} data-testid="live-feed-item" data-kind={event.kind}>
                <time className="live-feed__time">{formatTimeOfDay(event.t, timeZone)}</time>
                {pointsAtShopper ? (
                  <button type="button" className="live-feed__link" onClick={() => show(event)} title="Show this shopper if they are on the floor">
                    {text}
                  </button>
                ) : (
                  <span>{text}</span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
