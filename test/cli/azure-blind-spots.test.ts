/**
 * The built CLI scanning the Azure wire fake as a user runs it: a service principal from the
 * environment (the fake's token endpoint signs it in), the fake's certificate authority through
 * NODE_EXTRA_CA_CERTS, a config file naming the hosts. One resource group is hidden by a deny
 * assignment: its blind spot must reach the JSON report as ERROR results scoped to that group,
 * and the exit code must not read as a clean scan.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import type { ScanSummary } from '../../src/core/summary.js';
import { AzureFake, READER } from '../fakes/azure/server.js';
import * as w from '../fakes/azure/tenant.js';

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-azure-cli-'));
const SUB = w.subId(2);
const GROUP = `/subscriptions/${SUB}/resourceGroups/rg-4`;

async function dutyscan(fake: AzureFake, collection: 'auto' | 'arm'): Promise<{ code: number; doc: { scan: ScanSummary; findings: Finding[] }; stderr: string }> {
  const config = join(dir, `${collection}.json`);
  writeFileSync(config, JSON.stringify({
    providers: { azure: { cloud: 'custom', tenantId: fake.tenant.tenantId, entra: false, collection, endpoints: { resourceManager: fake.url, graph: fake.url, authorityHost: fake.url } } },
    // With entra: false nothing of the tenant is read (its checks would say ERROR, as they should): these test the subscription.
    checks: Object.fromEntries(['azure-entra-admin-mfa-registered', 'azure-entra-user-mfa-registered', 'azure-entra-tenant-policy-mfa-enforced-all-users',
      'azure-entra-tenant-policy-mfa-enforced-admins', 'azure-entra-tenant-policy-legacy-auth-blocked'].map((id) => [id, { enabled: false }])),
  }));
  const env = {
    ...process.env,
    AZURE_TENANT_ID: fake.tenant.tenantId,
    AZURE_CLIENT_ID: 'dutyscan-test',
    AZURE_CLIENT_SECRET: 'not-a-secret',
    NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
  };
  const argv = [bin, 'scan', '--config', config, '--format', 'json'];
  const result = await promisify(execFile)(process.execPath, argv, { env, maxBuffer: 64 * 1024 * 1024 }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  return { code: result.code, doc: JSON.parse(result.stdout) as { scan: ScanSummary; findings: Finding[] }, stderr: result.stderr };
}

let fake: AzureFake;
beforeAll(async () => {
  const tenant = w.generatedTenant(3, 90);
  fake = await new AzureFake({
    ...tenant,
    subscriptions: tenant.subscriptions.map((s) => (s.id === SUB ? { ...s, access: { subscription: [READER], denyAssignments: [{ name: 'locked-rg', scope: GROUP, actions: ['*/read'] }] } } : s)),
  }).start();
  writeFileSync(join(dir, 'ca.pem'), fake.ca);
});
afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.each(['auto', 'arm'] as const)('dutyscan scan against Azure with one resource group hidden (collection: %s)', (collection) => {
  it('reports the hidden group as ERROR there, naming the deny assignment, and does not exit as a clean scan', async () => {
    const { code, doc, stderr } = await dutyscan(fake, collection);
    expect(stderr).not.toMatch(/not-a-secret/);
    expect(doc.scan.collectionMode['azure']).toMatch(collection === 'arm' ? /^arm/ : /^resource-graph/);
    const hidden = doc.findings.filter((f) => f.resource.id === `azure:${SUB}/resourceGroups/rg-4`);
    expect(hidden.length).toBeGreaterThan(0);
    for (const f of hidden) {
      expect(f).toMatchObject({ status: 'ERROR', resource: { account: SUB, type: 'azure.scope' }, error: { code: 'ACCESS_DENIED' } });
      expect(f.error?.message).toMatch(/deny assignment 'locked-rg'/);
    }
    expect(hidden.find((f) => f.check.id === 'azure-storage-account-min-tls-1-2')?.error?.operation).toBe('Microsoft.Storage/storageAccounts/read');
    // Nothing inside the group is reported as if it had been read, and the other subscriptions are clean.
    expect(doc.findings.filter((f) => f.resource.id.toLowerCase().startsWith(`${GROUP.toLowerCase()}/`))).toEqual([]);
    expect(doc.findings.filter((f) => f.status === 'ERROR' && f.resource.account !== SUB)).toEqual([]);
    expect(doc.scan.complete).toBe(false);
    expect([0, 1, 2]).not.toContain(code);
  }, 120_000);
});
