// Crash safety end to end, with a real child process killed by SIGKILL (no cleanup of any kind) at
// the worst moments of a receipt's life — between a shopper's exit and the receipt, right after the
// receipt is stored, after its charge is queued, after the payment endpoint accepted the charge but
// before the outbox knew — and restarted after each: no receipt is lost, none is issued or charged
// twice, and the receipt of the shopper who left before the first crash is the one an uninterrupted
// run issues.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreDatabase, type OutboxEntry } from '../db';
import { tempDbPath } from '../db/test-support';
import type { ReceiptDecision } from '../engine/decisions';
import type { RecoveryReport } from '../live/live-recovery';
import { testWorld } from '../live/live-test-world';
import { RecordingWriter } from '../recording';
import { FakeProcessor, processorSecret } from './fake-processor';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../..');

interface Summary {
  recovery?: RecoveryReport;
  receipts: ReceiptDecision[];
  admitted: number;
  outbox: { pending: number; delivered: number; failed: number };
  payments: OutboxEntry[];
}

let dir: string;
let sourceDb: string;
let processor: FakeProcessor;

beforeAll(async () => {
  // Three shoppers in three sessions, leaving between 87 and 101 s; recorded once, fed to every child.
  const w = testWorld({ seed: 4, shoppers: 2, minutes: 1.5, plateHz: 15, chunkMs: 1000 });
  // Its own directory: the store databases' helper removes its files after every test.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walkout-crash-'));
  sourceDb = path.join(dir, 'source.sqlite');
  const db = openStoreDatabase(sourceDb, { storeId: w.store.layout.id });
  const writer = new RecordingWriter(db);
  for (const input of w.inputs) writer.write(input);
  writer.close();
  db.close();
  processor = new FakeProcessor(processorSecret);
  await processor.start();
}, 120_000);

afterAll(async () => {
  await processor.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the child until it says "ready" (then SIGKILLs it) or finishes (its summary). */
function runChild(dbFile: string, killAt: string): Promise<{ ready?: Record<string, unknown>; summary?: Summary }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-child.fixture.ts')], {
    cwd: repoRoot,
    env: { ...process.env, DB_FILE: dbFile, SOURCE_DB: sourceDb, KILL_AT: killAt, WEBHOOK_URL: processor.url, WEBHOOK_SECRET: processorSecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let ready: Record<string, unknown> | undefined;
    child.on('error', reject);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /^ready (.*)$/m.exec(out);
      if (line && !ready) {
        ready = JSON.parse(line[1]!) as Record<string, unknown>;
        child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && ready) return resolve({ ready });
      const summary = /^summary (.*)$/m.exec(out);
      if (code === 0 && summary) return resolve({ summary: JSON.parse(summary[1]!) as Summary });
      reject(new Error(`child (KILL_AT=${killAt}) ended with code ${code}, signal ${signal}\n${out}\n${err}`));
    });
  });
}

const bySession = (receipts: ReceiptDecision[]) => new Map(receipts.map((r) => [r.sessionId, r]));

describe('a live store killed between exit and receipt, again and again', () => {
  let reference: Summary;

  it('runs through once without a crash (the reference)', async () => {
    ({ summary: reference } = (await runChild(tempDbPath(), 'none')) as { summary: Summary });
    expect(reference.receipts.map((r) => r.sessionId).sort()).toEqual(['S1', 'S2', 'S3']);
    expect(bySession(reference.receipts).get('S1')?.status, 'the seed must give S1 a charged receipt').toBe('charged');
    expect(reference.outbox).toMatchObject({ pending: 0, failed: 0 });
  }, 300_000);

  it('loses no receipt and charges none twice', async () => {
    const charged = reference.payments.filter((p) => p.type === 'charge').length;
    processor.requests.length = 0;
    processor.applied.clear();
    const file = tempDbPath();
    const s1 = bySession(reference.receipts).get('S1')!;

    // 1. S1 has left (its receipt is due 3 s after the exit): killed a second before the receipt.
    const { ready } = await runChild(file, `tick:${s1.t - 1000}`);
    expect(ready!.tick).toBeGreaterThanOrEqual(s1.t - 1000);
    expect(ready!.tick).toBeLessThan(s1.t);
    // 2. Restarted: the run resumes, S1's receipt is issued and stored — killed before payments read it.
    expect((await runChild(file, 'receipt-stored')).ready).toHaveProperty('receiptStored');
    // 3. Restarted: the receipt is recorded with its charge queued — killed before delivery.
    expect((await runChild(file, 'charge-queued')).ready).toMatchObject({ chargeQueued: { pending: 1 } });
    // 4. Restarted: the endpoint takes the charge — killed before the outbox marks it delivered.
    expect((await runChild(file, 'delivered-unmarked')).ready).toMatchObject({ delivered: expect.stringMatching(/\.S1$/) });
    // 5. Restarted: runs to the end.
    const { summary } = (await runChild(file, 'none')) as { summary: Summary };

    expect(summary.recovery).toMatchObject({ notRemade: 0 });
    expect(summary.receipts.map((r) => r.sessionId).sort()).toEqual(['S1', 'S2', 'S3']);
    expect(summary.admitted).toBe(3);
    expect(bySession(summary.receipts).get('S1')).toEqual(s1);
    expect(summary.outbox).toMatchObject({ pending: 0, failed: 0 });

    const charges = summary.payments.filter((p) => p.type === 'charge');
    expect(new Set(charges.map((c) => c.key)).size).toBe(charges.length);
    expect(charges.length).toBeGreaterThanOrEqual(1);
    expect(charges.length).toBeLessThanOrEqual(charged);
    // S1's charge reached the endpoint twice (before and after the last crash) under one key, and was applied once.
    const s1Key = charges.find((c) => c.key.endsWith('.S1'))!.key;
    expect(processor.requests.filter((r) => r.key === s1Key)).toHaveLength(2);
    expect(processor.requests.every((r) => r.signature === 'ok')).toBe(true);
    expect([...processor.applied.keys()].sort()).toEqual(charges.map((c) => c.key).sort());
    expect(processor.applied.get(s1Key)).toMatchObject({ type: 'charge', amountMinor: charges.find((c) => c.key === s1Key)!.amountMinor });
  }, 600_000);
});
