// One shelf event with the evidence the engine decided on (the weight change, the products it could
// be, the sessions that could have made it, with their probabilities) and, while the session can be
// corrected, where the event can be moved, previewed before it is sent.
import { useState, type FormEvent } from 'react';
import type { CorrectionReason, ReviewEvent, ReviewSession } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { EvidenceLists } from './EvidenceLists';
import { ReasonFields } from './ReasonFields';
import { useTimeOfDay } from './review-hooks';
import { previewCorrection, reassignChoices, type NameOf } from './review-selectors';

export function ReviewEventCard({ session, event, name }: { session: ReviewSession; event: ReviewEvent; name: NameOf }) {
  const time = useTimeOfDay();
  const grams = event.deltaGrams.reduce((a, b) => a + b, 0);
  return (
    <div className="review__event" data-testid={`review-event-${event.id}`}>
      <div className="review__event-head">
        <strong>{event.id}</strong>
        <span className="review__muted">
          {time(event.startMs)} · {event.shelf} · plates {event.plates.join(', ')} · {grams > 0 ? '+' : ''}
          {Math.round(grams)} g · now charged to <span data-testid="review-event-owner">{event.owner}</span>
          {event.owner !== event.engineOwner ? ` (engine: ${event.engineOwner})` : ''}
        </span>
      </div>
      <EvidenceLists evidence={event} name={name} highlight={session.sessionId} />
      {session.editable ? <MoveEvent session={session} event={event} name={name} /> : null}
    </div>
  );
}

function MoveEvent({ session, event, name }: { session: ReviewSession; event: ReviewEvent; name: NameOf }) {
  const correct = useAppStore((state) => state.review.correct);
  const busy = useAppStore((state) => state.review.busy);
  const choices = reassignChoices(session, event);
  const [choice, setChoice] = useState(0);
  const [reason, setReason] = useState<CorrectionReason>('wrong-shopper');
  const [note, setNote] = useState('');
  const picked = choices[choice] ?? choices[0];
  if (!picked) return null;
  const preview = previewCorrection(session, picked.request);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void correct(picked.request, reason, note.trim()).then((ok) => ok && setNote(''));
  };
  return (
    <form className="review__move" onSubmit={submit} aria-label={`Move event ${event.id}`}>
      <select aria-label={`Where event ${event.id} goes`} value={choice} onChange={(e) => setChoice(Number(e.target.value))} data-testid={`move-target-${event.id}`}>
        {choices.map((c, i) => (
          <option key={i} value={i}>
            {c.label}
          </option>
        ))}
      </select>
      <ReasonFields idPrefix={`move-${event.id}`} reason={reason} note={note} onReason={setReason} onNote={setNote} />
      <button type="submit" className="button" disabled={busy !== null || 'refused' in preview} data-testid={`move-apply-${event.id}`}>
        Move
      </button>
      <span className="review__muted review__preview">{'refused' in preview ? `Not possible: ${preview.refused}` : `This cart after: ${preview.cart.lines.map((l) => `${l.quantity} × ${name(l.sku)}`).join(', ') || 'empty'}`}</span>
    </form>
  );
}
