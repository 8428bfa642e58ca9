// The browser host with sign-in required, over a real WebSocket: nothing but the public calls
// before signing in, each role limited to its permissions, and a session resumed on a new socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ApiError, type ApiClient } from '../../../native-bridge/contract';
import { connectWebSocket } from '../../../native-bridge/rpc/browser/websocket-client';
import { openStoreDatabase } from '../../db';
import { hashPassword } from '../../users/password';
import { tempDataDir, type TempDataDir } from '../../testing/temp-app';
import { startBrowserHost, type BrowserHost } from './browser-host';

let data: TempDataDir;
let host: BrowserHost;
const clients: ApiClient[] = [];

function connect(): ApiClient {
  const client = connectWebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`);
  clients.push(client);
  return client;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as ApiError).code;
  }
  return 'no error';
}

beforeAll(async () => {
  data = tempDataDir();
  (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
  // Users exist before the host starts, as `walkout users add` leaves them.
  const first = await startBrowserHost({ config: data.config, port: 0, log: () => undefined });
  const storeId = first.app.store.layout.id;
  await first.close();
  const db = openStoreDatabase(`${data.dataDir}/${storeId}.sqlite`, { storeId });
  db.users.insert({ username: 'maria', role: 'manager', passwordHash: await hashPassword('manager-password'), createdAtMs: 1 });
  db.users.insert({ username: 'ana', role: 'analyst', passwordHash: await hashPassword('analyst-password'), createdAtMs: 1 });
  db.close();
  host = await startBrowserHost({ config: { ...data.config, requireLogin: true }, port: 0, log: () => undefined });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await host.close();
  data.remove();
});

describe('browser host with sign-in required', () => {
  it('answers only public calls before anyone signs in', async () => {
    const client = connect();
    expect(await client.call('whoAmI', {})).toEqual({ caller: null, loginRequired: true, storeName: host.app.store.layout.name });
    expect(await codeOf(client.call('getFloorPlan', {}))).toBe('unauthenticated');
    expect(await codeOf(client.call('signIn', { username: 'maria', password: 'wrong-password' }))).toBe('unauthenticated');
  });

  it('delivers no stream data to a connection until someone signs in on it', async () => {
    const client = connect();
    const received: number[] = [];
    client.subscribe('hostHealth', (health) => received.push(health.uptimeS));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);
    await client.call('signIn', { username: 'ana', password: 'analyst-password' });
    await expect.poll(() => received.length, { timeout: 3000 }).toBeGreaterThan(0);
  });

  it('lets an analyst read but not manage users', async () => {
    const client = connect();
    const signedIn = await client.call('signIn', { username: 'ana', password: 'analyst-password' });
    expect(signedIn.caller).toEqual({ username: 'ana', role: 'analyst', via: 'login' });
    expect((await client.call('getFloorPlan', {})).counts.cameras).toBeGreaterThan(0);
    expect(await codeOf(client.call('listUsers', {}))).toBe('forbidden');
  });

  it('resumes a session on a new socket, and a manager creates a user whose change is audited', async () => {
    const { sessionToken } = await connect().call('signIn', { username: 'maria', password: 'manager-password' });
    const reconnected = connect();
    await reconnected.call('resumeSession', { sessionToken });
    const created = await reconnected.call('createUser', { username: 'rui', role: 'reviewer', password: 'reviewer-password' });
    expect(created).toMatchObject({ username: 'rui', role: 'reviewer', disabled: false });
    expect(host.app.db.audit.list({ limit: 1, subject: 'user:rui' })[0]).toMatchObject({ actor: 'maria', action: 'user.create' });
  });

  it('refuses a weak password with the field that failed', async () => {
    const client = connect();
    await client.call('signIn', { username: 'maria', password: 'manager-password' });
    const error = await client.call('createUser', { username: 'x1', role: 'analyst', password: 'short' }).catch((e: unknown) => e as ApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).issues?.[0]?.path).toBe('password');
  });
});
