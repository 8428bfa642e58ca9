// Child process of crash.test.ts: the live path as the app runs it — live pipeline (resuming a run a
// crash cut short), receipt service, signed webhook to WEBHOOK_URL — fed a recorded simulation from
// SOURCE_DB as fast as it goes, until the point named by KILL_AT, where it prints "ready" and freezes
// to be killed with SIGKILL. With KILL_AT=none it runs to the end, delivers everything, and prints a
// JSON summary.
//   KILL_AT=tick:<store ms>         stop feeding at that tick (between a shopper's exit and receipt)
//   KILL_AT=receipt-stored           right after a receipt decision is stored, before payments read it
//   KILL_AT=charge-queued            after the receipt and its charge are recorded, before delivery
//   KILL_AT=delivered-unmarked       after the endpoint accepted a charge, before the outbox marks it
import { openStoreDatabase } from '../db';
import { inputTime, type EngineInput } from '../engine/inputs';
import { createLivePipeline } from '../live/live-pipeline';
import { readRecording } from '../recording';
import { DEMO_STORE_KEY } from '../store/demo-key';
import { demoStoreDir, loadStore } from '../store/load';
import type { PaymentAdapter } from './payment-adapter';
import { createPaymentsService } from './payments-service';
import { ingestReceipts } from './receipt-ingest';
import { createWebhookAdapter } from './webhook-adapter';

const killAt = process.env.KILL_AT ?? 'none';
const log = (line: string) => process.stderr.write(`${line}\n`);

/** Says where it stopped and freezes: no timer, no commit, nothing more happens until the kill. */
function freeze(detail: object): never {
  process.stdout.write(`ready ${JSON.stringify(detail)}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable');
}

const store = loadStore(demoStoreDir());
const db = openStoreDatabase(process.env.DB_FILE!, { storeId: store.layout.id });
const pipeline = createLivePipeline({ store, db, storeKey: DEMO_STORE_KEY, source: 'simulator', speed: 1 });
const webhook = createWebhookAdapter({ url: process.env.WEBHOOK_URL!, secret: process.env.WEBHOOK_SECRET! });
const adapter: PaymentAdapter =
  killAt === 'delivered-unmarked'
    ? {
        name: webhook.name,
        async deliver(message) {
          const outcome = await webhook.deliver(message);
          if (outcome.ok) freeze({ delivered: message.id });
          return outcome;
        },
        close: () => webhook.close(),
      }
    : webhook;
const payments = createPaymentsService({ db, store, log, adapter, delivery: { leaseMs: 1500 } });

const source = openStoreDatabase(process.env.SOURCE_DB!, { storeId: store.layout.id, readonly: true });
// A restarted store goes on after what it recorded: whatever it had not committed is lost, as live.
const inputs: EngineInput[] = [...readRecording(source, Number.isFinite(pipeline.earliestInputMs) ? { fromMs: pipeline.earliestInputMs } : {})];
source.close();

const tick = killAt.startsWith('tick:') ? Number(killAt.slice(5)) : undefined;

/** After each tick: the kill points, and a payment round whenever a receipt was stored. */
async function afterTick(t: number): Promise<void> {
  if (tick !== undefined && t >= tick) freeze({ tick: t });
  if (db.receipts.unread(1).length === 0) return;
  if (killAt === 'receipt-stored') freeze({ receiptStored: t });
  if (killAt === 'charge-queued') {
    ingestReceipts({ db, store, wallNow: Date.now, log });
    freeze({ chargeQueued: db.receipts.outboxCounts() });
  }
  await payments.pump();
}

async function main(): Promise<void> {
  // As the live runner does: store time advances every 100 ms tick, inputs go in as they come.
  let nextTick = -Infinity;
  for (const input of inputs) {
    const t = inputTime(input);
    if (nextTick === -Infinity) nextTick = Math.ceil(t / 100) * 100;
    for (; t > nextTick; nextTick += 100) {
      pipeline.advance(nextTick);
      await afterTick(nextTick);
    }
    pipeline.push(input);
  }
  pipeline.close();
  // The last receipts, and anything a lease still holds from before the crash.
  for (let i = 0; i < 100 && (db.receipts.outboxCounts().pending > 0 || db.receipts.unread(1).length > 0); i++) {
    await payments.pump();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const summary = {
    recovery: pipeline.recovery,
    receipts: db.decisions.list({ kinds: ['receipt'] }).map((d) => JSON.parse(d.json) as unknown),
    admitted: db.decisions.list({ kinds: ['gate-admitted'] }).length,
    outbox: db.receipts.outboxCounts(),
    payments: db.receipts.find({ limit: 100 }).flatMap((r) => db.receipts.payments(r.id)),
  };
  await payments.stop();
  db.close();
  process.stdout.write(`summary ${JSON.stringify(summary)}\n`);
}

void main().catch((error: unknown) => {
  log(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
