// The browser host for real: HTTP with security headers, the WebSocket API on 127.0.0.1 with its
// token, Origin and size checks, and the contract suite over a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ApiClient } from '../../../native-bridge/contract';
import { connectWebSocket } from '../../../native-bridge/rpc/browser/websocket-client';
import { apiContractSuite } from '../../app/api-contract.suite';
import { tempDataDir, type TempDataDir } from '../../testing/temp-app';
import { startBrowserHost, type BrowserHost } from './browser-host';

let data: TempDataDir;
let host: BrowserHost;
let client: ApiClient;
let raw: WebSocket;

function openRaw(query: string, headers: Record<string, string> = {}): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, { headers: { origin: host.origin, ...headers } });
}

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

beforeAll(async () => {
  data = tempDataDir();
  host = await startBrowserHost({ config: data.config, port: 0, log: () => undefined });
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  client = connectWebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
  raw = openRaw(`?token=${host.token}`);
  await new Promise((resolve) => raw.once('open', resolve));
});
afterAll(async () => {
  client.close();
  raw.close();
  await host.close();
  data.remove();
});

apiContractSuite('a real WebSocket on 127.0.0.1', () => ({
  client,
  sendRaw: (text) => raw.send(text),
  nextRaw: () => new Promise((resolve) => raw.once('message', (data) => resolve(data.toString()))),
}));

describe('browser host security', () => {
  it('prints a URL on 127.0.0.1 that carries a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('closes a WebSocket without a token with 4401 and a reason', async () => {
    const { code, reason } = await closeOf(openRaw(''));
    expect(code).toBe(4401);
    expect(reason).toMatch(/token/);
  });

  it('closes a WebSocket with a forged token with 4401', async () => {
    const { code } = await closeOf(openRaw(`?token=${'x'.repeat(host.token.length)}`));
    expect(code).toBe(4401);
  });

  it('refuses a WebSocket from another origin before it opens', async () => {
    const ws = openRaw(`?token=${host.token}`, { origin: 'http://evil.example' });
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(status).toBe(403);
  });

  it('cuts off a message over the size limit with close code 1009, and keeps serving others', async () => {
    const ws = openRaw(`?token=${host.token}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = closeOf(ws);
    ws.send('x'.repeat(300 * 1024));
    expect((await closed).code).toBe(1009);
    await expect(client.call('getSystemStatus', {})).resolves.toMatchObject({ host: 'browser' });
  });

  it('serves the renderer with a strict Content-Security-Policy', async () => {
    const response = await fetch(`${host.origin}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses to serve beyond loopback while the store has no manager to sign in', async () => {
    await expect(startBrowserHost({ config: data.config, bind: '0.0.0.0', port: 0, log: () => undefined })).rejects.toThrow(/no enabled manager.*walkout users add/);
  });
});
