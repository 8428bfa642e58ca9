// Sign-in and roles in Chromium: a host that requires login (as one bound beyond 127.0.0.1 does),
// with accounts created by `walkout users add` as an installer would. A manager signs in and adds
// a reviewer; an analyst does not see the review queue; a wrong password is refused.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test, type Page } from '@playwright/test';

let dataDir: string;
let host: ChildProcess;
let url: string;

function addUser(username: string, role: string, password: string): void {
  const result = spawnSync(process.execPath, ['bin/walkout.js', 'users', 'add', '--username', username, '--role', role, '--password-stdin', '--data-dir', dataDir], {
    input: `${password}\n`,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`walkout users add failed: ${result.stderr}`);
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'walkout-e2e-users-'));
  addUser('maria', 'manager', 'manager-password');
  addUser('ana', 'analyst', 'analyst-password');
  host = spawn(process.execPath, ['bin/walkout.js', 'serve', '--store', 'demo', '--port', '0', '--json', '--require-login', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    host.once('exit', (code) => reject(new Error(`walkout serve exited with ${code}`)));
    createInterface({ input: host.stdout! }).once('line', resolve);
  });
  url = (JSON.parse(line) as { url: string }).url;
});

test.afterAll(async () => {
  host.kill('SIGTERM');
  await new Promise((resolve) => host.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a wrong password is refused and nothing of the store is shown', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: /Sign in to Walkout Demo/ })).toBeVisible();
  await signIn(page, 'maria', 'not-her-password');
  await expect(page.getByTestId('sign-in-error')).toHaveText('wrong username or password');
  await expect(page.getByTestId('floor-plan')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/sign-in-refused.png' });
});

test('a manager signs in, adds a reviewer, and the change survives a reload', async ({ page }) => {
  await page.goto(url);
  await signIn(page, 'maria', 'manager-password');
  await expect(page.getByTestId('user-menu')).toContainText('maria · manager');
  await expect(page.getByTestId('floor-plan')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('user-ana')).toBeVisible();
  await page.getByLabel('New user name').fill('rui');
  await page.getByLabel('Role', { exact: true }).selectOption('reviewer');
  await page.getByLabel('Password', { exact: true }).fill('reviewer-password');
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Created rui (reviewer).' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/settings-users.png' });
  // Still signed in after a reload: the tab kept its session token.
  await page.reload();
  await expect(page.getByTestId('user-rui')).toBeVisible();
});

test('an analyst sees no review queue and may not manage users', async ({ page }) => {
  await page.goto(url);
  await signIn(page, 'ana', 'analyst-password');
  await expect(page.getByTestId('user-menu')).toContainText('ana · analyst');
  await expect(page.getByTestId('nav-review')).toHaveCount(0);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('users-not-allowed')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: /Sign in/ })).toBeVisible();
});
