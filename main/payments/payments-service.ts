// The receipt service: reads the receipts the live engine stored, records them (queueing the
// charges), and delivers the outbox through the adapter the settings name, on a timer and whenever
// nudged. It also carries out what people decide about receipts (receipt-actions). Settings are
// re-read every round, so a URL or secret fixed while the app runs takes effect at once, and a
// broken setting pauses delivery with its reason in the status while receipts keep queueing.
import type { OutboxCounts, ReceiptRecord, ReceiptStatus, StoreDatabase } from '../db';
import type { StoreModel } from '../store/schema';
import { deliverDue, type DeliveryOptions } from './outbox-delivery';
import type { PaymentAdapter } from './payment-adapter';
import { adapterFor, describeSettings, readPaymentSettings, WEBHOOK_SECRET_ENV } from './payment-settings';
import { createReceiptActions, type ReceiptActions } from './receipt-actions';
import { ingestReceipts } from './receipt-ingest';

export interface PaymentsStatus {
  /** The adapter as configured (secret masked), or the reason there is none. */
  adapter: Record<string, string>;
  /** A settings or adapter problem that stops delivery. */
  problem?: string;
  outbox: OutboxCounts;
  lastError?: string;
  lastDeliveryWallMs?: number;
}

export interface PumpResult {
  recorded: number;
  charged: number;
  delivered: number;
  retrying: number;
  failed: number;
}

export interface PaymentsService extends ReceiptActions {
  /** One round: record new receipts, deliver what is due. Rounds never overlap. */
  pump(): Promise<PumpResult>;
  /** Pumps every `intervalMs` until stopped. */
  start(intervalMs?: number): void;
  /** Pump now (e.g. the live engine just stored a receipt). */
  nudge(): void;
  stop(): Promise<void>;
  receipt(id: string): ReceiptRecord | undefined;
  find(query: { runId?: number; sessionId?: string; tokenNonce?: string; status?: ReceiptStatus; limit: number; offset?: number }): ReceiptRecord[];
  status(): PaymentsStatus;
}

export interface PaymentsDeps {
  db: StoreDatabase;
  store: StoreModel;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  wallNow?: () => number;
  /** An adapter to use instead of the settings' (the crash test and the latency bench bring their own endpoint). */
  adapter?: PaymentAdapter;
  delivery?: DeliveryOptions;
}

export function createPaymentsService(deps: PaymentsDeps): PaymentsService {
  const env = deps.env ?? process.env;
  const wallNow = deps.wallNow ?? Date.now;
  const actions = createReceiptActions({ db: deps.db, store: deps.store, wallNow });
  let adapter: PaymentAdapter | undefined = deps.adapter;
  let configured: string | undefined;
  let problem: string | undefined;
  let described: Record<string, string> = deps.adapter ? { adapter: deps.adapter.name } : { adapter: 'none' };
  let lastError: string | undefined;
  let lastDeliveryWallMs: number | undefined;

  /** The adapter for the current settings, rebuilt when they change. */
  function currentAdapter(): PaymentAdapter | undefined {
    if (deps.adapter) return deps.adapter;
    const read = readPaymentSettings(deps.db.settings);
    const key = read.ok ? JSON.stringify(read.settings) + (env[WEBHOOK_SECRET_ENV] ?? '') : read.error;
    if (key === configured) return adapter;
    configured = key;
    adapter?.close();
    adapter = undefined;
    problem = undefined;
    if (!read.ok) {
      problem = read.error;
      described = { adapter: 'invalid' };
    } else {
      described = describeSettings(read.settings, env);
      try {
        adapter = adapterFor(read.settings, env, deps.log);
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    if (problem) deps.log(`walkout: payments paused: ${problem}`);
    return adapter;
  }

  async function round(): Promise<PumpResult> {
    const ingested = ingestReceipts({ db: deps.db, store: deps.store, wallNow, log: deps.log });
    const target = currentAdapter();
    const result: PumpResult = { recorded: ingested.recorded, charged: ingested.charged, delivered: 0, retrying: 0, failed: 0 };
    if (!target) return result;
    // Keep going while whole batches come back delivered: a backlog drains in one pump.
    for (;;) {
      const delivered = await deliverDue(deps.db, target, wallNow, deps.log, deps.delivery);
      result.delivered += delivered.delivered;
      result.retrying += delivered.retrying;
      result.failed += delivered.failed;
      if (delivered.lastError) lastError = delivered.lastError;
      if (delivered.delivered > 0) lastDeliveryWallMs = wallNow();
      if (delivered.delivered === 0 || delivered.retrying + delivered.failed > 0) return result;
    }
  }

  let running: Promise<PumpResult> | undefined;
  let again = false;
  const pump = (): Promise<PumpResult> => {
    if (running) {
      again = true;
      return running;
    }
    running = round().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        void pump().catch(report);
      }
    });
    return running;
  };
  const report = (error: unknown) => deps.log(`walkout: payments round failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    ...actions,
    pump,
    start(intervalMs = 250) {
      timer ??= setInterval(() => void pump().catch(report), intervalMs);
      timer.unref?.();
    },
    nudge: () => void pump().catch(report),
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
      if (!deps.adapter) adapter?.close();
    },
    receipt: (id) => deps.db.receipts.get(id),
    find: (query) => deps.db.receipts.find(query),
    status: () => ({
      adapter: described,
      ...(problem !== undefined ? { problem } : {}),
      outbox: deps.db.receipts.outboxCounts(),
      ...(lastError !== undefined ? { lastError } : {}),
      ...(lastDeliveryWallMs !== undefined ? { lastDeliveryWallMs } : {}),
    }),
  };
}
