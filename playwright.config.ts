// End-to-end tests: the browser host on the demo store, driven in Chromium. The system's Chromium
// is used where installed (Playwright cannot download browsers on every machine); otherwise
// Playwright's own, which `npm test` installs on first use.
import { defineConfig } from '@playwright/test';
import { findChromium } from './main/platform/system-check';

const executablePath = findChromium();

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
