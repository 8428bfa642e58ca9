// Approve (issue the corrected receipt through the payment adapter), see what became of the
// payment, and refund after charge. A session closed without charge has none of this (WaiveBox),
// and a tailgater's cannot be approved: there is no account to charge.
import { useState, type FormEvent } from 'react';
import type { CorrectionReason, ReviewSession } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { ReasonFields } from './ReasonFields';
import { useMoneyIn, useTimeOfDay } from './review-hooks';
import { paymentLabel, reasonLabel, type NameOf } from './review-selectors';

export function ApprovalBox({ session, name }: { session: ReviewSession; name: NameOf }) {
  const approve = useAppStore((state) => state.review.approve);
  const busy = useAppStore((state) => state.review.busy);
  const money = useMoneyIn(session.currency);
  const time = useTimeOfDay();
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void approve(note.trim());
  };
  const approval = session.approval;
  if (session.waiver) return null;
  return (
    <section className="panel" aria-labelledby="review-approve-title" data-testid="approval-box">
      <h3 id="review-approve-title" className="panel__subtitle">
        {approval ? 'Approved' : session.status === 'charged' ? 'Charged' : 'Approve'}
      </h3>
      {session.editable && session.anonymous ? (
        <p className="review__muted" data-testid="approve-unavailable">
          Came in without a scan: there is no account to charge. Close it without charge instead.
        </p>
      ) : null}
      {session.editable && !session.anonymous ? (
        <form className="review__form-row" onSubmit={submit}>
          <input aria-label="Approval note" placeholder="note (optional)" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} data-testid="approve-note" />
          <button type="submit" className="button button--primary" disabled={busy !== null} data-testid="approve">
            {busy === 'approve' ? 'Approving…' : `Approve and charge ${money(session.totalMinor)}`}
          </button>
        </form>
      ) : null}
      {approval ? (
        <div data-testid="approval">
          <p>
            {approval.actor} approved {money(approval.totalMinor)} at {time(approval.at)}
            {approval.note ? ` — “${approval.note}”` : ''}.
          </p>
          <p className={approval.payment.state === 'failed' ? 'review__error' : 'review__muted'} data-testid="approval-payment">
            {paymentLabel(approval.payment)}
          </p>
          {approval.payment.state !== 'issued' ? (
            <button type="button" className="button" disabled={busy !== null} onClick={() => void approve(approval.note)} data-testid="approve-retry">
              Retry the payment
            </button>
          ) : null}
        </div>
      ) : null}
      {session.status === 'open' ? <p className="review__muted">The shopper is still in the store: the cart is reviewed once the receipt is held.</p> : null}
      {session.refundable.length > 0 ? <RefundForm session={session} name={name} /> : null}
      {session.refunds.length > 0 ? (
        <ul className="review__plain-list" data-testid="refunds">
          {session.refunds.map((r) => (
            <li key={r.id}>
              Refund #{r.id}: {r.lines.map((l) => `${l.quantity} × ${l.name}`).join(', ')} = {money(r.totalMinor)} by {r.actor} at {time(r.at)} ({reasonLabel(r.reason)}
              {r.note ? `: ${r.note}` : ''}) — {paymentLabel(r.payment)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function RefundForm({ session, name }: { session: ReviewSession; name: NameOf }) {
  const refund = useAppStore((state) => state.review.refund);
  const busy = useAppStore((state) => state.review.busy);
  const [sku, setSku] = useState(session.refundable[0]!.sku);
  const [quantity, setQuantity] = useState(1);
  const [reason, setReason] = useState<CorrectionReason>('customer-dispute');
  const [note, setNote] = useState('');
  const most = session.refundable.find((i) => i.sku === sku)?.quantity ?? 0;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void refund([{ sku, quantity }], reason, note.trim()).then((ok) => ok && setNote(''));
  };
  return (
    <form className="review__form-row" onSubmit={submit} aria-label="Refund" data-testid="refund-form">
      <select aria-label="Line to refund" value={sku} onChange={(e) => setSku(e.target.value)}>
        {session.refundable.map((i) => (
          <option key={i.sku} value={i.sku}>
            {name(i.sku)} (up to {i.quantity})
          </option>
        ))}
      </select>
      <input type="number" aria-label="Units to refund" min={1} max={most} value={quantity} onChange={(e) => setQuantity(Number(e.target.value))} />
      <ReasonFields idPrefix="refund" reason={reason} note={note} onReason={setReason} onNote={setNote} />
      <button type="submit" className="button" disabled={busy !== null || quantity < 1 || quantity > most} data-testid="refund">
        Refund
      </button>
    </form>
  );
}
