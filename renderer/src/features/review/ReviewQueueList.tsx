// The queue column: held sessions oldest first, each with why it was held. Choosing one puts it in
// the hash, which opens it.
import { hrefFor } from '../../app/routes';
import { pendingPhase } from '../../state/load-state';
import { useAppStore } from '../../state/StoreContext';
import { PendingPanel } from '../../ui/PendingPanel';
import { StatePanel } from '../../ui/StatePanel';
import { flagReasonLabels } from '../floor-map/live/live-words';
import { useTimeOfDay } from './review-hooks';

export function ReviewQueueList({ selected }: { selected: string | null }) {
  const queue = useAppStore((state) => state.review.queue);
  const connection = useAppStore((state) => state.shell.connection);
  const loadQueue = useAppStore((state) => state.review.loadQueue);
  const time = useTimeOfDay();
  const pending = pendingPhase(queue, connection);
  return (
    <nav className="panel review__queue" aria-label="Sessions held for review" data-testid="review-queue">
      {pending ? <PendingPanel phase={pending} what="the review queue" onRetry={() => void loadQueue()} testId="review-queue" /> : null}
      {queue.status === 'ready' && queue.data.items.length === 0 ? (
        <StatePanel tone="info" title="Nothing to review" testId="review-queue-empty">
          <p>No session is held. Sessions the engine doubts appear here as their shoppers leave.</p>
        </StatePanel>
      ) : null}
      {queue.status === 'ready' && queue.data.items.length > 0 ? (
        <ol className="review__queue-list">
          {queue.data.items.map((item) => (
            <li key={item.sessionId}>
              <a
                href={hrefFor('review', item.sessionId)}
                className="review__queue-item"
                aria-current={item.sessionId === selected ? 'true' : undefined}
                data-testid={`review-item-${item.sessionId}`}
              >
                <span className="review__queue-id">{item.sessionId}</span>
                <span className="review__muted">
                  held {time(item.heldAt)} · {item.anonymous ? 'anonymous' : item.account} · {item.units} {item.units === 1 ? 'unit' : 'units'}
                  {item.corrections > 0 ? ` · ${item.corrections} correction${item.corrections === 1 ? '' : 's'}` : ''}
                </span>
                <span className="review__reasons">
                  {item.reasons.map((reason) => (
                    <span key={reason} className="review__reason">
                      {flagReasonLabels[reason]}
                    </span>
                  ))}
                </span>
              </a>
            </li>
          ))}
        </ol>
      ) : null}
    </nav>
  );
}
