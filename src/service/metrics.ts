import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ScanSummary } from '../core/summary.js';
import type { Change, ScanStatus } from '../store/types.js';
import type { SkipReason } from './scheduler.js';

/** How many findings of a scan share a status, severity, duty and muting. */
export interface FindingCount {
  readonly status: string;
  readonly severity: string;
  readonly duty: string;
  readonly muted: boolean;
  readonly count: number;
}

/** Counts findings as they are recorded, for the findings gauge. */
export class FindingBreakdown {
  private readonly counts = new Map<string, FindingCount>();

  add(f: { readonly status: string; readonly severity: string; readonly muted: boolean; readonly check: { readonly duty: string } }): void {
    const key = `${f.status}|${f.severity}|${f.check.duty}|${f.muted}`;
    const c = this.counts.get(key);
    this.counts.set(key, { status: f.status, severity: f.severity, duty: f.check.duty, muted: f.muted, count: (c?.count ?? 0) + 1 });
  }

  list(): FindingCount[] {
    return [...this.counts.values()];
  }
}

/**
 * The service's Prometheus metrics, in a registry of its own (not prom-client's global one), so
 * that tests and embedders can run several services in one process.
 */
export class ServiceMetrics {
  readonly registry = new Registry();

  private readonly scanDuration = new Histogram({
    name: 'dutyscan_scan_duration_seconds',
    help: 'Wall-clock duration of scans, by schedule (or "api") and final status.',
    labelNames: ['schedule', 'status'] as const,
    buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200],
    registers: [this.registry],
  });
  private readonly scans = new Counter({
    name: 'dutyscan_scans_total',
    help: 'Scans finished, by schedule and final status (completed, interrupted, failed).',
    labelNames: ['schedule', 'status'] as const,
    registers: [this.registry],
  });
  private readonly skipped = new Counter({
    name: 'dutyscan_scans_skipped_total',
    help: 'Scan triggers not run, because a scan of the same scope was running or queued (busy), the queue was full, or the service was stopping.',
    labelNames: ['schedule', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly running = new Gauge({
    name: 'dutyscan_scans_running',
    help: 'Scans in progress (0 or 1: scans run one at a time).',
    registers: [this.registry],
  });
  private readonly lastScan = new Gauge({
    name: 'dutyscan_last_scan_timestamp_seconds',
    help: 'When the last scan of a schedule finished, by final status.',
    labelNames: ['schedule', 'status'] as const,
    registers: [this.registry],
  });
  private readonly findings = new Gauge({
    name: 'dutyscan_findings',
    help: 'Findings of the last completed scan of each schedule, by status, severity, duty and whether muted.',
    labelNames: ['schedule', 'status', 'severity', 'duty', 'muted'] as const,
    registers: [this.registry],
  });
  private readonly obligations = new Gauge({
    name: 'dutyscan_obligation_findings',
    help: 'Findings of the last completed scan of each schedule per contract obligation, by status.',
    labelNames: ['schedule', 'obligation', 'status'] as const,
    registers: [this.registry],
  });
  private readonly changes = new Counter({
    name: 'dutyscan_finding_changes_total',
    help: 'Finding changes detected between scans (new, resolved, regressed, muted, mute-expired, still-failing).',
    labelNames: ['schedule', 'change'] as const,
    registers: [this.registry],
  });
  private readonly apiCalls = new Counter({
    name: 'dutyscan_api_calls_total',
    help: 'Cloud API calls made by scans, by provider and service.',
    labelNames: ['provider', 'service'] as const,
    registers: [this.registry],
  });
  private readonly apiErrors = new Counter({
    name: 'dutyscan_api_errors_total',
    help: 'Distinct collection errors of scans, by provider, service and error code.',
    labelNames: ['provider', 'service', 'code'] as const,
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'dutyscan_api_retries_total',
    help: 'Retries of throttled or failed cloud API calls, by provider, service and reason.',
    labelNames: ['provider', 'service', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly rateLimitWait = new Counter({
    name: 'dutyscan_rate_limit_wait_seconds_total',
    help: 'Time scans waited for the client-side rate limiters.',
    labelNames: ['schedule'] as const,
    registers: [this.registry],
  });
  private readonly sinkDeliveries = new Counter({
    name: 'dutyscan_sink_deliveries_total',
    help: 'Findings or change events delivered, by sink.',
    labelNames: ['sink'] as const,
    registers: [this.registry],
  });
  private readonly sinkFailures = new Counter({
    name: 'dutyscan_sink_failures_total',
    help: 'Findings or change events a sink could not deliver, by sink.',
    labelNames: ['sink'] as const,
    registers: [this.registry],
  });
  private readonly spool = new Gauge({
    name: 'dutyscan_sink_spool_size',
    help: 'Undelivered items waiting in a sink spool for replay, by sink.',
    labelNames: ['sink'] as const,
    registers: [this.registry],
  });

  /** `storeSize` and `overdueFindings` are read at each scrape: a due date passes between scans too. */
  constructor(options: { defaultMetrics?: boolean; storeSize?: () => Promise<number>; overdueFindings?: () => Promise<number> } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'dutyscan_' });
    const { storeSize, overdueFindings } = options;
    if (overdueFindings) {
      new Gauge({
        name: 'dutyscan_findings_overdue',
        help: 'Open, unmuted failing findings past the due date their contract\'s cure period gives (counted from when each was first seen failing).',
        registers: [this.registry],
        async collect() {
          try {
            this.set(await overdueFindings());
          } catch {
            // The store does not answer: /readyz says so; the gauge keeps its last value.
          }
        },
      });
    }
    if (storeSize) {
      new Gauge({
        name: 'dutyscan_store_size_bytes',
        help: 'Bytes the history store occupies (SQLite: the database pages; PostgreSQL: dutyscan\'s tables with their indexes).',
        registers: [this.registry],
        async collect() {
          try {
            this.set(await storeSize());
          } catch {
            // The store does not answer: /readyz says so; the gauge keeps its last value.
          }
        },
      });
    }
  }

  scanStarted(): void {
    this.running.set(1);
  }

  /** Nothing running (also after a scan whose recording failed, which never reaches scanFinished). */
  scanIdle(): void {
    this.running.set(0);
  }

  scanSkipped(schedule: string, reason: SkipReason): void {
    this.skipped.inc({ schedule, reason });
  }

  scanFinished(
    schedule: string,
    status: Exclude<ScanStatus, 'running'>,
    durationMs: number,
    summary: ScanSummary | null,
    drift: Partial<Record<Change, number>>,
    breakdown?: readonly FindingCount[],
  ): void {
    this.scans.inc({ schedule, status });
    this.scanDuration.observe({ schedule, status }, durationMs / 1000);
    this.lastScan.set({ schedule, status }, Date.now() / 1000);
    for (const [change, n] of Object.entries(drift)) if (n) this.changes.inc({ schedule, change }, n);
    if (!summary) return;

    for (const [provider, services] of Object.entries(summary.apiCalls)) {
      for (const [service, operations] of Object.entries(services)) {
        const calls = Object.values(operations).reduce((a, b) => a + b, 0);
        if (calls > 0) this.apiCalls.inc({ provider, service }, calls);
      }
    }
    for (const error of summary.errors) {
      this.apiErrors.inc({ provider: error.provider ?? 'unknown', service: error.operation.split(':')[0] ?? 'unknown', code: error.code });
    }
    for (const [key, n] of Object.entries(summary.retries)) {
      const [provider = 'unknown', service = 'unknown', ...reason] = key.split('/');
      this.retries.inc({ provider, service, reason: reason.join('/') || 'unknown' }, n);
    }
    this.rateLimitWait.inc({ schedule }, summary.rateLimitWaitMs / 1000);
    for (const [sink, n] of Object.entries(summary.undelivered)) if (n > 0) this.sinkFailures.inc({ sink }, n);

    // Gauges describe the last completed scan of each schedule: reset, then set every schedule's series.
    if (status !== 'completed') return;
    this.lastScans.set(schedule, { summary, breakdown: breakdown ?? [] });
    this.findings.reset();
    this.obligations.reset();
    for (const [name, last] of this.lastScans) {
      for (const b of last.breakdown) {
        this.findings.set({ schedule: name, status: b.status, severity: b.severity, duty: b.duty, muted: String(b.muted) }, b.count);
      }
      for (const o of last.summary.obligations) {
        for (const [s, n] of Object.entries(o.counts)) this.obligations.set({ schedule: name, obligation: o.id, status: s }, n);
      }
    }
  }

  private readonly lastScans = new Map<string, { summary: ScanSummary; breakdown: readonly FindingCount[] }>();

  sinkDelivered(sink: string, n = 1): void {
    this.sinkDeliveries.inc({ sink }, n);
  }

  sinkFailed(sink: string, n = 1): void {
    this.sinkFailures.inc({ sink }, n);
  }

  spoolSize(sink: string, size: number): void {
    this.spool.set({ sink }, size);
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
