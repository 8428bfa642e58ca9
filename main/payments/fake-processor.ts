// A payment processor played by a real local HTTP server — the far side of the webhook, for the
// payments tests, the crash test and the latency bench: it verifies signatures, honours idempotency
// keys, and can be taken down or made to answer with an error. Named a fake: it stands in for the
// payment provider, never for Walkout's own code.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PaymentMessage } from './payment-message';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, verifySignature } from './webhook-signature';

export interface ProcessorRequest {
  key: string | undefined;
  signature: 'ok' | string;
  message: PaymentMessage;
  /** performance.now() when it arrived. */
  at: number;
}

/**
 * A payment processor over real HTTP on 127.0.0.1: every request is kept; a message id seen before
 * is answered 200 again without counting twice (what an idempotency key promises). `respond` can
 * script failures; `stop()` closes the port (the endpoint is down), `start()` opens it again on the
 * same port.
 */
export class FakeProcessor {
  readonly requests: ProcessorRequest[] = [];
  /** Charges, refunds and adjustments applied, once per id. */
  readonly applied = new Map<string, PaymentMessage>();
  respond: (request: ProcessorRequest) => { status: number; headers?: Record<string, string>; body?: string } | undefined = () => undefined;
  private server: http.Server | undefined;
  port = 0;

  constructor(private readonly secret: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/payments`;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        const check = verifySignature(this.secret, body, req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined, Math.floor(Date.now() / 1000));
        const request: ProcessorRequest = {
          key: req.headers[IDEMPOTENCY_HEADER.toLowerCase()] as string | undefined,
          signature: check.ok ? 'ok' : check.reason,
          message: JSON.parse(body) as PaymentMessage,
          at: performance.now(),
        };
        this.requests.push(request);
        const scripted = this.respond(request);
        if (scripted) {
          res.writeHead(scripted.status, scripted.headers).end(scripted.body ?? '');
          return;
        }
        if (!check.ok) {
          res.writeHead(401).end(`signature ${check.reason}`);
          return;
        }
        if (!this.applied.has(request.message.id)) this.applied.set(request.message.id, request.message);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ reference: `pay-${request.message.id}` }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export const processorSecret = 'whsec-test-0123456789abcdef';
