import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { allChecks } from '../../../checks/index.js';
import { ConfigErrors } from '../../../src/config/errors.js';
import { loadConfig, validateCheckSettings } from '../../../src/config/load.js';
import { dutyscan } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dutyscan-families-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

// The spellings configs were written in before the port family had one shape.
const OLD_SPELLINGS = `checks:
  gcp-compute-firewall-no-internet-admin-access:
    params:
      exposures:
        - { name: SSH, port: 22 }
  azure-network-nsg-internet-ingress-restricted:
    params:
      ports:
        - { name: SSH, port: 22, protocol: Tcp }
        - { name: every port, port: null, protocol: "*" }
`;

describe('the port family in the config: one shape on every provider, older spellings still read', () => {
  test('each older spelling is a warning naming file, line and key, never an error', () => {
    const file = write('old.yaml', OLD_SPELLINGS);
    const warnings: string[] = [];
    validateCheckSettings(loadConfig(file), allChecks, (line) => warnings.push(line));
    expect(warnings).toEqual([
      `${file}:4: checks.gcp-compute-firewall-no-internet-admin-access.params.exposures is deprecated: write the same rows as \`ports\` (and \`additionalPorts\`)`,
      `${file}:5: checks.gcp-compute-firewall-no-internet-admin-access.params.exposures[0].name is deprecated: write \`label\``,
      `${file}:9: checks.azure-network-nsg-internet-ingress-restricted.params.ports[0].name is deprecated: write \`label\``,
      `${file}:10: checks.azure-network-nsg-internet-ingress-restricted.params.ports[1].name is deprecated: write \`label\``,
      `${file}:10: checks.azure-network-nsg-internet-ingress-restricted.params.ports[1].port null is deprecated: write \`all\` for every port`,
    ]);
  });

  test('the current shape is accepted silently on every provider', () => {
    const rows = '{ ports: [{ label: SSH, port: 22 }], additionalPorts: [{ label: PostgreSQL, port: 5432, protocol: tcp }] }';
    const ids = ['aws-ec2-security-group-internet-ingress-restricted', 'aws-ec2-network-acl-admin-ports-restricted', 'azure-network-nsg-internet-ingress-restricted', 'gcp-compute-firewall-no-internet-admin-access'];
    const file = write('new.yaml', `checks:\n${ids.map((id) => `  ${id}:\n    params: ${rows}\n`).join('')}`);
    const warnings: string[] = [];
    validateCheckSettings(loadConfig(file), allChecks, (line) => warnings.push(line));
    expect(warnings).toEqual([]);
  });

  test('the rows the example config documents are valid as written, with no warning', () => {
    const lines = readFileSync(join(import.meta.dirname, '../../../config/dutyscan.example.yaml'), 'utf8').split('\n');
    const start = lines.findIndex((l) => l.startsWith('#  azure-network-nsg-internet-ingress-restricted:'));
    const block = lines.slice(start, start + 5).map((l) => l.replace(/^#/, ''));
    const file = write('example.yaml', `checks:\n${block.join('\n')}\n`);
    const warnings: string[] = [];
    const loaded = loadConfig(file);
    validateCheckSettings(loaded, allChecks, (line) => warnings.push(line));
    expect(warnings).toEqual([]);
    expect(loaded.config.checks['azure-network-nsg-internet-ingress-restricted']?.params?.additionalPorts).toHaveLength(2);
  });

  test('a row that means nothing is a config error naming the field and its line', () => {
    const file = write('bad.yaml', 'checks:\n  aws-ec2-network-acl-admin-ports-restricted:\n    params:\n      additionalPorts:\n        - { label: PostgreSQL, port: postgres }\n');
    let thrown: unknown;
    try {
      validateCheckSettings(loadConfig(file), allChecks, () => {});
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ConfigErrors);
    expect((thrown as ConfigErrors).errors.map((e) => e.message)).toEqual([
      `${file}:5: checks.aws-ec2-network-acl-admin-ports-restricted.params.additionalPorts[0].port: expected a port number (0-65535) or "all", got "postgres"`,
    ]);
  });

  test('the CLI scans with the older spellings, warning on stderr, and reads them as before', async () => {
    const file = write('old-cli.yaml', OLD_SPELLINGS);
    const run = await dutyscan(['scan', '--demo', '--format', 'json', '--config', file]);
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('params.exposures is deprecated');
    const findings = (JSON.parse(run.stdout) as { findings: { check: { id: string }; resource: { name: string }; status: string; message: string }[] }).findings;
    const firewall = (name: string) => findings.find((f) => f.check.id === 'gcp-compute-firewall-no-internet-admin-access' && f.resource.name === name);
    // SSH alone is watched now: the RDP rule passes, the SSH rule still fails.
    expect(firewall('default-allow-rdp')?.status).toBe('PASS');
    expect(firewall('default-allow-ssh')?.message).toBe('The rule opens SSH to 0.0.0.0/0');
  });

  test('the CLI refuses a bad row before scanning, exit 2', async () => {
    const file = write('bad-cli.yaml', 'checks:\n  gcp-compute-firewall-no-internet-admin-access:\n    params:\n      ports:\n        - { label: SSH, port: 22, protocol: icmp }\n');
    const run = await dutyscan(['scan', '--demo', '--format', 'json', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:5: checks.gcp-compute-firewall-no-internet-admin-access.params.ports[0].protocol: expected tcp, udp or "*", got "icmp"`);
    expect(run.stdout).toBe('');
  });
});
