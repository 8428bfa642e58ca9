// The session under review: why it was held, its cart (priced, with what changed since the
// engine's), the shelf events behind it with their evidence and where each could go, the
// correction tools, the history with undo, and approval, closing without charge, or refund.
import { hrefFor } from '../../app/routes';
import { pendingPhase } from '../../state/load-state';
import { useAppStore } from '../../state/StoreContext';
import { PendingPanel } from '../../ui/PendingPanel';
import { flagReasonLabels } from '../floor-map/live/live-words';
import { ApprovalBox } from './ApprovalBox';
import { CorrectionForm } from './CorrectionForm';
import { ReviewCartTable } from './ReviewCartTable';
import { ReviewEventCard } from './ReviewEventCard';
import { ReviewHistory } from './ReviewHistory';
import { WaiveBox } from './WaiveBox';
import { useTimeOfDay } from './review-hooks';
import { eventGroups, productNames } from './review-selectors';

const statusLabels = {
  open: 'still in the store',
  charged: 'charged without review',
  'held-for-review': 'held for review',
  approved: 'approved',
  waived: 'closed without charge',
} as const;

export function ReviewSessionPanel() {
  const session = useAppStore((state) => state.review.session);
  const connection = useAppStore((state) => state.shell.connection);
  const selected = useAppStore((state) => state.review.selected);
  const open = useAppStore((state) => state.review.open);
  const notice = useAppStore((state) => state.review.notice);
  const commandError = useAppStore((state) => state.review.commandError);
  const time = useTimeOfDay();

  const pending = pendingPhase(session, connection);
  if (pending || session.status !== 'ready') {
    return pending ? <PendingPanel phase={pending} what={`session ${selected ?? ''}`} onRetry={() => selected && void open(selected)} testId="review-session" /> : null;
  }
  const s = session.data;
  const name = productNames(s);
  const { inCart, elsewhere } = eventGroups(s);
  return (
    <article className="review__session" aria-labelledby="review-session-title" data-testid="review-session">
      <header className="panel review__session-head">
        <h2 id="review-session-title" className="review__title">
          Session {s.sessionId}
          <span className={`review__status review__status--${s.status}`} data-testid="review-status">
            {statusLabels[s.status]}
          </span>
        </h2>
        <p className="review__muted">
          {s.anonymous ? 'Anonymous (came in without a scan)' : `Account ${s.account}`} · in {time(s.openedAt)}
          {s.closedAt !== undefined ? ` · receipt ${time(s.closedAt)}` : ''} · <a href={hrefFor('replay', s.sessionId)}>Replay this session</a>
        </p>
        {notice ? (
          <p className="review__notice" role="status" data-testid="review-notice">
            {notice}
          </p>
        ) : null}
        {commandError ? (
          <p className="review__error" role="alert" data-testid="review-command-error">
            {commandError.message}
          </p>
        ) : null}
      </header>

      <section className="panel" aria-labelledby="review-flags-title">
        <h3 id="review-flags-title" className="panel__subtitle">
          Why it was held
        </h3>
        {s.flags.length === 0 ? (
          <p className="review__muted">No flags: the engine was sure of this session.</p>
        ) : (
          <ul className="review__flags" data-testid="review-flags">
            {s.flags.map((f, i) => (
              <li key={i}>
                <strong>{flagReasonLabels[f.reason]}</strong> <span className="review__muted">({time(f.t)})</span> — {f.detail}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ReviewCartTable session={s} name={name} />

      <section className="panel" aria-labelledby="review-events-title">
        <h3 id="review-events-title" className="panel__subtitle">
          Shelf events in this cart
        </h3>
        {inCart.length === 0 ? <p className="review__muted">None.</p> : inCart.map((e) => <ReviewEventCard key={e.id} session={s} event={e} name={name} />)}
        {elsewhere.length > 0 ? (
          <>
            <h3 className="panel__subtitle review__subhead">Events it came close to</h3>
            {elsewhere.map((e) => (
              <ReviewEventCard key={e.id} session={s} event={e} name={name} />
            ))}
          </>
        ) : null}
      </section>

      {s.editable ? <CorrectionForm session={s} name={name} /> : null}
      <ApprovalBox session={s} name={name} />
      <WaiveBox session={s} />
      <ReviewHistory session={s} name={name} />
    </article>
  );
}
