import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** 127.0.0.0/8 and ::1 (BlockList also matches their IPv4-mapped and long IPv6 spellings). */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const isLoopbackAddress = (address: string): boolean => LOOPBACK.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** Every address a host name resolves to, as the listener would see them. */
export type Resolve = (host: string) => Promise<readonly string[]>;

const resolveAll: Resolve = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Why `host` is not loopback-only, or undefined when it is: an IP literal in 127.0.0.0/8 or ::1,
 * or a name every address of which is one. A name is resolved rather than judged by its look
 * (`127.example.com` may point anywhere), and one that does not resolve is refused.
 */
export async function whyNotLoopback(host: string, resolve: Resolve = resolveAll): Promise<string | undefined> {
  if (isIP(host)) return isLoopbackAddress(host) ? undefined : `${host} is not a loopback address`;
  let addresses: readonly string[];
  try {
    addresses = await resolve(host);
  } catch (error) {
    return `"${host}" does not resolve (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  if (addresses.length === 0) return `"${host}" does not resolve`;
  const routable = addresses.filter((a) => !isLoopbackAddress(a));
  return routable.length > 0 ? `"${host}" resolves to ${routable.join(', ')}, which is not loopback` : undefined;
}
