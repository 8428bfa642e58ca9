// The evidence behind one shelf event: what the weight change could be, who could have made it
// (with probabilities), who holds it now, and the plates' weight curve from the input log.
import type { ReplayEvent, SessionReplay } from '../../../../native-bridge/contract';
import { useAppStore } from '../../state/StoreContext';
import { EvidenceLists } from '../review/EvidenceLists';
import { useTimeOfDay } from '../review/review-hooks';
import { WeightChart } from './WeightChart';

export function EventEvidence({ replay, event }: { replay: SessionReplay; event: ReplayEvent }) {
  const weights = useAppStore((state) => state.replay.weights[event.id]);
  const close = useAppStore((state) => state.replay.focusEvent);
  const time = useTimeOfDay();
  const name = (sku: string) => replay.products.find((p) => p.sku === sku)?.name ?? sku;
  const a = event.attribution;
  return (
    <section className="replay__side-section" aria-labelledby="replay-evidence-title" data-testid="replay-evidence">
      <div className="replay__side-head">
        <h3 id="replay-evidence-title" className="panel__subtitle">
          Evidence · {event.id}
        </h3>
        <button type="button" className="button" onClick={() => close(null)} aria-label="Close the evidence">
          ×
        </button>
      </div>
      <p className="replay__muted">
        {time(event.startMs)}–{time(event.endMs)} · {event.shelf} · plates {event.plates.join(', ')} · Δ {event.deltaGrams.map((g) => `${Math.round(g)} g`).join(', ')}
      </p>
      <EvidenceLists evidence={event} name={name} highlight={replay.session.sessionId} />
      <p className="replay__muted">
        Charged to {event.owner}
        {a && a.sessionId !== event.owner ? ` (the engine chose ${a.sessionId}; a reviewer moved it)` : ''}.
      </p>
      <div className="replay__label">Plate weight</div>
      {!weights || weights.status === 'loading' || weights.status === 'idle' ? <p className="replay__muted">Reading the input log…</p> : null}
      {weights?.status === 'error' ? <p className="replay__error">{weights.error.message}</p> : null}
      {weights?.status === 'ready' ? <WeightChart weights={weights.data} event={event} /> : null}
    </section>
  );
}
