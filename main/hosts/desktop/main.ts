// The desktop host: the Electron main process. It builds the app from the composition root, serves
// the renderer from its own `walkout://` protocol (never file://), and locks the window down:
// context isolation, sandbox, no Node in the page, a strict CSP, no navigation, no new windows,
// and IPC answered only for the app's own top-level page.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, net, protocol, session, shell } from 'electron';
import { serveIpc } from '../../../native-bridge/rpc/server/ipc-server';
import { defaultDataDir } from '../../app/config';
import { createApp } from '../../app/create-app';
import { rendererDir } from '../../platform/package-info';
import { demoStoreDir } from '../../store/load';
import { appOrigin, appScheme, appUrlToFile, contentSecurityPolicy, isAppUrl } from './window-security';

protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const devServerOrigin = process.env.ELECTRON_RENDERER_URL ? new URL(process.env.ELECTRON_RENDERER_URL).origin : undefined;

function serveRendererProtocol(): void {
  const root = rendererDir();
  protocol.handle(appScheme, async (request) => {
    const file = appUrlToFile(request.url, root);
    if (!file || !existsSync(file)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    return new Response(response.body, { status: response.status, headers });
  });
}

function lockDownWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url, devServerOrigin)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

async function main(): Promise<void> {
  await app.whenReady();
  lockDownWebContents();
  serveRendererProtocol();

  const walkout = createApp({
    host: 'desktop',
    storeDir: process.env.WALKOUT_STORE_DIR ?? demoStoreDir(),
    dataDir: defaultDataDir(),
    healthIntervalMs: 2000,
    // With no devices configured, the desktop app shows the demo store fed by the simulator.
    ...(process.env.WALKOUT_STORE_DIR ? {} : { simulate: { shoppers: 20, speed: 1, seed: 1 } }),
  });
  const stopIpc = serveIpc(walkout.api, ipcMain, (url) => isAppUrl(url, devServerOrigin));

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: `Walkout — ${walkout.store.layout.name}`,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  await window.loadURL(devServerOrigin ? process.env.ELECTRON_RENDERER_URL! : `${appOrigin}/index.html`);

  app.on('window-all-closed', () => {
    stopIpc();
    void walkout.dispose().then(() => app.quit());
  });
}

void main();
