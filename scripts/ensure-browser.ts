// Finds a Chromium for the end-to-end tests: the system's where installed, else Playwright's own,
// installed on first use where the network allows. Returns false with one clear line otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from '../main/platform/system-check';

export function ensureBrowser(): boolean {
  if (findChromium()) return true;
  if (existsSync(chromium.executablePath())) return true;
  console.log('No system Chromium (install the package chromium); trying to download Playwright\'s own…');
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (result.status === 0 && existsSync(chromium.executablePath())) return true;
  console.error('No browser for the end-to-end tests: install the package chromium (apt-get install chromium).');
  return false;
}
