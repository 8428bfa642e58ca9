// The browser host's HTTP side: serves the built renderer with strict security headers. The API is
// not here (it is the WebSocket on /api); these files are the same for everyone and hold no data.
// Files are looked up on every request (send stats each one), so a rebuild or a deleted out/renderer
// while the host runs gives a 404, 500 or 503 with a line in the log, never a crash of the host.
import { existsSync } from 'node:fs';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import send from 'send';

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

/** A plain-text answer in place of a file: send may already have set the file's length, type and ETag. */
function answerInstead(res: ServerResponse, status: number, text: string): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  setSecurityHeaders(res);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${text}\n`);
}

/** `log` gets one line per file that could not be served (missing, unreadable, or failing mid-read). */
export function createRendererServer(rendererDir: string, log: (line: string) => void): Server {
  const fileFailed = (req: IncomingMessage, res: ServerResponse, pathname: string, error: Error & { status?: number }): void => {
    const status = error.status ?? 500;
    log(`renderer: ${req.method} ${pathname}: ${status} (${error.message})`);
    if (res.headersSent) {
      // Part of the file is on its way: the only honest end left is a cut connection.
      res.destroy(error);
    } else if (status === 404 && !existsSync(join(rendererDir, 'index.html'))) {
      answerInstead(res, 503, `The renderer is not built (no ${rendererDir}/index.html). Run "npm run build" and reload.`);
    } else {
      answerInstead(res, status, STATUS_CODES[status] ?? 'Error');
    }
  };

  return createServer((req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // Still percent-encoded: send decodes it, and refuses paths that climb out of the root.
    const { pathname } = new URL(req.url ?? '/', 'http://renderer');
    // No ranges: the renderer's files are small, and an unsatisfiable range would be one more error to shape.
    send(req, pathname, { root: rendererDir, index: ['index.html'], acceptRanges: false })
      .on('error', (error: Error & { status?: number }) => fileFailed(req, res, pathname, error))
      .pipe(res);
  });
}
