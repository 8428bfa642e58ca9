// Starts the real browser host (the built CLI, as a user would) on a free port with a throwaway
// data folder and a simulated live feed, and hands its tokened URL to the tests through the
// environment.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkout-e2e-'));
  // The simulator feeds the live floor map as real devices would, ten times faster than real time
  // so a test sees shoppers arrive within seconds.
  const args = ['serve', '--store', 'demo', '--port', '0', '--json', '--data-dir', dataDir, '--simulate', '--speed', '10', '--shoppers', '20'];
  const child = spawn(process.execPath, ['bin/walkout.js', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`walkout serve exited with ${code} before printing its URL`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  const { url, port } = JSON.parse(line) as { url: string; port: number };
  process.env.WALKOUT_E2E_URL = url;
  process.env.WALKOUT_E2E_ORIGIN = `http://127.0.0.1:${port}`;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
