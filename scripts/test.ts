// `npm test`: every test there is. Lint (which checks the layering), both type checks, unit and
// integration tests (vitest, contract suite over both transports), then end-to-end tests in Chromium
// against the browser host. Ends with one line of totals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { checkSystem } from '../main/platform/system-check';
import { buildIfStale } from './build-if-stale';
import { ensureBrowser } from './ensure-browser';
import { run } from './run';

for (const check of checkSystem()) if (!check.ok) console.log(`note: ${check.detail}`);

run('npx', ['eslint', '.']);
if (existsSync('node_modules/electron/electron.d.ts')) run('npx', ['tsc', '-p', 'tsconfig.node.json']);
else {
  console.log('note: the electron package is not installed (its download failed), so the desktop host and preload are not type-checked');
  run('npx', ['tsc', '-p', 'tsconfig.node-without-electron.json']);
}
run('npx', ['tsc', '-p', 'tsconfig.web.json']);
buildIfStale();

mkdirSync('test-results', { recursive: true });
const vitest = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'], { stdio: 'inherit' });
const unit = JSON.parse(readFileSync('test-results/vitest.json', 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };

let e2e = { passed: 0, failed: 0, skipped: 0 };
let e2eStatus: number | null = 0;
if (ensureBrowser()) {
  const playwright = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/playwright.json' },
  });
  e2eStatus = playwright.status;
  const report = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  e2e = { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
} else {
  e2eStatus = 1;
  e2e.failed = 1;
}

const passed = unit.numPassedTests + e2e.passed;
const failed = unit.numFailedTests + e2e.failed;
const skipped = unit.numPendingTests + e2e.skipped;
console.log(`\nunit ${unit.numPassedTests} passed, ${unit.numFailedTests} failed; end-to-end ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitest.status === 0 && e2eStatus === 0 && failed === 0 ? 0 : 1);
