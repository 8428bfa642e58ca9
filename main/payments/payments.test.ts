// The receipt service end to end on a real SQLite file: receipt decisions → priced receipts → the
// outbox → a real local HTTP endpoint (down, failing, refusing, back) or an fsync'd export file;
// then what people do after: approve, waive, refund, adjust — each audited, none paid twice.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreDatabase, type StoreDatabase } from '../db';
import { tempDir, tempDbPath } from '../db/test-support';
import { testStore } from '../engine/fusion/test-support';
import { FakeProcessor, processorSecret } from './fake-processor';
import { createFileExportAdapter } from './file-export-adapter';
import type { PaymentMessage } from './payment-message';
import { PAYMENT_SETTINGS_KEY, writePaymentSettings } from './payment-settings';
import { createPaymentsService, type PaymentsService } from './payments-service';
import { storeReceiptDecisions } from './test-support';
import { signatureHeader, verifySignature } from './webhook-signature';

const opened: { db: StoreDatabase; payments: PaymentsService; processor?: FakeProcessor }[] = [];
afterEach(async () => {
  for (const { db, payments, processor } of opened.splice(0)) {
    await payments.stop();
    await processor?.stop();
    db.close();
  }
});

/** A store database with one live run, a wall clock the test moves, and the payment service on it. */
async function setup(options: { webhook?: boolean; settings?: unknown; env?: NodeJS.ProcessEnv } = {}) {
  const db = openStoreDatabase(tempDbPath(), { storeId: testStore.layout.id });
  let wall = 1_800_000_000_000;
  const logs: string[] = [];
  let processor: FakeProcessor | undefined;
  if (options.webhook) {
    processor = new FakeProcessor(processorSecret);
    await processor.start();
    writePaymentSettings(db.settings, { adapter: 'webhook', url: processor.url, secret: processorSecret });
  }
  if (options.settings !== undefined) db.settings.set(PAYMENT_SETTINGS_KEY, options.settings as never);
  const payments = createPaymentsService({ db, store: testStore, log: (l) => logs.push(l), wallNow: () => wall, env: options.env ?? {}, delivery: { random: () => 0.5 } });
  opened.push({ db, payments, ...(processor ? { processor } : {}) });
  const { run } = db.liveRuns.openOrResume('simulator', wall);
  return { db, payments, processor: processor!, run, logs, advance: (ms: number) => (wall += ms), wall: () => wall };
}

const ann = { sessionId: 'S1', account: 'acct-ann', status: 'charged' as const, lines: [{ sku: 'APPLE', quantity: 3 }, { sku: 'BREAD', quantity: 1 }] };
const bob = { sessionId: 'S2', account: 'acct-bob', status: 'held-for-review' as const, lines: [{ sku: 'CHEESE', quantity: 1 }] };

