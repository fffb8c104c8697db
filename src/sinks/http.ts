import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import { parseRetryAfter } from '../net/backoff.js';
import { DeliveryError } from './batching.js';
import type { TlsConfig } from './config.js';

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** TLS options for node:tls/https from the sink config: CA file, verification on by default. */
export function tlsOptions(tls: TlsConfig): { ca?: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: boolean; servername?: string } {
  return {
    rejectUnauthorized: tls.verify,
    ...(tls.caFile ? { ca: readFileSync(tls.caFile) } : {}),
    ...(tls.certFile ? { cert: readFileSync(tls.certFile) } : {}),
    ...(tls.keyFile ? { key: readFileSync(tls.keyFile) } : {}),
    ...(tls.serverName ? { servername: tls.serverName } : {}),
  };
}

/** A keep-alive HTTP(S) client with a per-request timeout and abort, for the HTTP sinks. */
export class HttpClient {
  private readonly agent: HttpAgent | HttpsAgent;
  private readonly https: boolean;

  constructor(baseUrl: string, tls: TlsConfig, private readonly timeoutMs: number) {
    this.https = new URL(baseUrl).protocol === 'https:';
    this.agent = this.https ? new HttpsAgent({ keepAlive: true, ...tlsOptions(tls) }) : new HttpAgent({ keepAlive: true });
  }

  send(url: string, method: string, headers: Record<string, string>, body: Buffer | string | undefined, signal: AbortSignal): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const req = (this.https ? httpsRequest : httpRequest)(url, { method, headers, agent: this.agent, signal, timeout: this.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', (e) => reject(new DeliveryError(`response: ${e.message}`, true)));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (e) => reject(new DeliveryError(`${method} ${redact(url)}: ${e.message}`, true)));
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

const redact = (url: string) => url.replace(/\?.*$/, '');

/**
 * The common HTTP status policy: 2xx delivered; 408, 429 and 5xx retried (honouring Retry-After);
 * any other answer (bad token, malformed data) will not change by retrying, so it is spooled at
 * once for a replay after the configuration is fixed.
 */
export function checkStatus(res: HttpResponse, what: string): void {
  if (res.status >= 200 && res.status < 300) return;
  const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
  throw new DeliveryError(`${what}: HTTP ${res.status} ${res.body.slice(0, 200)}`, retryable, parseRetryAfter(res.headers['retry-after']));
}
