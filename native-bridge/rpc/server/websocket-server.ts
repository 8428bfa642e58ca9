// The browser host's transport: WebSocket sessions on /api for pages of our own origin that present
// the per-run connection token. Oversized messages are cut off by ws itself (close 1009); malformed
// ones get an error reply from the session; a wrong token gets close code 4401 and nothing else.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiServer } from './api-server';
import { serveTextSession } from './text-session';

export const unauthorizedCloseCode = 4401;
export const defaultMaxMessageBytes = 256 * 1024;

export interface WebSocketApiOptions {
  token: string;
  /** Origins whose pages may connect, e.g. `http://127.0.0.1:5170`. */
  allowedOrigins: () => readonly string[];
  maxMessageBytes?: number;
  log?: (line: string) => void;
}

export function tokensMatch(expected: string, presented: string | null): boolean {
  if (presented === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function attachWebSocketApi(http: Server, server: ApiServer, options: WebSocketApiOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? defaultMaxMessageBytes });

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api') return refuse(socket, 404, 'Not Found');
    const origin = request.headers.origin;
    if (origin !== undefined && !options.allowedOrigins().includes(origin)) {
      options.log?.(`refused a WebSocket from origin ${origin}`);
      return refuse(socket, 403, 'Forbidden origin');
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      if (!tokensMatch(options.token, url.searchParams.get('token'))) {
        options.log?.('refused a WebSocket with a missing or wrong connection token');
        ws.close(unauthorizedCloseCode, 'missing or wrong connection token: open the URL the host printed');
        return;
      }
      serveSocket(ws, server);
    });
  });
  return wss;
}

function serveSocket(ws: WebSocket, server: ApiServer): void {
  serveTextSession(server, {
    send: (text) => {
      if (ws.readyState === ws.OPEN) ws.send(text);
    },
    onMessage: (listener) => ws.on('message', (data, isBinary) => listener(isBinary ? '\u0000binary' : data.toString('utf8'))),
    onClose: (listener) => ws.on('close', listener),
  });
  ws.on('error', () => ws.terminate());
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
