// From the engine's receipt decisions (stored by the live pipeline) to receipts: each is priced from
// the catalog, tied to its shopper's account through the session's admission, and recorded — a
// charged receipt together with its charge in the outbox, in one transaction. A receipt the engine
// charged is still held when it cannot be charged as it stands (no account, an item the catalog
// does not know): a person decides, nothing is charged on a guess.
import { z } from 'zod';
import type { NewReceipt, OutboxMessageInput, StoreDatabase, StoredDecision } from '../db';
import type { StoreModel } from '../store/schema';
import { paymentMessage, receiptIdOf } from './payment-message';
import { priceLines } from './pricing';
import { problems } from './problems';

const receiptDecisionSchema = z.object({
  kind: z.literal('receipt'),
  t: z.number(),
  sessionId: z.string().min(1),
  tokenNonce: z.string().optional(),
  status: z.enum(['charged', 'held-for-review']),
  lines: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })),
  flags: z.array(z.string()),
});

const admissionSchema = z.object({ account: z.string().min(1) });

export interface IngestDeps {
  db: StoreDatabase;
  store: StoreModel;
  wallNow: () => number;
  log: (line: string) => void;
}

export interface IngestResult {
  /** Receipts recorded. */
  recorded: number;
  /** Of which charged (their charge queued). */
  charged: number;
}

/** Records the receipts decided since the last call, oldest first, `batch` at a time. */
export function ingestReceipts(deps: IngestDeps, batch = 200): IngestResult {
  const catalog = new Map(deps.store.catalog.map((p) => [p.sku, p]));
  const result: IngestResult = { recorded: 0, charged: 0 };
  for (;;) {
    const unread = deps.db.receipts.unread(batch);
    for (const decision of unread) {
      const receipt = toReceipt(deps, catalog, decision);
      if (!receipt) {
        deps.db.receipts.skip(decision.id);
        continue;
      }
      const charge = receipt.status === 'charged' ? chargeOf(receipt, deps.store.layout.id) : undefined;
      const { recorded, id } = deps.db.receipts.record(receipt, charge);
      if (!recorded) {
        deps.log(`walkout: payments: a second receipt for session ${receipt.sessionId} of live run ${receipt.runId} (decision ${decision.id}) was not recorded; ${id} stands`);
        continue;
      }
      result.recorded++;
      if (charge) result.charged++;
    }
    if (unread.length < batch) return result;
  }
}

function toReceipt(deps: IngestDeps, catalog: Map<string, StoreModel['catalog'][number]>, decision: StoredDecision): NewReceipt | undefined {
  const parsed = receiptDecisionSchema.safeParse(safeJson(decision.json));
  if (!parsed.success || decision.runId === undefined) {
    deps.log(`walkout: payments: decision ${decision.id} is not a readable receipt (${parsed.error ? problems(parsed.error) : 'no live run'}); skipped`);
    return undefined;
  }
  const d = parsed.data;
  const account = accountOf(deps.db, decision.runId, d.sessionId);
  const priced = priceLines(catalog, d.lines);
  const holds: string[] = [];
  if (d.status === 'charged' && account === undefined) holds.push('no account is known for this session');
  if (d.status === 'charged' && priced.unknown.length > 0) holds.push(`the catalog has no price for ${priced.unknown.join(', ')}`);
  return {
    id: receiptIdOf(deps.store.layout.id, decision.runId, d.sessionId),
    runId: decision.runId,
    sessionId: d.sessionId,
    decisionId: decision.id,
    t: d.t,
    status: d.status === 'charged' && holds.length === 0 ? 'charged' : 'held-for-review',
    ...(account !== undefined ? { account } : {}),
    ...(d.tokenNonce !== undefined ? { tokenNonce: d.tokenNonce } : {}),
    currency: deps.store.layout.currency,
    lines: priced.lines,
    flags: d.flags,
    totalMinor: priced.totalMinor,
    ...(holds.length > 0 ? { note: `held by payments: ${holds.join('; ')}` } : {}),
    wallMs: deps.wallNow(),
  };
}

/** A receipt's one charge: its whole total, keyed by the receipt id. */
function chargeOf(receipt: NewReceipt, storeId: string): OutboxMessageInput {
  const payment = { key: receipt.id, type: 'charge' as const, amountMinor: receipt.totalMinor, lines: receipt.lines };
  return { key: receipt.id, receiptId: receipt.id, type: 'charge', amountMinor: receipt.totalMinor, message: paymentMessage(receipt, payment, storeId, receipt.wallMs) };
}

/** The account of the token the session was admitted on (tailgaters' sessions have none). */
function accountOf(db: StoreDatabase, runId: number, sessionId: string): string | undefined {
  const [admitted] = db.decisions.list({ runId, sessionId, kinds: ['gate-admitted'] });
  const parsed = admitted ? admissionSchema.safeParse(safeJson(admitted.json)) : undefined;
  return parsed?.success ? parsed.data.account : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
