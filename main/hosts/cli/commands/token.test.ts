import { Command, CommanderError } from 'commander';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { verifyEntryToken } from '../../../engine/fusion/entry-token';
import { DEMO_STORE_KEY } from '../../../store/demo-key';
import { demoStoreDir, loadStore } from '../../../store/load';
import { issueToken, registerToken } from './token';

const dir = mkdtempSync(join(tmpdir(), 'walkout-token-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const demoStoreId = loadStore(demoStoreDir()).layout.id;
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function run(args: string[]): Promise<string[]> {
  const program = new Command('walkout').exitOverride();
  registerToken(program);
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  await program.parseAsync(args, { from: 'user' });
  return log.mock.calls.map((call) => String(call[0]));
}

describe('walkout token issue', () => {
  it('issues a demo-store token that verifies, prints it with a terminal QR code, and writes a PNG', async () => {
    const png = join(dir, 'alice.png');
    const before = Date.now();
    const lines = await run(['token', 'issue', '--account', 'alice', '--group', '3', '--store', 'demo', '--png', png]);
    const token = lines[0]!;
    const check = verifyEntryToken(DEMO_STORE_KEY, token, demoStoreId, Date.now());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.claims).toMatchObject({ account: 'alice', store: demoStoreId, groupSize: 3 });
    expect(check.claims.issuedAtMs).toBeGreaterThanOrEqual(before);
    expect(check.claims.expiresAtMs - check.claims.issuedAtMs).toBe(15 * 60_000);
    expect(lines[1]).toMatch(/[▀▄█]/); // the small terminal rendering uses half blocks
    expect(readFileSync(png).subarray(0, 8).equals(pngSignature)).toBe(true);
  });

  it('gives each token a fresh nonce and honours --valid-minutes', () => {
    const a = issueToken({ account: 'bob', group: 1, validMinutes: 2, store: 'demo' }, 1_000);
    const b = issueToken({ account: 'bob', group: 1, validMinutes: 2, store: 'demo' }, 1_000);
    expect(a.claims.nonce).not.toBe(b.claims.nonce);
    expect(a.claims.expiresAtMs).toBe(1_000 + 120_000);
    expect(verifyEntryToken(DEMO_STORE_KEY, a.token, demoStoreId, 2_000).ok).toBe(true);
  });

  it('refuses an invalid --group with a clear message and exit code 1', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    for (const group of ['0', '9', 'two', '1.5']) {
      const error = await run(['token', 'issue', '--account', 'alice', '--group', group, '--png', join(dir, 'x.png')]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CommanderError);
      expect((error as CommanderError).exitCode).toBe(1);
      expect((error as CommanderError).message).toMatch(/--group.*1 to 8/);
    }
    expect(stderr).toHaveBeenCalled();
  });

  it('signs with --key, and refuses a non-demo store without a key instead of inventing one', () => {
    const key = 'ab'.repeat(32);
    const other = issueToken({ account: 'carol', group: 1, validMinutes: 15, store: demoStoreDir(), key }, 5_000);
    expect(verifyEntryToken(Buffer.from(key, 'hex'), other.token, demoStoreId, 5_000).ok).toBe(true);
    expect(() => issueToken({ account: 'carol', group: 1, validMinutes: 15, store: dir }, 5_000, {})).toThrow(/pass --key HEX or set WALKOUT_STORE_KEY/);
  });
});
