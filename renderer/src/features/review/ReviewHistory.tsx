// What reviewers did to this session, oldest first, with undo for the last correction while the
// session is open for correction; and the session's entries in the hash-chained audit log.
import type { ReviewSession } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { useTimeOfDay } from './review-hooks';
import { describeCorrection, reasonLabel, type NameOf } from './review-selectors';

export function ReviewHistory({ session, name }: { session: ReviewSession; name: NameOf }) {
  const undo = useAppStore((state) => state.review.undo);
  const busy = useAppStore((state) => state.review.busy);
  const time = useTimeOfDay();
  const canUndo = session.editable && session.corrections.some((c) => !c.undone) && session.undoBlockedBy === null;
  return (
    <section className="panel" aria-labelledby="review-history-title">
      <h3 id="review-history-title" className="panel__subtitle">
        Corrections
      </h3>
      {session.corrections.length === 0 ? (
        <p className="review__muted">None yet.</p>
      ) : (
        <ol className="review__history" data-testid="review-corrections">
          {session.corrections.map((c) => (
            <li key={c.id} className={c.undone ? 'review__undone' : undefined} data-testid={`correction-${c.id}`}>
              <span>{describeCorrection(c.action, name)}</span>
              <span className="review__muted">
                {' '}
                — {c.actor}, {time(c.at)}, {reasonLabel(c.reason)}
                {c.note ? `: “${c.note}”` : ''}
                {c.undone ? ` · undone by ${c.undone.by} at ${time(c.undone.at)}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      {session.editable && session.corrections.some((c) => !c.undone) ? (
        <p className="review__form-row">
          <button type="button" className="button" disabled={!canUndo || busy !== null} onClick={() => void undo()} data-testid="undo">
            {busy === 'undo' ? 'Undoing…' : 'Undo the last correction'}
          </button>
          {session.undoBlockedBy ? <span className="review__muted">{session.undoBlockedBy}</span> : null}
        </p>
      ) : null}
      <h3 className="panel__subtitle review__subhead">Audit log entries</h3>
      {session.audit.length === 0 ? (
        <p className="review__muted">No one has acted on this session.</p>
      ) : (
        <table className="review__table review__audit" data-testid="review-audit">
          <thead>
            <tr>
              <th>#</th>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Why</th>
              <th>Hash</th>
            </tr>
          </thead>
          <tbody>
            {session.audit.map((e) => (
              <tr key={e.id}>
                <td>{e.id}</td>
                <td>{new Date(e.at).toLocaleString()}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.reason}</td>
                <td>
                  <code title={e.hash}>{e.hash.slice(0, 10)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
