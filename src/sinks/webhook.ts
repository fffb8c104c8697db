import { createHmac } from 'node:crypto';
import type { Finding } from '../core/finding.js';
import { toOcsf } from '../output/ocsf.js';
import { BatchingSink, type BatchingOptions, type Transport } from './batching.js';
import { resolveSecret, type WebhookSinkConfig } from './config.js';
import { checkStatus, HttpClient } from './http.js';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: what a receiver recomputes to verify a batch. */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs JSON batches `{"batch": id, "findings": [...]}`. The timestamp header (Unix seconds) and
 * the signature over timestamp and body let the receiver authenticate the sender and refuse
 * replays; the batch id is the same on every retry and on replays from the spool, so the
 * receiver can deduplicate.
 */
export class WebhookTransport implements Transport<unknown> {
  private readonly http: HttpClient;
  private readonly secret: string;

  constructor(private readonly config: WebhookSinkConfig) {
    this.http = new HttpClient(config.url, config.tls, config.requestTimeoutMs);
    this.secret = resolveSecret(config.secret, 'webhook secret');
  }

  async deliver(records: readonly unknown[], signal: AbortSignal, id: string): Promise<void> {
    const body = JSON.stringify({ batch: id, findings: records });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const res = await this.http.send(this.config.url, 'POST', {
      ...this.config.headers,
      'content-type': 'application/json',
      'user-agent': 'dutyscan',
      'idempotency-key': id,
      [this.config.timestampHeader.toLowerCase()]: timestamp,
      [this.config.signatureHeader.toLowerCase()]: webhookSignature(this.secret, timestamp, body),
    }, body, signal);
    checkStatus(res, 'webhook');
  }

  async close(): Promise<void> {
    this.http.close();
  }
}

export function createWebhookSink(name: string, config: WebhookSinkConfig, batching: BatchingOptions, context: { contract?: { id: string; title: string } | undefined; scanId?: string | undefined } = {}) {
  const toRecord = (f: Finding): unknown => (config.format === 'ocsf' ? toOcsf(f, context) : f);
  return new BatchingSink<unknown>(name, new WebhookTransport(config), toRecord, batching);
}
