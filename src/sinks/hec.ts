import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCb } from 'node:zlib';
import type { Finding } from '../core/finding.js';
import { toOcsf } from '../output/ocsf.js';
import { sleep } from '../net/sleep.js';
import { BatchingSink, DeliveryError, type BatchingOptions, type Transport } from './batching.js';
import { resolveSecret, type HecSinkConfig } from './config.js';
import { checkStatus, HttpClient } from './http.js';

const gzip = promisify(gzipCb);

export type HecEvent = Record<string, unknown>;

/**
 * Splunk HTTP Event Collector: batched events in one POST to /services/collector/event (JSON
 * objects back to back), gzip, `Authorization: Splunk <token>`. With indexer acknowledgement the
 * request carries a channel, and the batch counts as delivered only when /services/collector/ack
 * says the ackId was indexed; no answer in time means the batch is sent again.
 */
export class HecTransport implements Transport<HecEvent> {
  private readonly http: HttpClient;
  private readonly channel = randomUUID();
  private readonly token: string;
  private readonly base: string;

  constructor(private readonly config: HecSinkConfig) {
    this.http = new HttpClient(config.url, config.tls, config.requestTimeoutMs);
    this.token = resolveSecret(config.token, 'HEC token');
    this.base = config.url.replace(/\/+$/, '');
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      authorization: `Splunk ${this.token}`,
      'content-type': 'application/json',
      ...(this.config.ack.enabled ? { 'x-splunk-request-channel': this.channel } : {}),
      ...extra,
    };
  }

  async deliver(records: readonly HecEvent[], signal: AbortSignal): Promise<void> {
    const text = records.map((r) => JSON.stringify(r)).join('\n');
    const body = this.config.gzip ? await gzip(text) : Buffer.from(text);
    const res = await this.http.send(
      `${this.base}/services/collector/event`,
      'POST',
      this.headers(this.config.gzip ? { 'content-encoding': 'gzip' } : {}),
      body,
      signal,
    );
    checkStatus(res, 'HEC');
    if (!this.config.ack.enabled) return;
    let ackId: number | undefined;
    try {
      ackId = (JSON.parse(res.body) as { ackId?: number }).ackId;
    } catch { /* handled below */ }
    if (typeof ackId !== 'number') throw new DeliveryError('HEC: acknowledgement enabled but no ackId in the answer (is useACK on for the token?)', false);
    await this.awaitAck(ackId, signal);
  }

  private async awaitAck(ackId: number, signal: AbortSignal): Promise<void> {
    const deadline = Date.now() + this.config.ack.timeoutMs;
    // An abort ends the polling as the abort it is (the sleep and the request reject with its
    // reason), never as an acknowledgement that did not come in time.
    for (;;) {
      const res = await this.http.send(`${this.base}/services/collector/ack`, 'POST', this.headers(), JSON.stringify({ acks: [ackId] }), signal);
      checkStatus(res, 'HEC ack');
      const acks = (JSON.parse(res.body) as { acks?: Record<string, boolean> }).acks ?? {};
      if (acks[String(ackId)] === true) return;
      if (Date.now() + this.config.ack.pollMs > deadline) break;
      await sleep(this.config.ack.pollMs, signal);
    }
    throw new DeliveryError(`HEC: ackId ${ackId} not acknowledged within ${this.config.ack.timeoutMs} ms`, true);
  }

  async close(): Promise<void> {
    this.http.close();
  }
}

export function hecRecord(config: HecSinkConfig, options: { contract?: { id: string; title: string } | undefined; scanId?: string | undefined }) {
  return (f: Finding): HecEvent => ({
    time: Date.parse(f.time) / 1000,
    ...(config.host ? { host: config.host } : {}),
    source: config.source,
    sourcetype: config.sourcetype,
    ...(config.index ? { index: config.index } : {}),
    event: config.format === 'ocsf' ? toOcsf(f, options) : f,
  });
}

export function createHecSink(name: string, config: HecSinkConfig, batching: BatchingOptions, context: { contract?: { id: string; title: string } | undefined; scanId?: string | undefined } = {}) {
  return new BatchingSink<HecEvent>(name, new HecTransport(config), hecRecord(config, context), batching);
}
