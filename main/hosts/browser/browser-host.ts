// The browser host: the app from the composition root, its renderer over HTTP and its API over a
// WebSocket, on 127.0.0.1 with a fresh connection token per run. This is how a reviewer on another
// screen opens the suite, how the end-to-end tests drive it, and the fallback without Electron.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { attachWebSocketApi } from '../../../native-bridge/rpc/server/websocket-server';
import type { AppConfig } from '../../app/config';
import { createApp, type App } from '../../app/create-app';
import { rendererDir } from '../../platform/package-info';
import { createRendererServer } from './http-server';

export interface BrowserHostOptions {
  config: Omit<AppConfig, 'host'>;
  bind?: string;
  port?: number;
  /** Fixed token for scripted use; a random one otherwise. */
  token?: string;
  log?: (line: string) => void;
  /** The built renderer to serve; the package's out/renderer unless given. */
  rendererDir?: string;
}

export interface BrowserHost {
  app: App;
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The names a page may be loaded from, first the one to print. A wildcard bind is reached through
 * this computer's name or any of its addresses, so each is an allowed origin.
 */
function reachableNames(bind: string): string[] {
  const bracket = (address: string) => (address.includes(':') ? `[${address}]` : address);
  if (bind !== '0.0.0.0' && bind !== '::') return [bracket(bind)];
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((info) => info !== undefined && !info.internal && (bind === '::' || info.family === 'IPv4'))
    .map((info) => bracket(info!.address));
  return [...addresses, hostname(), '127.0.0.1'];
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const bind = options.bind ?? '127.0.0.1';
  // Beyond this computer anyone on the network could reach the page: everyone signs in.
  const requireLogin = options.config.requireLogin === true || !loopbackHosts.has(bind);
  const log = options.log ?? ((line: string) => console.error(line));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = createApp({ ...options.config, requireLogin, host: 'browser' }, log);
  if (requireLogin && app.db.users.count({ role: 'manager', enabledOnly: true }) === 0) {
    await app.dispose();
    throw new Error(
      `refusing to serve with sign-in required: this store has no enabled manager yet; create one with \`walkout users add --username NAME --role manager\``,
    );
  }
  const http = createRendererServer(options.rendererDir ?? rendererDir(), log);
  let origins: string[] = [];
  const wss = attachWebSocketApi(http, app.api, { token, allowedOrigins: () => origins, log });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 0, bind, () => resolve());
    });
  } catch (error) {
    await app.dispose();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const names = reachableNames(bind);
  const origin = `http://${names[0]}:${port}`;
  origins = [...new Set([...names, 'localhost', '127.0.0.1'])].map((name) => `http://${name}:${port}`);

  return {
    app,
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await app.dispose();
    },
  };
}
