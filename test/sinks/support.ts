import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Received { readonly method: string; readonly url: string; readonly headers: IncomingMessage['headers']; readonly body: string }

/**
 * A loopback HTTP receiver. `handle` answers each request (after the body is read and gunzipped);
 * every request is recorded.
 */
export class FakeReceiver {
  readonly requests: Received[] = [];
  private server: Server | undefined;
  url = '';

  constructor(public handle: (req: Received, res: ServerResponse) => void) {}

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let raw = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
        const r: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: raw.toString('utf8') };
        this.requests.push(r);
        this.handle(r, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

export const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `dutyscan-${prefix}-`));

export const fastRetry = { attempts: 8, initialDelayMs: 5, maxDelayMs: 40 };
