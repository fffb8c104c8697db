import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/core/finding.js';
import { htmlFormatter } from '../../src/output/html.js';
import { finding, manyFindings, render, summaryOf } from '../support/findings.js';

const CHROMIUM = '/usr/bin/chromium';
const artifacts = join(import.meta.dirname, '..', '..', 'test-artifacts');

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run the HTML report tests`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(artifacts, { recursive: true });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

async function open(file: string): Promise<{ page: Page; dialogs: string[]; requests: string[]; loadMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  page.on('request', (r) => { if (!r.url().startsWith('file://')) requests.push(r.url()); });
  const started = Date.now();
  await page.goto(`file://${file}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('#rows .row');
  return { page, dialogs, requests, loadMs: Date.now() - started };
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();

describe('HTML report in headless Chromium', () => {
  it('50,000 findings: summary numbers match, filters and search work, rows are virtualised, hostile text stays text', async () => {
    const findings = manyFindings(50_000);
    const summary = summaryOf(findings);
    const started = performance.now();
    const html = render(htmlFormatter(), findings, summary);
    const renderMs = performance.now() - started;
    const file = join(artifacts, 'report-50k.html');
    writeFileSync(file, html);
    const bytes = statSync(file).size;

    const { page, dialogs, requests, loadMs } = await open(file);
    const inPage = JSON.parse((await page.locator('html').getAttribute('data-report-timing')) ?? '{}') as { renderedAt: number; scriptMs: number };
    // Figures for the report (file size, generation time, time to first rendered row).
    console.log(`[html-bench] findings=50000 bytes=${bytes} (${(bytes / 1048576).toFixed(1)} MiB) generateMs=${renderMs.toFixed(0)} gotoToRowsMs=${loadMs} firstRenderAtMs=${inPage.renderedAt.toFixed(0)} scriptMs=${inPage.scriptMs.toFixed(0)}`);
    expect(loadMs).toBeLessThan(15_000);

    for (const s of STATUSES) {
      expect(await text(page, `[data-testid="count-${s}"]`)).toBe(String(summary.counts.byStatus[s]));
    }
    expect(await text(page, '[data-testid="count-total"]')).toBe('50000');
    expect(await text(page, '[data-testid="count-muted"]')).toBe(String(summary.counts.muted));
    expect(await text(page, '#shown-count')).toBe('50000 of 50000 findings');
    // Only the rows in view exist in the DOM.
    expect(await page.locator('#rows .row').count()).toBeLessThan(120);

    const filterStarted = performance.now();
    await page.selectOption('#f-status', { label: 'FAIL' });
    const fails = findings.filter((f) => f.status === 'FAIL').length;
    expect(await text(page, '#shown-count')).toBe(`${fails} of 50000 findings`);
    console.log(`[html-bench] filter by status over 50000 rows, round trip from the test: ${(performance.now() - filterStarted).toFixed(0)} ms`);
    await page.selectOption('#f-provider', { label: 'gcp' });
    const gcpFails = findings.filter((f) => f.status === 'FAIL' && f.resource.provider === 'gcp').length;
    expect(await text(page, '#shown-count')).toBe(`${gcpFails} of 50000 findings`);
    await page.uncheck('#f-muted');
    expect(await text(page, '#shown-count')).toBe(`${findings.filter((f) => f.status === 'FAIL' && f.resource.provider === 'gcp' && !f.muted).length} of 50000 findings`);
    await page.check('#f-muted');
    await page.selectOption('#f-status', { label: 'ERROR' });
    await page.selectOption('#f-provider', { label: 'all providers' });
    await page.selectOption('#f-duty', { label: 'backups' });
    expect(await text(page, '#shown-count')).toBe(`${findings.filter((f) => f.status === 'ERROR' && f.check.duty === 'backups').length} of 50000 findings`);
    await page.selectOption('#f-status', { label: 'all statuses' });
    await page.selectOption('#f-duty', { label: 'all duties' });
    await page.selectOption('#f-region', { label: 'westeurope' });
    expect(await text(page, '#shown-count')).toBe(`${findings.filter((f) => f.resource.region === 'westeurope').length} of 50000 findings`);
    await page.selectOption('#f-region', { label: 'all regions' });

    // Scrolling far down renders the rows there.
    await page.locator('#viewport').evaluate((vp) => { vp.scrollTop = 30 * 40_000; });
    await expect.poll(async () => (await page.locator('#rows .row').evaluateAll((rs) => rs.map((r) => parseFloat((r as unknown as { style: { top: string } }).style.top)))).some((top) => top >= 30 * 40_000)).toBe(true);

    // Search by resource, open the details: hostile names are shown as text, never run.
    await page.fill('#f-search', '<script>alert(1)</script>');
    const hostile = findings.filter((f) => f.resource.name.includes('<script>alert(1)</script>')).length;
    await expect.poll(() => text(page, '#shown-count')).toBe(`${hostile} of 50000 findings`);
    expect(hostile).toBeGreaterThan(0);
    await page.locator('#rows .row').first().click();
    expect(await text(page, '#detail')).toContain('<script>alert(1)</script>');
    await page.fill('#f-search', 'onerror');
    const onerror = findings.filter((f) => f.resource.name.includes('onerror')).length;
    await expect.poll(() => text(page, '#shown-count')).toBe(`${onerror} of 50000 findings`);
    await page.locator('#rows .row').first().click();
    expect(await text(page, '#detail')).toContain('<img src=x onerror=alert(2)>');
    expect(await page.locator('#detail img, #rows img, #detail script').count()).toBe(0);
    expect(await text(page, '#detail')).toContain('Evidence');
    expect(await text(page, '#detail')).toContain('Remediation');
    await page.fill('#f-search', '');
    await expect.poll(() => text(page, '#shown-count')).toBe('50000 of 50000 findings');
    await page.screenshot({ path: join(artifacts, 'report-50k.png'), fullPage: false });
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]); // self-contained: no external asset
    await page.close();
  }, 180_000);

  it('shows muted, ERROR and NOT_ASSESSED findings with their reason, and an incomplete-scan warning', async () => {
    const findings = [
      finding({ status: 'ERROR', resource: { id: 'arn:aws:s3:::denied', name: 'denied' } }),
      finding({ status: 'NOT_ASSESSED', resource: { id: 'arn:aws:s3:::unjudged', name: 'unjudged' } }),
      finding({ status: 'FAIL', muted: true, mute: { reason: 'accepted until migration', owner: 'ops', expires: '2027-01-01', rule: 0 }, resource: { id: 'arn:aws:s3:::m', name: 'mutedbucket' } }),
    ];
    const file = join(artifacts, 'report-small.html');
    writeFileSync(file, render(htmlFormatter(), findings));
    const { page } = await open(file);
    expect(await page.locator('.warning[role=alert]').count()).toBe(1);
    await page.locator('#rows .row', { hasText: 'denied' }).click();
    expect(await text(page, '#detail')).toContain('ACCESS_DENIED s3:GetBucketEncryption');
    await page.locator('#rows .row', { hasText: 'mutedbucket' }).click();
    expect(await text(page, '#detail')).toContain('accepted until migration by ops until 2027-01-01');
    expect(await text(page, '#rows .row.muted')).toContain('FAIL (muted)');
    await page.locator('#rows .row', { hasText: 'unjudged' }).click();
    expect(await text(page, '#detail')).toContain('set policy.criticalResources and scan again');
    // Sorted by what needs acting on first: FAIL, ERROR, NOT_ASSESSED.
    expect(await page.locator('#rows .row .status').allTextContents()).toEqual(['FAIL (muted)', 'ERROR', 'NOT ASSESSED']);
    expect(await text(page, '[data-testid="count-NOT_ASSESSED"]')).toBe('1');
    expect(await text(page, '#clauses')).toContain('not assessed: set policy.criticalResources');
    expect(await text(page, '#not-assessed')).toContain('policy.criticalResources');
    await page.close();
  }, 60_000);
});
