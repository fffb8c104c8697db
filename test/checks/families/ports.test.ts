import { describe, expect, test } from 'vitest';
import { ALL_PORTS, STATEFUL_PORTS, exposedLabels, exposures, isAnywhere, parsePortRange, upgradePortParams, type AccessRule, type RuleSet } from '../../../checks/families/ports.js';

const rule = (over: Partial<AccessRule>): AccessRule => ({ id: 'r', action: 'allow', priority: 100, protocol: 'tcp', ports: [ALL_PORTS], sources: ['0.0.0.0/0'], ...over });
const ordered = (...rules: AccessRule[]): RuleSet => ({ evaluation: 'first-match', defaultAction: 'deny', rules });
const anyAllow = (...rules: AccessRule[]): RuleSet => ({ evaluation: 'any-allow', defaultAction: 'deny', rules });
const SSH = { label: 'SSH', port: 22 } as const;
const labels = (set: RuleSet, watched = STATEFUL_PORTS) => exposedLabels(exposures(set, watched));

describe('port ranges and protocols', () => {
  test('a range covers the ports inside it, for its protocol', () => {
    expect(labels(anyAllow(rule({ ports: [{ from: 20, to: 25 }] })))).toEqual(['SSH']);
    expect(labels(anyAllow(rule({ ports: [{ from: 23, to: 25 }] })))).toEqual([]);
    expect(labels(anyAllow(rule({ protocol: 'udp', ports: [{ from: 22, to: 22 }] })))).toEqual([]);
    expect(labels(anyAllow(rule({ protocol: '6', ports: [{ from: 22, to: 22 }] })))).toEqual(['SSH']);
    expect(labels(anyAllow(rule({ protocol: 'Tcp', ports: [{ from: 3000, to: 4000 }] })))).toEqual(['RDP']);
  });

  test("every protocol ('-1', 'all', '*') covers every watched port; a portless protocol none", () => {
    for (const protocol of ['-1', 'all', '*']) expect(labels(anyAllow(rule({ protocol })))).toEqual(['SSH', 'RDP', 'all ports']);
    expect(labels(anyAllow(rule({ protocol: 'icmp' })))).toEqual([]);
    expect(labels(anyAllow(rule({ protocol: '1' })))).toEqual([]);
  });

  test('all ports means the whole range (0 or 1 to 65535), of any protocol with ports', () => {
    expect(labels(anyAllow(rule({ ports: [{ from: 1, to: 65535 }] })))).toEqual(['SSH', 'RDP', 'all ports']);
    expect(labels(anyAllow(rule({ protocol: 'udp' })))).toEqual(['all ports']);
    expect(labels(anyAllow(rule({ ports: [{ from: 2, to: 65535 }] })))).toEqual(['SSH', 'RDP']);
  });

  test('parsePortRange reads 22, 1000-2000 and *; anything else is no range', () => {
    expect(parsePortRange('22')).toEqual({ from: 22, to: 22 });
    expect(parsePortRange(' 1000 - 2000 ')).toEqual({ from: 1000, to: 2000 });
    expect(parsePortRange('*')).toEqual(ALL_PORTS);
    expect(parsePortRange('ssh')).toBeNull();
  });
});

describe('internet sources', () => {
  test('0.0.0.0/0 and ::/0 are the internet, reported as written; narrower ranges are not', () => {
    const found = exposures(anyAllow(rule({ sources: ['10.0.0.0/8', '::/0'], ports: [{ from: 22, to: 22 }] })), [SSH]);
    expect(found).toEqual([{ label: 'SSH', protocol: 'tcp', port: 22, source: '::/0', rule: 'r' }]);
    expect(labels(anyAllow(rule({ sources: ['10.0.0.0/8', '203.0.113.0/24'] })))).toEqual([]);
  });

  test("a provider's own words for everywhere count for both families, case-insensitively", () => {
    const set = (sources: string[]): RuleSet => ({ ...ordered(rule({ sources })), anywhere: ['*', 'Internet'] });
    expect(labels(set(['internet']), [SSH])).toEqual(['SSH']);
    expect(labels(set(['VirtualNetwork']), [SSH])).toEqual([]);
    expect(isAnywhere('::/0')).toBe(true);
    expect(isAnywhere('*')).toBe(false);
    expect(isAnywhere('*', ['*'])).toBe(true);
  });
});

