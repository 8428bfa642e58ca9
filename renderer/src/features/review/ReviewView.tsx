// The Review page: the queue of sessions held for review, oldest first, beside the session being
// reviewed (#/review/<session>). Loading, empty and error states for both; the queue re-reads
// itself every few seconds so sessions the live engine holds appear without a reload.
import { useEffect } from 'react';
import { hrefFor } from '../../app/routes';
import { useHashParam } from '../../app/useHashRoute';
import { useAppStore, useAppStoreApi } from '../../state/StoreContext';
import { AuditCheck } from './AuditCheck';
import { ReviewQueueList } from './ReviewQueueList';
import { ReviewSessionPanel } from './ReviewSessionPanel';
import './review.css';

const REFRESH_MS = 5000;

export function ReviewView() {
  const api = useAppStoreApi();
  const connection = useAppStore((state) => state.shell.connection);
  const queue = useAppStore((state) => state.review.queue);
  const selected = useAppStore((state) => state.review.selected);
  const wanted = useHashParam();

  useEffect(() => {
    if (connection !== 'open') return undefined;
    const { loadQueue } = api.getState().review;
    void loadQueue();
    const timer = setInterval(() => void loadQueue(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [api, connection]);

  // The hash names the session on screen, so a link (from the replay, from a colleague) opens it.
  useEffect(() => {
    if (connection !== 'open') return;
    const review = api.getState().review;
    if (wanted && wanted !== review.selected) void review.open(wanted);
    if (!wanted && review.selected) review.close();
  }, [api, connection, wanted]);

  const waiting = queue.status === 'ready' ? queue.data.total : null;
  return (
    <section className="page page--review" aria-labelledby="page-title">
      <header className="page__header">
        <h1 id="page-title" className="page__title">
          Review
        </h1>
        <p className="page__meta" data-testid="review-waiting">
          {waiting === null ? 'Sessions held for review, oldest first' : `${waiting} session${waiting === 1 ? '' : 's'} waiting, oldest first`}
        </p>
        <AuditCheck />
      </header>
      <div className="review">
        <ReviewQueueList selected={selected} />
        {selected ? (
          <ReviewSessionPanel />
        ) : (
          <div className="panel review__placeholder" data-testid="review-none-selected">
            <p>Pick a session from the queue to see why it was held and correct its cart.</p>
            <p className="review__muted">
              A charged session can be opened by its id for a refund: <code>{hrefFor('review', 'r1.S12')}</code>
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
