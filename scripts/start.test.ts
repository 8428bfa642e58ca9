// `npm start` on a machine without the Electron binary: one line says why, then the browser host
// starts and prints a URL that really serves the suite.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../main/platform/system-check';

describe.skipIf(findElectronBinary() !== undefined)('npm start without Electron', () => {
  it('says Electron is missing and prints a working browser-host URL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'walkout-start-'));
    const child = spawn('npx', ['tsx', 'scripts/start.ts', '--port', '0', '--data-dir', dataDir], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const lines: string[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`npm start exited (${code}) before printing a URL:\n${lines.join('\n')}`)));
        createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          const match = /^Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/.exec(line);
          if (match) resolve(match[1]!);
        });
      });
      expect(lines.filter((line) => /Electron binary not installed.*browser/.test(line))).toHaveLength(1);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
