// Finding a session to replay: by session or account, by product, by entry time, flagged only.
// Results newest first; choosing one puts it in the hash, which opens it.
import type { FormEvent } from 'react';
import { hrefFor } from '../../app/routes';
import { useAppStore } from '../../state/StoreContext';
import { StatePanel } from '../../ui/StatePanel';
import { flagReasonLabels } from '../floor-map/live/live-words';
import { useMoneyIn, useTimeOfDay } from '../review/review-hooks';
import { dataOf, pendingPhase } from '../../state/load-state';
import { PendingPanel } from '../../ui/PendingPanel';
import { fieldTime } from './replay-selectors';

export function SessionSearch({ selected }: { selected: string | null }) {
  const query = useAppStore((state) => state.replay.query);
  const results = useAppStore((state) => state.replay.results);
  const setQuery = useAppStore((state) => state.replay.setQuery);
  const search = useAppStore((state) => state.replay.search);
  const currency = useAppStore((state) => dataOf(state.shell.system)?.store.currency);
  const connection = useAppStore((state) => state.shell.connection);
  const pending = pendingPhase(results, connection);
  const money = useMoneyIn(currency);
  const time = useTimeOfDay();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search();
  };
  return (
    <nav className="panel replay__search" aria-label="Find a session" data-testid="replay-search">
      <form onSubmit={submit} className="replay__search-form">
        <input aria-label="Session or account" placeholder="session (r1.S12) or account" value={query.text} onChange={(e) => setQuery({ text: e.target.value })} data-testid="replay-search-text" />
        <input aria-label="Product" placeholder="product name or SKU" value={query.product} onChange={(e) => setQuery({ product: e.target.value })} data-testid="replay-search-product" />
        <label className="replay__field">
          entered from
          <input type="datetime-local" onChange={(e) => setQuery({ fromMs: fieldTime(e.target.value) })} data-testid="replay-search-from" />
        </label>
        <label className="replay__field">
          until
          <input type="datetime-local" onChange={(e) => setQuery({ toMs: fieldTime(e.target.value) })} data-testid="replay-search-to" />
        </label>
        <label className="replay__field replay__field--inline">
          <input type="checkbox" checked={query.flaggedOnly} onChange={(e) => setQuery({ flaggedOnly: e.target.checked })} /> flagged only
        </label>
        <button type="submit" className="button button--primary" data-testid="replay-search-go">
          Search
        </button>
      </form>
      {pending ? <PendingPanel phase={pending} what="sessions" onRetry={() => void search()} testId="replay-search" /> : null}
      {results.status === 'ready' && results.data.sessions.length === 0 ? (
        <StatePanel tone="info" title="No session matches" testId="replay-search-empty">
          <p>{query.product && results.data.matchedProducts.length === 0 ? `No product is called “${query.product}”.` : 'Try a wider time range, or fewer words.'}</p>
        </StatePanel>
      ) : null}
      {results.status === 'ready' && results.data.matchedProducts.length > 0 ? (
        <p className="replay__muted">Products: {results.data.matchedProducts.map((p) => p.name).join(', ')}</p>
      ) : null}
      {results.status === 'ready' && results.data.sessions.length > 0 ? (
        <ol className="replay__results" data-testid="replay-results">
          {results.data.sessions.map((s) => (
            <li key={s.sessionId}>
              <a href={hrefFor('replay', s.sessionId)} className="replay__result" aria-current={s.sessionId === selected ? 'true' : undefined} data-testid={`replay-result-${s.sessionId}`}>
                <span className="replay__result-id">{s.sessionId}</span>
                <span className="replay__muted">
                  {time(s.enteredAt)}
                  {s.closedAt !== undefined ? `–${time(s.closedAt)}` : ' (in store)'} · {s.anonymous ? 'anonymous' : s.account} · {s.units} units · {money(s.valueMinor)} · {s.status}
                </span>
                {s.flags.length > 0 ? <span className="replay__flags">{s.flags.map((f) => flagReasonLabels[f]).join(' · ')}</span> : null}
              </a>
            </li>
          ))}
          {results.data.more ? <li className="replay__muted">More sessions match: narrow the search.</li> : null}
        </ol>
      ) : null}
    </nav>
  );
}