describe('receipts from the engine', () => {
  it('prices receipts, queues the charge of a charged one with its receipt, and holds the rest', async () => {
    const s = await setup();
    storeReceiptDecisions(s.db, s.run.id, [ann, bob, { sessionId: 'A1', status: 'held-for-review', lines: [] }]);
    const result = await s.payments.pump();
    expect(result).toMatchObject({ recorded: 3, charged: 1, delivered: 0 });
    const annId = `test-store.r${s.run.id}.S1`;
    expect(s.payments.receipt(annId)).toMatchObject({
      status: 'charged',
      account: 'acct-ann',
      currency: 'EUR',
      totalMinor: 3 * 50 + 200,
      lines: [
        { sku: 'APPLE', name: 'Apple', quantity: 3, unitPriceMinor: 50, amountMinor: 150 },
        { sku: 'BREAD', name: 'Bread', quantity: 1, unitPriceMinor: 200, amountMinor: 200 },
      ],
    });
    expect(s.db.receipts.payments(annId)).toEqual([expect.objectContaining({ key: annId, type: 'charge', amountMinor: 350, state: 'pending' })]);
    expect(s.payments.find({ status: 'held-for-review', limit: 10 }).map((r) => r.sessionId).sort()).toEqual(['A1', 'S2']);
    // With no adapter configured nothing is sent, and nothing is lost: the charge waits.
    expect(s.payments.status()).toMatchObject({ adapter: { adapter: 'none' }, outbox: { pending: 1, delivered: 0 } });
  });

  it('holds a receipt the engine charged when it has no account or an item the catalog does not know', async () => {
    const s = await setup();
    storeReceiptDecisions(s.db, s.run.id, [
      { sessionId: 'S3', status: 'charged', lines: [{ sku: 'APPLE', quantity: 1 }] },
      { sessionId: 'S4', account: 'acct-d', status: 'charged', lines: [{ sku: 'GONE', quantity: 1 }] },
    ]);
    await s.payments.pump();
    expect(s.payments.receipt(`test-store.r${s.run.id}.S3`)).toMatchObject({ status: 'held-for-review', note: 'held by payments: no account is known for this session' });
    expect(s.payments.receipt(`test-store.r${s.run.id}.S4`)).toMatchObject({ status: 'held-for-review', note: 'held by payments: the catalog has no price for GONE' });
    expect(s.db.receipts.outboxCounts().pending).toBe(0);
  });

  it('records one receipt per session of a run, and skips a decision that is not a readable receipt', async () => {
    const s = await setup();
    storeReceiptDecisions(s.db, s.run.id, [ann]);
    storeReceiptDecisions(s.db, s.run.id, [{ ...ann, lines: [{ sku: 'WINE', quantity: 1 }] }]);
    s.db.liveRuns.commit(s.run.id, [{ t: 5, kind: 'receipt', sessionId: 'S9', json: '{"kind":"receipt","broken":' }], 5);
    expect(await s.payments.pump()).toMatchObject({ recorded: 1, charged: 1 });
    expect(s.db.receipts.outboxCounts().pending).toBe(1);
    expect(s.logs.join('\n')).toMatch(/a second receipt for session S1 of live run \d+ .* was not recorded/);
    expect(s.logs.join('\n')).toMatch(/decision \d+ is not a readable receipt/);
    expect(s.db.receipts.unread(10)).toEqual([]);
  });
});

