import type { IpPermission, SecurityGroup } from '../../../providers/aws/model/index.js';

export const INTERNET_CIDRS = ['0.0.0.0/0', '::/0'] as const;

/** A port a table row names, e.g. `{ port: 22, protocol: 'tcp', label: 'SSH' }`. */
export interface PortRule {
  readonly port: number;
  readonly protocol: 'tcp' | 'udp';
  readonly label: string;
}

const PROTOCOL_NUMBERS: Record<string, string> = { tcp: '6', udp: '17' };

/** Whether the permission admits `protocol` traffic to `port` (protocol `-1` admits everything). */
export function permissionCovers(p: IpPermission, protocol: 'tcp' | 'udp', port: number): boolean {
  if (p.ipProtocol === '-1') return true;
  if (p.ipProtocol !== protocol && p.ipProtocol !== PROTOCOL_NUMBERS[protocol]) return false;
  // tcp/udp permissions always carry ports; null would be a malformed answer, read as "all ports" (the safe side).
  const from = p.fromPort ?? 0;
  const to = p.toPort ?? 65535;
  return (from === -1 && to === -1) || (from <= port && port <= to);
}

/** Whether the permission admits every port of every protocol, or the whole TCP or UDP range. */
export function permissionIsAllPorts(p: IpPermission): boolean {
  if (p.ipProtocol === '-1') return true;
  const tcpOrUdp = ['tcp', 'udp', '6', '17'].includes(p.ipProtocol);
  return tcpOrUdp && (p.fromPort ?? 0) <= 0 && (p.toPort ?? 65535) >= 65535;
}

export const internetSources = (p: IpPermission): string[] =>
  [...p.ipRanges, ...p.ipv6Ranges].filter((c) => (INTERNET_CIDRS as readonly string[]).includes(c));

export interface Exposure {
  readonly label: string;
  readonly protocol: string;
  readonly port: number | 'all';
  readonly source: string;
}

/** Every (rule, internet source) the group's ingress opens: listed ports, and "all ports" rules. */
export function internetExposures(sg: SecurityGroup, ports: readonly PortRule[]): Exposure[] {
  const found: Exposure[] = [];
  for (const p of sg.ipPermissions) {
    const sources = internetSources(p);
    if (sources.length === 0) continue;
    for (const source of sources) {
      if (permissionIsAllPorts(p)) {
        found.push({ label: 'all ports', protocol: p.ipProtocol === '-1' ? 'all' : p.ipProtocol, port: 'all', source });
        continue;
      }
      for (const r of ports) if (permissionCovers(p, r.protocol, r.port)) found.push({ label: r.label, protocol: r.protocol, port: r.port, source });
    }
  }
  return found;
}
