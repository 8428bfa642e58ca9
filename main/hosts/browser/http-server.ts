// The browser host's HTTP side: serves the built renderer with strict security headers. The API is
// not here (it is the WebSocket on /api); these files are the same for everyone and hold no data.
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  // The page URL carries the connection token until the renderer moves it out: never send it on.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}

export function createRendererServer(rendererDir: string): Server {
  const built = existsSync(join(rendererDir, 'index.html'));
  const serve = built ? sirv(rendererDir, { single: true, dev: false, etag: true }) : undefined;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!serve) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`The renderer is not built (no ${rendererDir}/index.html). Run "npm run build" and reload.\n`);
      return;
    }
    serve(req, res, () => {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    });
  });
}