describe('the signed webhook', () => {
  it('delivers a charge signed, with the receipt id as idempotency key', async () => {
    const s = await setup({ webhook: true });
    storeReceiptDecisions(s.db, s.run.id, [ann]);
    expect(await s.payments.pump()).toMatchObject({ recorded: 1, delivered: 1 });
    const id = `test-store.r${s.run.id}.S1`;
    expect(s.processor.requests).toEqual([expect.objectContaining({ key: id, signature: 'ok' })]);
    expect(s.processor.requests[0]!.message).toMatchObject({ id, type: 'charge', receiptId: id, account: 'acct-ann', amountMinor: 350, currency: 'EUR', store: 'test-store' });
    expect(s.db.receipts.payments(id)[0]).toMatchObject({ state: 'delivered', attempts: 1, reference: `pay-${id}`, adapter: expect.stringMatching(/^webhook http:\/\/127\.0\.0\.1:\d+\/payments$/) });
  });

  it('keeps the charge while the endpoint is down, backs off, and delivers it once when it is back', async () => {
    const s = await setup({ webhook: true });
    await s.processor.stop();
    storeReceiptDecisions(s.db, s.run.id, [ann, { ...bob, status: 'charged' }]);
    expect(await s.payments.pump()).toMatchObject({ recorded: 2, delivered: 0, retrying: 2 });
    const [first] = s.db.receipts.payments(`test-store.r${s.run.id}.S1`);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });
    // Equal jitter at random() = 0.5: 0.75 × base after the first failure, 0.75 × 2 × base after the second.
    expect(first!.nextAttemptWallMs - s.wall()).toBe(750);
    s.advance(500);
    expect(await s.payments.pump()).toMatchObject({ delivered: 0, retrying: 0 });
    s.advance(300);
    expect(await s.payments.pump()).toMatchObject({ delivered: 0, retrying: 2 });
    expect(s.db.receipts.payments(`test-store.r${s.run.id}.S1`)[0]).toMatchObject({ attempts: 2 });
    expect(s.db.receipts.nextDueWallMs()! - s.wall()).toBe(1500);
    await s.processor.start();
    s.advance(1500);
    expect(await s.payments.pump()).toMatchObject({ delivered: 2 });
    expect([...s.processor.applied.keys()].sort()).toEqual([`test-store.r${s.run.id}.S1`, `test-store.r${s.run.id}.S2`]);
    expect(s.processor.requests).toHaveLength(2);
    expect(s.payments.status().outbox).toEqual({ pending: 0, delivered: 2, failed: 0 });
  });

  it('waits as long as a 503 Retry-After asks, and keeps a refused message as failed until requeued', async () => {
    const s = await setup({ webhook: true });
    let answers = [{ status: 503, headers: { 'Retry-After': '30' } }, { status: 422, body: 'unknown account' }];
    s.processor.respond = () => answers.shift();
    storeReceiptDecisions(s.db, s.run.id, [ann]);
    await s.payments.pump();
    const id = `test-store.r${s.run.id}.S1`;
    expect(s.db.receipts.payments(id)[0]).toMatchObject({ state: 'pending', lastError: expect.stringContaining('HTTP 503') });
    expect(s.db.receipts.nextDueWallMs()! - s.wall()).toBe(30_000);
    s.advance(30_000);
    expect(await s.payments.pump()).toMatchObject({ failed: 1 });
    expect(s.db.receipts.payments(id)[0]).toMatchObject({ state: 'failed', lastError: 'POST 127.0.0.1:' + s.processor.port + ': HTTP 422 unknown account' });
    expect(s.logs.join('\n')).toMatch(/refused by webhook .*HTTP 422 unknown account; kept in the outbox as failed/);
    answers = [];
    expect(s.db.receipts.requeueFailed(s.wall())).toBe(1);
    expect(await s.payments.pump()).toMatchObject({ delivered: 1 });
    expect(s.processor.applied.size).toBe(1);
  });

  it('sends a refund only after the charge it returns, even while that charge waits out a retry', async () => {
    const s = await setup({ webhook: true });
    s.processor.respond = (r) => (r.message.type === 'charge' && s.processor.requests.length === 1 ? { status: 500 } : undefined);
    storeReceiptDecisions(s.db, s.run.id, [ann]);
    await s.payments.pump();
    const id = `test-store.r${s.run.id}.S1`;
    s.payments.refund({ receiptId: id, actor: 'mgr', reason: 'bruised apple', lines: [{ sku: 'APPLE', quantity: 1 }] });
    expect(await s.payments.pump()).toMatchObject({ delivered: 0 });
    s.advance(10_000);
    expect(await s.payments.pump()).toMatchObject({ delivered: 2 });
    expect(s.processor.requests.map((r) => r.message.type)).toEqual(['charge', 'charge', 'refund']);
  });

  it('pauses delivery with the reason when the settings are broken or the secret is missing, and resumes when fixed', async () => {
    const s = await setup({ settings: { adapter: 'webhook', url: 'ftp://example.org/pay' } });
    storeReceiptDecisions(s.db, s.run.id, [ann]);
    await s.payments.pump();
    expect(s.payments.status()).toMatchObject({ adapter: { adapter: 'invalid' }, problem: expect.stringContaining('must be an http(s) URL'), outbox: { pending: 1 } });
    const processor = new FakeProcessor(processorSecret);
    await processor.start();
    opened.push({ db: s.db, payments: s.payments, processor });
    s.db.settings.set(PAYMENT_SETTINGS_KEY, { adapter: 'webhook', url: processor.url });
    await s.payments.pump();
    expect(s.payments.status()).toMatchObject({ adapter: { adapter: 'webhook', secret: 'missing' }, problem: expect.stringMatching(/has no secret/) });
    expect(processor.requests).toEqual([]);
    writePaymentSettings(s.db.settings, { adapter: 'webhook', url: processor.url, secret: processorSecret });
    expect(await s.payments.pump()).toMatchObject({ delivered: 1 });
    expect(s.payments.status().adapter).toEqual({ adapter: 'webhook', url: processor.url, secret: 'set (from settings)' });
  });

  it('refuses settings that do not validate, naming the field', async () => {
    const s = await setup();
    expect(() => writePaymentSettings(s.db.settings, { adapter: 'webhook', url: 'http://x.test', secret: 'short' })).toThrow(/secret.*at least 16/s);
    expect(() => writePaymentSettings(s.db.settings, { adapter: 'file' })).toThrow(/path/);
  });
});

