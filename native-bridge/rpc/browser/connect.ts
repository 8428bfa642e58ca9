// How the renderer finds its host: inside Electron the preload has put `window.walkout` there;
// in a browser the page was opened from the browser host with `?token=…`, which is moved out of
// the address bar (so it is not bookmarked or shared by accident) into this tab's session storage.
import type { ApiClient } from '../../contract/api';
import type { WalkoutBridge } from '../../contract/bridge';
import { createIpcClient } from './ipc-client';
import { connectWebSocket } from './websocket-client';

const tokenKey = 'walkout.connectionToken';

declare global {
  interface Window {
    walkout?: WalkoutBridge;
  }
}

export function connectToHost(): ApiClient {
  if (window.walkout) return createIpcClient(window.walkout);
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  const token = sessionStorage.getItem(tokenKey) ?? '';
  const scheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return connectWebSocket(`${scheme}//${url.host}/api?token=${encodeURIComponent(token)}`);
}
