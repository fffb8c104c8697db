import { defineCheck, type ResourceCheck } from '../../../src/core/check.js';
import type { Resource } from '../../../src/core/resource.js';
import '../../../providers/azure/model/types.js';
import { OPEN_RANGES, rulesOpening, type OpenRange } from './network.js';

type FirewalledType = 'azure.sql.server' | 'azure.postgresql.flexible-server' | 'azure.mysql.flexible-server';

/** A server firewall must not hold the rule that opens it to `range`: one check per (server type, range). */
export function firewallRangeCheck<T extends FirewalledType>(spec: {
  readonly id: string;
  readonly service: string;
  readonly resourceType: T;
  readonly what: string;
  readonly range: OpenRange;
  readonly cli: string;
  readonly references?: readonly string[];
}): ResourceCheck<T> {
  const { label } = OPEN_RANGES[spec.range];
  return defineCheck<T>({
    id: spec.id,
    title: `${spec.what} firewalls do not admit ${label}`,
    provider: 'azure',
    service: spec.service,
    resourceType: spec.resourceType,
    duty: 'network-exposure',
    severity: spec.range === 'internet' ? 'high' : 'medium',
    rationale:
      spec.range === 'internet'
        ? 'A firewall rule from 0.0.0.0 to 255.255.255.255 admits every address on the Internet: only the database password stands between it and the data.'
        : 'The rule 0.0.0.0-0.0.0.0 ("Allow Azure services and resources to access this server") admits connections from any Azure resource, including those of other customers.',
    remediation: { text: `Delete the firewall rule and admit the clients' own addresses, or use private access.`, cli: spec.cli },
    ...(spec.references ? { references: spec.references } : {}),
    assess(server: Resource<FirewalledType>, ctx) {
      const rules = ctx.known(server.data.firewallRules);
      const open = rulesOpening(rules, spec.range).map((r) => r.name);
      const evidence = { firewallRules: rules.length, openRules: open, range: `${OPEN_RANGES[spec.range].start}-${OPEN_RANGES[spec.range].end}` };
      return open.length === 0
        ? ctx.pass(`No firewall rule admits ${label}`, evidence)
        : ctx.fail(`Firewall rule(s) ${open.join(', ')} admit ${label}`, evidence);
    },
  });
}
