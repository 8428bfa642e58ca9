// The browser host: the app from the composition root, its renderer over HTTP and its API over a
// WebSocket, on 127.0.0.1 with a fresh connection token per run. This is how a reviewer on another
// screen opens the suite, how the end-to-end tests drive it, and the fallback without Electron.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
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

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const bind = options.bind ?? '127.0.0.1';
  if (!loopbackHosts.has(bind)) {
    throw new Error(`refusing to bind ${bind}: serving beyond this computer needs user login, which Walkout does not have yet; use 127.0.0.1`);
  }
  const log = options.log ?? ((line: string) => console.error(line));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const app = createApp({ ...options.config, host: 'browser' }, log);
  const http = createRendererServer(rendererDir());
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
  const hostname = bind === '::1' ? '[::1]' : bind;
  const origin = `http://${hostname}:${port}`;
  origins = [origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`];

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