describe('webhook signatures', () => {
  it('verify the body and time they were made over, and nothing else', () => {
    const body = '{"id":"r1"}';
    const header = signatureHeader('secret-0123456789', body, 1000);
    expect(verifySignature('secret-0123456789', body, header, 1100)).toEqual({ ok: true, timestamp: 1000 });
    expect(verifySignature('secret-0123456789', '{"id":"r2"}', header, 1100)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature('another-secret-xx', body, header, 1100)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature('secret-0123456789', body, header.replace('t=1000', 't=1001'), 1100)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature('secret-0123456789', body, header, 1400)).toEqual({ ok: false, reason: 'too-old' });
    expect(verifySignature('secret-0123456789', body, 'v1=abc', 1000)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature('secret-0123456789', body, undefined, 1000)).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('the file export', () => {
  const message = (id: string): PaymentMessage => ({
    id, type: 'charge', store: 's', receiptId: id, sessionId: 'S1', account: 'a', currency: 'EUR', amountMinor: 1, lines: [], receiptTime: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z',
  });

  it('appends one JSON line per message, and never a second line for an id it already holds', async () => {
    const file = path.join(tempDir(), 'exports', 'payments.jsonl');
    const adapter = createFileExportAdapter({ path: file });
    expect(await adapter.deliver(message('r1'))).toEqual({ ok: true, reference: `${file}:1` });
    expect(await adapter.deliver(message('r2'))).toEqual({ ok: true, reference: `${file}:2` });
    adapter.close();
    const again = createFileExportAdapter({ path: file });
    expect(await again.deliver(message('r1'))).toEqual({ ok: true, reference: `${file}:1` });
    again.close();
    expect(fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as PaymentMessage).id)).toEqual(['r1', 'r2']);
  });

  it('cuts away a last line torn by a crash and writes that message whole', async () => {
    const file = path.join(tempDir(), 'payments.jsonl');
    fs.writeFileSync(file, `${JSON.stringify(message('r1'))}\n${JSON.stringify(message('r2')).slice(0, 25)}`);
    const logs: string[] = [];
    const adapter = createFileExportAdapter({ path: file, log: (l) => logs.push(l) });
    expect(await adapter.deliver(message('r2'))).toEqual({ ok: true, reference: `${file}:2` });
    adapter.close();
    expect(fs.readFileSync(file, 'utf8').split('\n')).toEqual([JSON.stringify(message('r1')), JSON.stringify(message('r2')), '']);
    expect(logs).toEqual([expect.stringContaining('cut off an incomplete last line (25 characters)')]);
  });

  it('stops with the line named when the file is damaged in the middle, and loses nothing', async () => {
    const s = await setup();
    const file = path.join(tempDir(), 'payments.jsonl');
    fs.writeFileSync(file, `not json\n${JSON.stringify(message('x'))}\n`);
    writePaymentSettings(s.db.settings, { adapter: 'file', path: file });
    storeReceiptDecisions(s.db, s.run.id, [ann]);
    expect(await s.payments.pump()).toMatchObject({ delivered: 0, retrying: 1 });
    expect(s.payments.status().lastError).toMatch(/line 1 is not JSON; move the file aside or repair that line/);
    fs.writeFileSync(file, '');
    s.advance(60_000);
    expect(await s.payments.pump()).toMatchObject({ delivered: 1 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ id: `test-store.r${s.run.id}.S1`, amountMinor: 350 });
  });
});

describe('after the receipt', () => {
  it('approves a held receipt with reviewed lines: charged once, audited, and a repeat returns the same charge', async () => {
    const s = await setup({ webhook: true });
    storeReceiptDecisions(s.db, s.run.id, [bob]);
    await s.payments.pump();
    const id = `test-store.r${s.run.id}.S2`;
    const approved = s.payments.approveHeld({ receiptId: id, actor: 'rev', reason: 'checked the video', lines: [{ sku: 'CHEESE', quantity: 2 }] });
    expect(approved.receipt).toMatchObject({ status: 'approved', totalMinor: 800 });
    expect(approved.payment).toMatchObject({ key: id, type: 'charge', amountMinor: 800, state: 'pending' });
    expect(s.payments.approveHeld({ receiptId: id, actor: 'rev', reason: 'double click' }).payment).toEqual(approved.payment);
    await s.payments.pump();
    expect([...s.processor.applied.values()].map((m) => [m.type, m.amountMinor])).toEqual([['charge', 800]]);
    const [entry] = s.db.audit.list({ limit: 5, subject: `receipt:${id}` });
    expect(entry).toMatchObject({ actor: 'rev', action: 'receipt.approve', reason: 'checked the video', before: { status: 'held-for-review', totalMinor: 400 }, after: { status: 'approved', totalMinor: 800 } });
    expect(s.db.audit.list({ limit: 5, subject: `receipt:${id}` })).toHaveLength(1);
    expect(s.db.audit.verify()).toMatchObject({ ok: true });
  });

  it('refunds at most what was charged, adjusts with extra items, and finds a retried refund by its request id', async () => {
    const s = await setup({ webhook: true });
    storeReceiptDecisions(s.db, s.run.id, [ann]);
    await s.payments.pump();
    const id = `test-store.r${s.run.id}.S1`;
    const refund = s.payments.refund({ receiptId: id, actor: 'mgr', reason: 'customer call', amountMinor: 100, requestId: 'call-17' });
    expect(refund.payment).toMatchObject({ key: `${id}.refund.call-17`, amountMinor: 100 });
    expect(s.payments.refund({ receiptId: id, actor: 'mgr', reason: 'customer call', amountMinor: 100, requestId: 'call-17' }).payment).toEqual(refund.payment);
    expect(() => s.payments.refund({ receiptId: id, actor: 'mgr', reason: 'too much', amountMinor: 251 })).toThrow('refund of 251 refused: 350 charged, 100 already refunded');
    const adjusted = s.payments.adjust({ receiptId: id, actor: 'rev', reason: 'missed a wine', lines: [{ sku: 'WINE', quantity: 1 }] });
    expect(adjusted.receipt).toMatchObject({ totalMinor: 1250, lines: [expect.objectContaining({ sku: 'APPLE' }), expect.objectContaining({ sku: 'BREAD' }), expect.objectContaining({ sku: 'WINE', amountMinor: 900 })] });
    expect(adjusted.payment).toMatchObject({ key: `${id}.adjust.1`, type: 'adjustment', amountMinor: 900 });
    expect(s.payments.refund({ receiptId: id, actor: 'mgr', reason: 'wine returned', amountMinor: 1150 }).payment).toMatchObject({ key: `${id}.refund.1` });
    await s.payments.pump();
    expect(s.processor.requests.map((r) => [r.message.type, r.message.amountMinor, r.signature])).toEqual([
      ['charge', 350, 'ok'],
      ['refund', 100, 'ok'],
      ['adjustment', 900, 'ok'],
      ['refund', 1150, 'ok'],
    ]);
    expect(s.db.audit.list({ limit: 10, subject: `receipt:${id}` }).map((e) => e.action)).toEqual(['receipt.refund', 'receipt.adjust', 'receipt.refund']);
  });

  it('refuses what cannot be done, with the reason, and writes nothing', async () => {
    const s = await setup();
    storeReceiptDecisions(s.db, s.run.id, [ann, bob, { sessionId: 'A1', status: 'held-for-review', lines: [] }]);
    await s.payments.pump();
    const r = (session: string) => `test-store.r${s.run.id}.${session}`;
    expect(() => s.payments.approveHeld({ receiptId: r('S1'), actor: 'rev', reason: 'x' })).toThrow(`receipt ${r('S1')} is charged, not held for review`);
    expect(() => s.payments.refund({ receiptId: r('S2'), actor: 'rev', reason: 'x', amountMinor: 1 })).toThrow(/held-for-review: only a charged receipt can be refunded/);
    expect(() => s.payments.approveHeld({ receiptId: r('A1'), actor: 'rev', reason: 'x' })).toThrow(/no account \(an anonymous session\)/);
    expect(() => s.payments.approveHeld({ receiptId: 'nope', actor: 'rev', reason: 'x' })).toThrow('no receipt nope');
    expect(() => s.payments.refund({ receiptId: r('S1'), actor: 'rev', reason: '' })).toThrow(/a reason is required/);
    expect(s.payments.waiveHeld({ receiptId: r('A1'), actor: 'rev', reason: 'tailgater, nothing taken' }).receipt.status).toBe('waived');
    expect(s.db.audit.list({ limit: 10 }).map((e) => e.action)).toEqual(['receipt.waive']);
    expect(s.db.receipts.outboxCounts()).toMatchObject({ pending: 1 });
  });
});
