// Shopper pseudonyms for exports: a keyed hash (HMAC-SHA256) of the account id with a secret that
// never leaves the store's database. The same shopper gets the same pseudonym in every export of the
// store (so an analyst can count repeat visits), no two stores agree on one (each has its own
// secret), and without the secret nobody can go back from a pseudonym to the account.
import { createHmac, randomBytes } from 'node:crypto';
import type { SettingsRepository } from '../db';

const SETTING = 'exports.pseudonymKeyHex';

/** The store's pseudonym secret, created (32 random bytes) the first time it is asked for. */
export function pseudonymKey(settings: SettingsRepository): Buffer {
  const saved = settings.get(SETTING);
  if (typeof saved === 'string' && /^[0-9a-f]{64}$/.test(saved)) return Buffer.from(saved, 'hex');
  const created = randomBytes(32);
  settings.set(SETTING, created.toString('hex'));
  return created;
}

export type Pseudonymiser = (account: string | undefined) => string | null;

/** `sh_` and the first 20 hex digits (80 bits) of HMAC-SHA256(key, account); null for no account. */
export function pseudonymiser(key: Uint8Array): Pseudonymiser {
  const cache = new Map<string, string>();
  return (account) => {
    if (account === undefined) return null;
    let p = cache.get(account);
    if (p === undefined) {
      p = `sh_${createHmac('sha256', key).update(account, 'utf8').digest('hex').slice(0, 20)}`;
      if (cache.size > 100_000) cache.clear();
      cache.set(account, p);
    }
    return p;
  };
}
