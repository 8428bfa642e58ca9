// The store's entry-token key: gate scans are verified with it. The demo store uses its published
// demo key (the simulator signs with it); any other store takes WALKOUT_STORE_KEY (hex) or, failing
// that, a random key created once and kept in the store's own database.
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { StoreDatabase } from '../db';
import { keyFromHex } from '../engine/fusion/entry-token';
import { DEMO_STORE_KEY } from '../store/demo-key';
import { demoStoreDir } from '../store/load';

const settingKey = 'entryTokenKeyHex';

export function resolveStoreKey(storeDir: string, db: StoreDatabase, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  if (resolve(storeDir) === resolve(demoStoreDir())) return DEMO_STORE_KEY;
  if (env.WALKOUT_STORE_KEY) return keyFromHex(env.WALKOUT_STORE_KEY);
  const saved = db.settings.get(settingKey);
  if (typeof saved === 'string') return keyFromHex(saved);
  const created = randomBytes(32).toString('hex');
  db.settings.set(settingKey, created);
  return keyFromHex(created);
}
