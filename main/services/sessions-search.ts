// Finds sessions for the replay picker in the session facts (main/facts): by session key, engine id
// or account prefix, by entry time, by a product on the receipt (matched by name words or SKU), or
// flagged only. Answers newest first, naming each session by its key across live runs.
import type { SessionSearchResult, SessionSummary } from '../../native-bridge/contract/dto-replay';
import type { ProductInfo } from '../../native-bridge/contract/dto-review';
import { parseSessionKey, sessionKey } from '../../native-bridge/contract/session-key';
import type { StoreDatabase } from '../db';
import type { SessionQuery, StoredSession } from '../facts/repository';
import { StoreCalendar } from '../facts/local-time';
import type { Product } from '../store/schema';

export interface SessionSearch {
  text: string;
  product: string;
  fromMs?: number | undefined;
  toMs?: number | undefined;
  flaggedOnly: boolean;
  limit: number;
}

/** Products a person could mean: the SKU itself, or every word found in the name. */
export function matchProducts(catalog: readonly Product[], text: string, max = 20): ProductInfo[] {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return [];
  const words = wanted.split(/\s+/);
  return catalog
    .filter((p) => p.sku.toLowerCase() === wanted || words.every((w) => p.name.toLowerCase().includes(w)))
    .slice(0, max)
    .map((p) => ({ sku: p.sku, name: p.name, priceMinor: p.priceMinor }));
}

/** How many facts rows to read before the filters the facts query cannot do itself (exact ms, run). */
const READ_AHEAD = 1000;

export function searchSessions(
  deps: { db: Pick<StoreDatabase, 'facts' | 'review'>; catalog: readonly Product[]; timezone: string },
  q: SessionSearch,
): SessionSearchResult {
  const matchedProducts = matchProducts(deps.catalog, q.product);
  if (q.product && matchedProducts.length === 0) return { sessions: [], matchedProducts, more: false };

  let run: number | undefined;
  let idPrefix = q.text;
  let exactId: string | undefined;
  if (/^r\d+\./.test(q.text)) {
    const key = parseSessionKey(q.text);
    run = key.runId;
    idPrefix = exactId = key.sessionId;
  }
  const calendar = new StoreCalendar(deps.timezone);
  const base: SessionQuery = {
    ...(idPrefix ? { search: idPrefix } : {}),
    ...(q.fromMs !== undefined ? { fromDay: calendar.day(q.fromMs) } : {}),
    ...(q.toMs !== undefined ? { toDay: calendar.day(q.toMs - 1) } : {}),
    ...(q.flaggedOnly ? { flagged: true } : {}),
    limit: READ_AHEAD,
  };
  const queries = matchedProducts.length > 0 ? matchedProducts.map((p) => ({ ...base, sku: p.sku })) : [base];
  const found = new Map<number, StoredSession>();
  for (const query of queries) for (const s of deps.db.facts.listSessions(query)) found.set(s.id, s);
  const sessions = [...found.values()]
    .filter((s) => (run === undefined || s.runId === run) && (exactId === undefined || s.sessionId === exactId))
    .filter((s) => (q.fromMs === undefined || s.enteredMs >= q.fromMs) && (q.toMs === undefined || s.enteredMs < q.toMs))
    .sort((a, b) => b.enteredMs - a.enteredMs || b.id - a.id);
  return { sessions: sessions.slice(0, q.limit).map((s) => summary(deps.db, s)), matchedProducts, more: sessions.length > q.limit };
}

function summary(db: Pick<StoreDatabase, 'review'>, s: StoredSession): SessionSummary {
  const key = sessionKey(s.runId, s.sessionId);
  return {
    sessionId: key,
    ...(s.account !== undefined ? { account: s.account } : {}),
    anonymous: s.kind === 'anonymous',
    enteredAt: s.enteredMs,
    ...(s.closedMs !== undefined ? { closedAt: s.closedMs } : {}),
    status: db.review.outcome(key)?.kind ?? s.state,
    flags: s.flags,
    units: s.units,
    valueMinor: s.valueMinor,
  };
}
