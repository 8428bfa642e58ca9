// Entry tokens: a good token verifies; every way of breaking one is refused with its reason.
import { describe, expect, it } from 'vitest';
import { issueEntryToken, keyFromHex, verifyEntryToken, type EntryClaims } from './entry-token';

const key = keyFromHex('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');
const claims: EntryClaims = { account: 'acct-42', store: 'demo', issuedAtMs: 1_000_000, expiresAtMs: 1_600_000, nonce: 'n-1', groupSize: 2 };
const token = issueEntryToken(key, claims);

describe('entry tokens', () => {
  it('verifies a token within its window and returns its claims', () => {
    expect(verifyEntryToken(key, token, 'demo', 1_100_000)).toEqual({ ok: true, claims });
  });
  it('refuses a forged signature', () => {
    const forged = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    expect(verifyEntryToken(key, forged, 'demo', 1_100_000)).toEqual({ ok: false, reason: 'bad-signature' });
  });
  it('refuses edited claims (a bigger group) under the old signature', () => {
    const edited = token.replace('~2.', '~4.');
    expect(verifyEntryToken(key, edited, 'demo', 1_100_000)).toEqual({ ok: false, reason: 'bad-signature' });
  });
  it('refuses a token signed with another key', () => {
    const other = issueEntryToken(keyFromHex('ff'.repeat(32)), claims);
    expect(verifyEntryToken(key, other, 'demo', 1_100_000)).toEqual({ ok: false, reason: 'bad-signature' });
  });
  it('refuses an expired token and one from the future', () => {
    expect(verifyEntryToken(key, token, 'demo', 1_600_001)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyEntryToken(key, token, 'demo', 900_000)).toEqual({ ok: false, reason: 'not-yet-valid' });
  });
  it('refuses a token for another store', () => {
    expect(verifyEntryToken(key, token, 'other', 1_100_000)).toEqual({ ok: false, reason: 'wrong-store' });
  });
  it('refuses garbage as malformed', () => {
    for (const text of ['', 'hello', 'WO1..', `WO1.a~b.${'0'.repeat(64)}`]) {
      expect(verifyEntryToken(key, text, 'demo', 1_100_000).ok).toBe(false);
    }
  });
  it('refuses a weak key', () => expect(() => keyFromHex('abcd')).toThrow(/16 to 64 bytes/));
});
