// Proves the lint import zones enforce DESIGN.md §3: each forbidden import below must be reported,
// and the allowed ones must not. If a rule is loosened by accident, this test fails.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function lintAs(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import zones', () => {
  it.each([
    ['renderer/src/x.ts', "import { createApp } from '../../main/app/create-app';\nexport const x = createApp;", 'import/no-restricted-paths'],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'no-restricted-imports'],
    ['renderer/src/x.ts', "import { StreamHub } from '../../native-bridge/rpc/server/stream-hub';\nexport const x = StreamHub;", 'import/no-restricted-paths'],
    ['main/engine/x.ts', "import { openStoreDatabase } from '../db';\nexport const x = openStoreDatabase;", 'import/no-restricted-paths'],
    ['main/engine/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;", 'no-restricted-imports'],
    ['main/engine/x.ts', 'export const now = () => Date.now();', 'no-restricted-properties'],
    ['main/services/x.ts', "import { app } from 'electron';\nexport const x = app;", 'no-restricted-imports'],
    ['main/services/x.ts', "import HID from 'node-hid';\nexport const x = HID;", 'no-restricted-imports'],
    ['main/services/x.ts', "import { startBrowserHost } from '../hosts/browser/browser-host';\nexport const x = startBrowserHost;", 'import/no-restricted-paths'],
    ['native-bridge/contract/x.ts', "import { loadStore } from '../../main/store/load';\nexport const x = loadStore;", 'import/no-restricted-paths'],
  ])('%s: forbidden import is reported', async (file, code, rule) => {
    const errors = await lintAs(file, code);
    expect(errors.some((e) => e.startsWith(`${rule}:`)), errors.join('\n')).toBe(true);
  });

  it.each([
    ['renderer/src/x.ts', "import type { FloorPlan } from '../../native-bridge/contract';\nexport type X = FloorPlan;"],
    ['main/engine/x.ts', "import type { StoreModel } from '../store/schema';\nexport type X = StoreModel;"],
    ['main/hosts/desktop/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['native-bridge/preload/x.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;"],
  ])('%s: allowed import passes', async (file, code) => {
    expect(await lintAs(file, code)).toEqual([]);
  });
});
