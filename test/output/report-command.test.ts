import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { manyFindings, summaryOf } from '../support/findings.js';
import { tempDir } from '../sinks/support.js';

describe('dutyscan report', () => {
  const findings = manyFindings(120);
  const scan = summaryOf(findings);
  const dir = tempDir('report');
  // Key order must not matter: findings first here.
  const scanFile = join(dir, 'scan.json');
  writeFileSync(scanFile, JSON.stringify({ findings, scan }));

  it('renders every format from a saved scan document', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    for (const format of ['ocsf', 'ocsf-json', 'csv', 'sarif', 'junit', 'asff', 'html', 'contract-md', 'contract-html', 'oscal', 'oscal-poam']) {
      const out = join(dir, `out.${format}`);
      expect(await main(['node', 'dutyscan', 'report', '--scan', scanFile, '--format', format, '--output', out])).toBe(0);
      expect(readFileSync(out, 'utf8').length).toBeGreaterThan(100);
    }
    const ocsf = readFileSync(join(dir, 'out.ocsf'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { compliance: { standards: string[] }; metadata: { correlation_uid: string } });
    expect(ocsf).toHaveLength(120);
    expect(ocsf[0]!.compliance.standards[0]).toBe('iaas-customer-duties');
    expect(ocsf[0]!.metadata.correlation_uid).toBe('scan-0001');
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toContain('data-testid="count-FAIL">' + String(scan.counts.byStatus.FAIL));
    vi.restoreAllMocks();
  });

  it('renders a document saved before NOT_ASSESSED existed in every format', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const old = findings.filter((f) => f.status !== 'NOT_ASSESSED');
    const legacy = JSON.parse(JSON.stringify({ scan: summaryOf(old), findings: old }), (key, value: unknown) => (key === 'NOT_ASSESSED' || key === 'notAssessed' ? undefined : value)) as object;
    expect(JSON.stringify(legacy)).not.toMatch(/NOT_ASSESSED|notAssessed/);
    const file = join(dir, 'legacy.json');
    writeFileSync(file, JSON.stringify(legacy));
    for (const format of ['sarif', 'html', 'contract-md', 'contract-html']) {
      const out = join(dir, `legacy.${format}`);
      expect(await main(['node', 'dutyscan', 'report', '--scan', file, '--format', format, '--output', out])).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text.slice(0, text.indexOf('<script')), format).not.toContain('undefined'); // the page's script may say undefined
    }
    expect(readFileSync(join(dir, 'legacy.html'), 'utf8')).toContain('data-testid="count-NOT_ASSESSED">0');
    vi.restoreAllMocks();
  });

  it('refuses what is not a scan document, with a usage error', async () => {
    const errors: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => { errors.push(String(s)); return true; });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ findings: [] }));
    expect(await main(['node', 'dutyscan', 'report', '--scan', bad, '--format', 'csv'])).toBe(2);
    expect(errors.join('')).toContain('not a dutyscan scan document');
    expect(await main(['node', 'dutyscan', 'report', '--scan', scanFile, '--format', 'nope'])).toBe(2);
    vi.restoreAllMocks();
  });
});
