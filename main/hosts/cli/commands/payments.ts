// `walkout payments settings|status|retry`: where a store's payments go (a signed webhook or a file
// export, kept in the store's settings), what is waiting in the outbox, and sending refused
// messages again once their cause is fixed. The running app picks settings up within a second.
import { join } from 'node:path';
import type { Command } from 'commander';
import { defaultDataDir } from '../../../app/config';
import { openStoreDatabase, type StoreDatabase } from '../../../db';
import { describeSettings, readPaymentSettings, writePaymentSettings } from '../../../payments/payment-settings';
import { loadStore } from '../../../store/load';
import { resolveStoreDir } from '../store-option';

interface StoreOptions {
  store: string;
  dataDir: string;
}

function withDatabase<T>(options: StoreOptions, work: (db: StoreDatabase) => T): T {
  const store = loadStore(resolveStoreDir(options.store));
  const db = openStoreDatabase(join(options.dataDir, `${store.layout.id}.sqlite`), { storeId: store.layout.id });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

const storeOptions = (command: Command): Command =>
  command.option('--store <demo|DIR>', 'the store', 'demo').option('--data-dir <dir>', 'folder holding the store database', defaultDataDir());

export function registerPayments(program: Command): void {
  const payments = program.command('payments').description('payment settings, the outbox, retries');

  storeOptions(
    payments
      .command('settings')
      .description('show where payments go, or set it: --adapter none | webhook --webhook-url URL [--webhook-secret S] | file --file PATH')
      .option('--adapter <none|webhook|file>', 'the payment adapter')
      .option('--webhook-url <url>', 'where charges, refunds and adjustments are POSTed')
      .option('--webhook-secret <secret>', `HMAC-SHA256 signing secret, 16+ characters (or set WALKOUT_WEBHOOK_SECRET where the app runs)`)
      .option('--file <path>', 'the JSON-lines export file'),
  ).action((options: StoreOptions & { adapter?: string; webhookUrl?: string; webhookSecret?: string; file?: string }) =>
    withDatabase(options, (db) => {
      if (options.adapter !== undefined) {
        const value =
          options.adapter === 'webhook'
            ? { adapter: 'webhook', url: options.webhookUrl, ...(options.webhookSecret !== undefined ? { secret: options.webhookSecret } : {}) }
            : options.adapter === 'file'
              ? { adapter: 'file', path: options.file }
              : { adapter: options.adapter };
        writePaymentSettings(db.settings, value);
      }
      const read = readPaymentSettings(db.settings);
      if (!read.ok) throw new Error(read.error);
      console.log(JSON.stringify(describeSettings(read.settings, process.env)));
    }),
  );

  storeOptions(payments.command('status').description('the outbox: pending, delivered and failed messages, and why the failed ones failed')).action(
    (options: StoreOptions) =>
      withDatabase(options, (db) => {
        const read = readPaymentSettings(db.settings);
        const counts = db.receipts.outboxCounts();
        const receipts = db.receipts.statusCounts();
        console.log(`adapter: ${read.ok ? JSON.stringify(describeSettings(read.settings, process.env)) : read.error}`);
        console.log(`receipts: ${receipts.charged} charged, ${receipts['held-for-review']} held for review, ${receipts.approved} approved after review, ${receipts.waived} waived`);
        console.log(`outbox: ${counts.pending} pending, ${counts.delivered} delivered, ${counts.failed} failed${counts.oldestPendingWallMs ? `; oldest undelivered from ${new Date(counts.oldestPendingWallMs).toISOString()}` : ''}`);
        for (const p of db.receipts.undelivered(50)) console.log(`  ${p.state} ${p.type} ${p.key} (${p.attempts} tries): ${p.lastError ?? 'not tried yet'}`);
      }),
  );

  storeOptions(payments.command('retry').description('send failed (refused) messages again, after fixing what the endpoint refused')).action((options: StoreOptions) =>
    withDatabase(options, (db) => console.log(`${db.receipts.requeueFailed(Date.now())} failed message(s) queued again`)),
  );
}
