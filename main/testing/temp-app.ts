// Test support: a real app on the bundled demo store with its database in a fresh temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../app/config';
import { demoStoreDir } from '../store/load';

export interface TempDataDir {
  dataDir: string;
  config: Omit<AppConfig, 'host'>;
  remove(): void;
}

export function tempDataDir(healthIntervalMs = 50): TempDataDir {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkout-test-'));
  return {
    dataDir,
    config: { storeDir: demoStoreDir(), dataDir, healthIntervalMs },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
