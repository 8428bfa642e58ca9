// Close a held session without charge: the only way out for a tailgater's session (no account to
// charge), and a deliberate choice for a shopper with one (goodwill, a disputed visit), which the
// reviewer must tick. Afterwards: who waived it, why, what went uncharged, and whether the payment
// side closed the receipt (with a retry if it did not).
import { useState, type FormEvent } from 'react';
import { waiveReasonLabels, type ReviewSession, type WaiveReason } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { useMoneyIn, useTimeOfDay } from './review-hooks';
import { waiveDecision, waiveReasonChoices, waiverPaymentLabel } from './review-selectors';

export function WaiveBox({ session }: { session: ReviewSession }) {
  const money = useMoneyIn(session.currency);
  const time = useTimeOfDay();
  const waiver = session.waiver;
  if (!waiver && !session.editable) return null;
  return (
    <section className="panel" aria-labelledby="review-waive-title" data-testid="waive-box">
      <h3 id="review-waive-title" className="panel__subtitle">
        {waiver ? 'Closed without charge' : 'Close without charge'}
      </h3>
      {waiver ? (
        <div data-testid="waiver">
          <p>
            {waiver.actor} closed it without charge at {time(waiver.at)} — {waiveReasonLabels[waiver.reason]}: “{waiver.note}”. Not charged: {money(waiver.totalMinor)}.
          </p>
          <WaiverPayment session={session} />
        </div>
      ) : (
        <WaiveForm session={session} />
      )}
    </section>
  );
}

function WaiverPayment({ session }: { session: ReviewSession }) {
  const waive = useAppStore((state) => state.review.waive);
  const busy = useAppStore((state) => state.review.busy);
  const waiver = session.waiver!;
  return (
    <>
      <p className={waiver.payment.state === 'failed' ? 'review__error' : 'review__muted'} data-testid="waiver-payment">
        {waiverPaymentLabel(waiver.payment)}
      </p>
      {waiver.payment.state !== 'issued' ? (
        <button type="button" className="button" disabled={busy !== null} onClick={() => void waive({ reason: waiver.reason, note: waiver.note })} data-testid="waive-retry">
          Retry telling the payment side
        </button>
      ) : null}
    </>
  );
}

function WaiveForm({ session }: { session: ReviewSession }) {
  const waive = useAppStore((state) => state.review.waive);
  const busy = useAppStore((state) => state.review.busy);
  const money = useMoneyIn(session.currency);
  const choices = waiveReasonChoices(session);
  const [reason, setReason] = useState<WaiveReason>(choices[0]!);
  const [note, setNote] = useState('');
  const [accountConfirmed, setAccountConfirmed] = useState(false);
  const checked = waiveDecision(session, { reason, note, accountConfirmed });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ('decision' in checked) void waive(checked.decision);
  };
  return (
    <form onSubmit={submit} aria-label="Close without charge" data-testid="waive-form">
      <p className="review__muted">
        {session.anonymous
          ? 'This session came in without a scan: there is no account to charge. Close it without charge, saying why.'
          : `Nobody will be charged the ${money(session.totalMinor)} in this cart. Account ${session.account} could be charged: approve instead unless you mean to let it go.`}
      </p>
      <div className="review__form-row">
        <select aria-label="Why nobody is charged" value={reason} onChange={(e) => setReason(e.target.value as WaiveReason)} data-testid="waive-reason">
          {choices.map((r) => (
            <option key={r} value={r}>
              {waiveReasonLabels[r]}
            </option>
          ))}
        </select>
        <input aria-label="Waiver note" placeholder="note (required)" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="waive-note" />
        {session.anonymous ? null : (
          <label className="review__inline">
            <input type="checkbox" checked={accountConfirmed} onChange={(e) => setAccountConfirmed(e.target.checked)} data-testid="waive-account-confirm" />
            Let account {session.account} go uncharged on purpose
          </label>
        )}
        <button type="submit" className="button" disabled={busy !== null || 'invalid' in checked} data-testid="waive">
          {busy === 'waive' ? 'Closing…' : `Close without charging ${money(session.totalMinor)}`}
        </button>
      </div>
      {'invalid' in checked && note.length > 0 ? <p className="review__muted">{checked.invalid}</p> : null}
    </form>
  );
}
