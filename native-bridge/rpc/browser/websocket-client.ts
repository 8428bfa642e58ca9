// The browser host's transport: a WebSocket to /api carrying the per-run connection token, reopened
// with capped exponential backoff when the host restarts or the network blips. A refused token
// (close code 4401) is final: retrying would not help, the user needs the printed URL.
import type { ApiClient } from '../../contract/api';
import { createTextClient, type ClientChannel } from './text-client';

export const unauthorizedCloseCode = 4401;

export function connectWebSocket(url: string, options: { maxBackoffMs?: number } = {}): ApiClient {
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  let socket: WebSocket | undefined;
  let attempt = 0;
  let closedByUs = false;
  let onMessage: (text: string) => void = () => undefined;
  let onState: (state: 'connecting' | 'open' | 'closed' | 'unauthorized') => void = () => undefined;

  const open = () => {
    onState('connecting');
    const ws = new WebSocket(url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempt = 0;
      onState('open');
    });
    ws.addEventListener('message', (event) => {
      if (typeof event.data === 'string') onMessage(event.data);
    });
    ws.addEventListener('close', (event) => {
      if (closedByUs) return;
      if (event.code === unauthorizedCloseCode) {
        onState('unauthorized');
        return;
      }
      onState('closed');
      const delay = Math.min(maxBackoffMs, 250 * 2 ** attempt++);
      setTimeout(open, delay);
    });
  };

  const channel: ClientChannel = {
    send: (text) => socket?.send(text),
    onMessage: (listener) => {
      onMessage = listener;
    },
    onState: (listener) => {
      onState = listener;
    },
    close: () => {
      closedByUs = true;
      socket?.close();
    },
  };
  const client = createTextClient(channel);
  open();
  return client;
}
