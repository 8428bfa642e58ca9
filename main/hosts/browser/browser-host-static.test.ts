// The browser host's static files going away under it (a rebuild, or out/renderer deleted while it
// serves): each request for a file that is gone or unreadable gets an HTTP error and a log line,
// and the host goes on serving the API.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiClient } from '../../../native-bridge/contract';
import { connectWebSocket } from '../../../native-bridge/rpc/browser/websocket-client';
import { tempDataDir, type TempDataDir } from '../../testing/temp-app';
import { startBrowserHost, type BrowserHost } from './browser-host';

let data: TempDataDir;
let staticDir: string;
let host: BrowserHost;
let client: ApiClient;
const logged: string[] = [];

beforeAll(async () => {
  data = tempDataDir();
  staticDir = mkdtempSync(join(tmpdir(), 'walkout-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Walkout</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("walkout");');
  host = await startBrowserHost({ config: data.config, port: 0, rendererDir: staticDir, log: (line) => logged.push(line) });
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  client = connectWebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
});
afterAll(async () => {
  client.close();
  await host.close();
  rmSync(staticDir, { recursive: true, force: true });
  data.remove();
});

const get = (path: string) => fetch(`${host.origin}${path}`);

describe('static files that go away while the browser host serves', () => {
  it('serves a file while it is there, and answers 404 with a log line once it is deleted', async () => {
    const before = await get('/assets/app.js');
    expect(before.status).toBe(200);
    expect(before.headers.get('content-type')).toMatch(/javascript/);
    expect(await before.text()).toBe('console.log("walkout");');

    rmSync(join(staticDir, 'assets', 'app.js'));
    const after = await get('/assets/app.js');
    expect(after.status).toBe(404);
    expect(after.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(after.headers.get('etag')).toBeNull();
    expect(await after.text()).toBe('Not Found\n');
    expect(logged.at(-1)).toMatch(/^renderer: GET \/assets\/app\.js: 404 \(ENOENT: /);
    await expect(client.call('getSystemStatus', {})).resolves.toMatchObject({ host: 'browser' });
  });

  it('answers 500 with a log line for a file that cannot be read', async () => {
    // A link to itself: stat fails with ELOOP, which no permission bit can fake for root.
    symlinkSync('loop.js', join(staticDir, 'assets', 'loop.js'));
    const response = await get('/assets/loop.js');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Internal Server Error\n');
    expect(logged.at(-1)).toMatch(/^renderer: GET \/assets\/loop\.js: 500 \(ELOOP: /);
    await expect(client.call('getSystemStatus', {})).resolves.toMatchObject({ host: 'browser' });
  });

  it('says the renderer is not built once the whole folder is gone, and still answers the API', async () => {
    expect((await get('/')).status).toBe(200);
    rmSync(staticDir, { recursive: true, force: true });
    const response = await get('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/^The renderer is not built \(no .*\/index\.html\)\. Run "npm run build" and reload\.\n$/);
    expect(logged.at(-1)).toMatch(/^renderer: GET \/: 404 \(ENOENT: /);
    await expect(client.call('getSystemStatus', {})).resolves.toMatchObject({ host: 'browser' });

    // Built again while the host runs: served at once, no restart needed.
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Walkout again</title>');
    const rebuilt = await get('/');
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.text()).toContain('Walkout again');
  });
});
