import type { AwsSecurityFinding, SecurityHubClient, SecurityHubClientConfig } from '@aws-sdk/client-securityhub';
import type { Finding } from '../core/finding.js';
import { toAsff, type AsffFinding } from '../output/asff.js';
import { sleep } from '../net/sleep.js';
import { BatchingSink, DeliveryError, type BatchingOptions, type DeliveryResult, type Transport } from './batching.js';
import type { SecurityHubSinkConfig } from './config.js';

/** BatchImportFindings takes at most 100 findings per call. */
export const SECURITY_HUB_MAX_BATCH = 100;

/** Spaces call starts at least 1/rate apart (the API's 10 TPS per account and region). */
export class CallPacer {
  private next = 0;
  constructor(private readonly perSecond: number) {}
  /** Books the next slot: how long to wait from `now` before starting the call. */
  reserve(now = Date.now()): number {
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    return at - now;
  }

  async wait(signal: AbortSignal): Promise<void> {
    const delay = this.reserve();
    if (delay > 0) await sleep(delay, signal);
  }
}

const RETRYABLE = new Set(['ThrottlingException', 'TooManyRequestsException', 'LimitExceededException', 'InternalException', 'ServiceUnavailableException', 'RequestTimeout', 'TimeoutError']);

/**
 * Security Hub BatchImportFindings in batches of <= 100, paced to the API's rate. The answer
 * lists findings it rejected one by one (FailedFindings: Id, ErrorCode, ErrorMessage): those are
 * reported as rejections (they would be rejected again, so they are not retried); a failed call
 * is retried and then spooled like any other batch.
 */
export class SecurityHubTransport implements Transport<AsffFinding> {
  private readonly pacer: CallPacer;
  private sdk: Promise<{ client: SecurityHubClient; BatchImportFindings: typeof import('@aws-sdk/client-securityhub').BatchImportFindingsCommand }> | undefined;

  constructor(private readonly config: SecurityHubSinkConfig, private readonly clientConfig: Partial<SecurityHubClientConfig> = {}) {
    this.pacer = new CallPacer(config.maxCallsPerSecond);
  }

  /** The SDK loads with the first batch: a command that delivers nothing here never loads it. */
  private connect() {
    return (this.sdk ??= import('@aws-sdk/client-securityhub').then((sdk) => ({
      client: new sdk.SecurityHubClient({
        region: this.config.region,
        ...(this.config.endpoint ? { endpoint: this.config.endpoint } : {}),
        // Our batching layer retries with backoff and spools; SDK retries on top would multiply.
        maxAttempts: 1,
        ...this.clientConfig,
      }),
      BatchImportFindings: sdk.BatchImportFindingsCommand,
    })));
  }

  async deliver(records: readonly AsffFinding[], signal: AbortSignal): Promise<DeliveryResult> {
    if (records.length > SECURITY_HUB_MAX_BATCH) throw new DeliveryError(`batch of ${records.length} exceeds ${SECURITY_HUB_MAX_BATCH}`, false);
    await this.pacer.wait(signal);
    const { client, BatchImportFindings } = await this.connect();
    let out;
    try {
      out = await client.send(new BatchImportFindings({ Findings: records as unknown as AwsSecurityFinding[] }), { abortSignal: signal });
    } catch (error) {
      const e = error as { name?: string; message?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
      const status = e.$metadata?.httpStatusCode ?? 0;
      const retryable = Boolean(e.$retryable) || RETRYABLE.has(e.name ?? '') || status >= 500 || status === 429 || status === 0;
      throw new DeliveryError(`BatchImportFindings: ${e.name ?? 'Error'}: ${e.message ?? ''}`, retryable);
    }
    const index = new Map(records.map((r, i) => [r.Id, i]));
    return {
      rejected: (out.FailedFindings ?? []).map((f) => ({
        index: index.get(f.Id ?? '') ?? -1,
        id: f.Id ?? '',
        code: f.ErrorCode ?? 'Unknown',
        message: f.ErrorMessage ?? '',
      })),
    };
  }

  async close(): Promise<void> {
    if (this.sdk) (await this.sdk).client.destroy();
  }
}

export function createSecurityHubSink(
  name: string,
  config: SecurityHubSinkConfig,
  batching: BatchingOptions,
  clientConfig: Partial<SecurityHubClientConfig> = {},
) {
  const options = { defaultRegion: config.region, ...(config.productArn ? { productArn: config.productArn } : {}) };
  return new BatchingSink<AsffFinding>(
    name,
    new SecurityHubTransport(config, clientConfig),
    (f: Finding) => toAsff(f, options),
    { ...batching, batchSize: Math.min(batching.batchSize, SECURITY_HUB_MAX_BATCH) },
  );
}
