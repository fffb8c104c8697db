/**
 * What a program reading only the exit code learns: 0 clean, 3 failing, 4 incomplete, 5 failing
 * and incomplete. Each case first proves its premise from the JSON summary, so a change in the
 * demo cannot make the test pass for the wrong reason.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { dutyscan } from '../support/cli.js';

type Doc = { scan: ScanSummary; findings: Finding[] };

async function scan(args: string[]) {
  const run = await dutyscan(['scan', '--demo', '--format', 'json', ...args]);
  return { code: run.code, doc: JSON.parse(run.stdout) as Doc };
}

const failing = (doc: Doc, floor: readonly string[]) => doc.findings.some((f) => f.status === 'FAIL' && !f.muted && floor.includes(f.severity));
const ALL = ['critical', 'high', 'medium', 'low'];

describe('dutyscan scan exit codes', () => {
  it('5 when duties fail and the scan is incomplete (the demo: denied facts are ERRORs)', async () => {
    const { code, doc } = await scan([]);
    expect(failing(doc, ALL)).toBe(true);
    expect(doc.scan.counts.byStatus.ERROR).toBeGreaterThan(0);
    expect(doc.scan.complete).toBe(false);
    expect(code).toBe(5);
  });

  it('3 when duties fail and every result was evaluated', async () => {
    const { code, doc } = await scan(['--checks', 'aws-iam-root-mfa-enabled']);
    expect(failing(doc, ALL)).toBe(true);
    expect(doc.scan.counts.byStatus.ERROR).toBe(0);
    expect(doc.scan.complete).toBe(true);
    expect(code).toBe(3);
  });

  it('4 when nothing fails at or above --fail-on but ERRORs leave the picture incomplete', async () => {
    const { code, doc } = await scan(['--checks', 'azure-keyvault-vault-items-expire', '--fail-on', 'high']);
    expect(failing(doc, ['critical', 'high'])).toBe(false);
    expect(doc.scan.counts.byStatus.ERROR).toBeGreaterThan(0);
    expect(code).toBe(4);
  });

  it('0 when nothing fails and every result was evaluated', async () => {
    const { code, doc } = await scan(['--checks', 'azure-monitor-subscription-activity-log-exported']);
    expect(doc.scan.counts.byStatus.PASS).toBeGreaterThan(0);
    expect(doc.scan.complete).toBe(true);
    expect(code).toBe(0);
  });
});
