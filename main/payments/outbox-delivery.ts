// Delivers the outbox: messages due are claimed (leased, so a second process leaves them alone),
// handed to the adapter one by one, and marked delivered, due again later, or failed. A retry waits
// base × 2^(attempt−1), capped, with jitter so that many messages queued during an outage do not all
// hit the endpoint at the same instant when it comes back — or longer when the receiver says so.
import type { OutboxEntry, StoreDatabase } from '../db';
import type { DeliveryOutcome, PaymentAdapter } from './payment-adapter';
import type { PaymentMessage } from './payment-message';

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

const defaultBackoff: Readonly<Backoff> = Object.freeze({ baseMs: 1000, maxMs: 15 * 60_000 });

/** Wait before the next try after `attempts` failed ones: half fixed, half random ("equal jitter"). */
function retryDelayMs(attempts: number, backoff: Backoff, random: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export interface DeliveryOptions {
  backoff?: Backoff;
  /** A claimed message is left alone by others this long (longer than any request). Default 60 s. */
  leaseMs?: number;
  /** Messages claimed per round. Default 20. */
  batch?: number;
  random?: () => number;
}

export interface DeliveryRound {
  delivered: number;
  retrying: number;
  failed: number;
  /** The last failure of this round, for the status line. */
  lastError?: string;
}

export async function deliverDue(
  db: StoreDatabase,
  adapter: PaymentAdapter,
  wallNow: () => number,
  log: (line: string) => void,
  options: DeliveryOptions = {},
): Promise<DeliveryRound> {
  const backoff = options.backoff ?? defaultBackoff;
  const random = options.random ?? Math.random;
  const round: DeliveryRound = { delivered: 0, retrying: 0, failed: 0 };
  const due = db.receipts.claimDue(wallNow(), options.leaseMs ?? 60_000, options.batch ?? 20);
  for (const entry of due) {
    const outcome = await attempt(adapter, entry);
    const now = wallNow();
    if (outcome.ok) {
      db.receipts.markDelivered(entry.id, now, adapter.name, outcome.reference);
      round.delivered++;
      continue;
    }
    round.lastError = `${entry.key}: ${outcome.error}`;
    const tries = entry.attempts + 1;
    if (outcome.retryable) {
      const wait = Math.max(retryDelayMs(tries, backoff, random), outcome.retryAfterMs ?? 0);
      db.receipts.markRetry(entry.id, now + wait, outcome.error, adapter.name);
      round.retrying++;
      if (tries === 1 || tries % 10 === 0) log(`walkout: payments: ${entry.type} ${entry.key} not delivered (try ${tries}): ${outcome.error}; next try in ${Math.round(wait / 1000)} s`);
    } else {
      db.receipts.markFailed(entry.id, outcome.error, adapter.name);
      round.failed++;
      log(`walkout: payments: ${entry.type} ${entry.key} refused by ${adapter.name}: ${outcome.error}; kept in the outbox as failed ("walkout payments retry" sends it again)`);
    }
  }
  return round;
}

async function attempt(adapter: PaymentAdapter, entry: OutboxEntry): Promise<DeliveryOutcome> {
  try {
    return await adapter.deliver(entry.message as unknown as PaymentMessage);
  } catch (error) {
    // An adapter that throws has not said the message arrived: it may be tried again.
    return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
}