describe('rule order and Deny', () => {
  const denySsh = rule({ id: 'deny-ssh', action: 'deny', priority: 100, ports: [{ from: 22, to: 22 }] });
  const allowAll = rule({ id: 'allow-all', priority: 200 });

  test('first match: a higher-priority deny wins, whatever the order rules are listed in', () => {
    expect(labels(ordered(allowAll, denySsh))).toEqual(['RDP', 'all ports']);
    expect(labels(ordered({ ...denySsh, priority: 300 }, allowAll))).toEqual(['SSH', 'RDP', 'all ports']);
  });

  test('a deny decides only for its own address family', () => {
    const denyV4 = rule({ id: 'deny', action: 'deny', priority: 1, sources: ['0.0.0.0/0'] });
    const found = exposures(ordered(denyV4, rule({ id: 'allow', sources: ['0.0.0.0/0', '::/0'] })), [SSH]);
    expect(found.map((e) => e.source)).toEqual(['::/0']);
  });

  test('a deny for a narrower range hides nothing', () => {
    expect(labels(ordered(rule({ action: 'deny', priority: 1, sources: ['10.0.0.0/8'] }), allowAll), [SSH])).toEqual(['SSH']);
  });

  test('a deny wins a tie in priority (GCP)', () => {
    expect(labels(ordered(rule({ id: 'a' }), rule({ id: 'd', action: 'deny' })), [SSH])).toEqual([]);
  });

  test('all ports: decided by the first rule covering the whole range; a partial deny leaves the rest open', () => {
    expect(labels(ordered(rule({ action: 'deny', priority: 1 }), allowAll))).toEqual([]);
    expect(labels(ordered(denySsh, allowAll))).toContain('all ports');
  });

  test('any-allow (security groups): every allow counts, and a deny (which SGs never have) is no decision', () => {
    const found = exposures(anyAllow(rule({ id: 'a', ports: [{ from: 22, to: 22 }] }), rule({ id: 'b', ports: [{ from: 20, to: 30 }] })), [SSH]);
    expect(found.map((e) => e.rule)).toEqual(['a', 'b']);
  });

  test('the default action decides what no rule matches', () => {
    expect(labels(ordered())).toEqual([]);
    expect(exposures({ evaluation: 'first-match', defaultAction: 'allow', rules: [] }, [SSH])).toEqual([
      { label: 'SSH', protocol: 'tcp', port: 22, source: '0.0.0.0/0', rule: 'default' },
      { label: 'SSH', protocol: 'tcp', port: 22, source: '::/0', rule: 'default' },
    ]);
  });
});

describe('parameters: the same rows on every provider, older spellings still read', () => {
  test('current rows pass through without a note', () => {
    const given = { ports: [{ label: 'SSH', port: 22, protocol: 'tcp' }], additionalPorts: [{ label: 'PostgreSQL', port: 5432 }] };
    expect(upgradePortParams(given)).toEqual({ params: given, deprecated: [], problems: [] });
  });

  test("GCP's `exposures` is read as `ports`; Azure's `name` and `port: null` as `label` and `all`; protocols in any case", () => {
    const gcp = upgradePortParams({ exposures: [{ name: 'HTTPS', port: 443 }] });
    expect(gcp.params).toEqual({ ports: [{ label: 'HTTPS', port: 443 }] });
    expect(gcp.deprecated.map((d) => d.key)).toEqual(['exposures', 'exposures[0].name']);
    const azure = upgradePortParams({ ports: [{ name: 'every port', port: null, protocol: '*' }, { name: 'SSH', port: 22, protocol: 'Tcp' }] });
    expect(azure.params).toEqual({ ports: [{ label: 'every port', port: 'all', protocol: '*' }, { label: 'SSH', port: 22, protocol: 'tcp' }] });
    expect(azure.deprecated.map((d) => d.key)).toEqual(['ports[0].name', 'ports[0].port', 'ports[1].name']);
    expect(azure.problems).toEqual([]);
  });

  test('a row that means nothing is a problem naming the field', () => {
    const { problems } = upgradePortParams({ additionalPorts: [{ label: '', port: 'ssh', protocol: 'icmp', extra: 1 }, 'x'] });
    expect(problems.map((p) => p.key)).toEqual(['additionalPorts[0].label', 'additionalPorts[0].port', 'additionalPorts[0].protocol', 'additionalPorts[0].extra', 'additionalPorts[1]']);
  });
});
