// The evidence behind a shelf event as two lists, shared by review and replay: the products the
// weight change could be, and the sessions (and nobody) that could have made it, with probabilities.
import type { EventEvidence } from '../../../../native-bridge/contract';
import { formatPercent } from '../floor-map/live/live-words';
import './evidence.css';

export function EvidenceLists({ evidence, name, highlight }: { evidence: EventEvidence; name: (sku: string) => string; highlight?: string }) {
  const a = evidence.attribution;
  return (
    <div className="evidence">
      <div>
        <div className="evidence__label">Products it could be</div>
        <ul className="evidence__list">
          {evidence.hypotheses.length === 0 ? <li>no product explains this weight</li> : null}
          {evidence.hypotheses.slice(0, 4).map((h, i) => (
            <li key={i}>
              {h.quantity < 0 ? 'put back' : 'took'} {Math.abs(h.quantity)} × {name(h.sku)} — {formatPercent(h.probability)}
            </li>
          ))}
        </ul>
      </div>
      <div>
        <div className="evidence__label">Who could have made it</div>
        {a ? (
          <ul className="evidence__list" data-testid="evidence-candidates">
            {a.candidates.map((c) => (
              <li key={c.sessionId} className={c.sessionId === highlight ? 'evidence__me' : undefined}>
                {c.sessionId} — {formatPercent(c.probability)} · track {c.trackId} at {c.distanceM.toFixed(2)} m
                {c.handDistanceM !== undefined ? `, hand ${c.handDistanceM.toFixed(2)} m` : ''}
              </li>
            ))}
            <li>
              nobody/staff — {formatPercent(a.nobody.probability)}
              {a.nobody.distanceM !== undefined ? ` (a track of no session at ${a.nobody.distanceM.toFixed(2)} m)` : ''}
            </li>
            {a.basis !== 'posterior' ? <li>charged to nobody: {a.basis === 'restock-mode' ? 'restock mode was on' : 'marked as staff work'}</li> : null}
            {a.late ? <li>arrived after the receipt: it did not change it</li> : null}
          </ul>
        ) : (
          <p className="evidence__muted">Never attributed.</p>
        )}
      </div>
    </div>
  );
}
