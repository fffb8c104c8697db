import { afterEach, describe, expect, it } from 'vitest';
import { parseCef } from '../../src/sinks/cef.js';
import { sinksSchema } from '../../src/sinks/config.js';
import { createSinks, SinkSet } from '../../src/sinks/index.js';
import { finding, manyFindings } from '../support/findings.js';
import { startRsyslog, testCertificates, waitForLines, type Rsyslog } from './rsyslog.js';
import { fastRetry, tempDir } from './support.js';

const running: Rsyslog[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

async function send(config: Record<string, unknown>, findings: ReturnType<typeof manyFindings>) {
  const cfg = sinksSchema.parse([{ type: 'syslog', host: '127.0.0.1', hostname: 'scanner-1', batchSize: 50, retry: fastRetry, spool: { dir: tempDir('spool') }, ...config }]);
  const sinks = new SinkSet(createSinks(cfg));
  for (const f of findings) sinks.write(f);
  return (await sinks.close())['syslog']!;
}

const fields = (line: string) => {
  const [pri, time, host, app, procid, msgid, sd, ...msg] = line.split('\t');
  return { pri: Number(pri), time, host, app, procid, msgid, sd, msg: msg.join('\t') };
};

describe('syslog sink against rsyslogd', () => {
  it('RFC 5424 over TCP with octet counting: every finding arrives once, framing intact (JSON body)', async () => {
    const rs = await startRsyslog();
    running.push(rs);
    const findings = manyFindings(500);
    // A message bigger than a TCP segment and one with every awkward character, to test framing.
    findings.push(finding({ resource: { id: 'big', name: 'x'.repeat(20_000) } }));
    findings.push(finding({ resource: { id: 'odd', name: 'a\nb\r\n]"\\ 日本 <&>' } }));
    const report = await send({ port: rs.tcpPort, transport: 'tcp', body: 'json', format: 'finding' }, findings);
    expect(report).toMatchObject({ delivered: findings.length, spooled: 0, failed: 0 });
    const lines = await waitForLines(rs, findings.length);
    expect(lines).toHaveLength(findings.length);
    const byId = new Map<string, number>();
    for (const line of lines) {
      const m = fields(line);
      expect(m.host).toBe('scanner-1');
      expect(m.app).toBe('dutyscan');
      const body = JSON.parse(m.msg) as { id: string; status: string; resource: { name: string } };
      expect(m.msgid).toBe(body.status);
      expect(m.sd).toContain(`id="${body.id}"`);
      byId.set(body.id, (byId.get(body.id) ?? 0) + 1);
    }
    expect([...byId.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(byId.keys())).toEqual(new Set(findings.map((f) => f.id)));
    const odd = lines.map(fields).find((m) => m.sd?.includes(finding({ resource: { id: 'odd' } }).id))!;
    expect((JSON.parse(odd.msg) as { resource: { name: string } }).resource.name).toBe('a\nb\r\n]"\\ 日本 <&>');
    // PRI = facility 13 * 8 + severity; an unmuted critical FAIL is severity 2.
    const critical = findings.find((f) => f.status === 'FAIL' && f.severity === 'critical' && !f.muted)!;
    expect(lines.map(fields).find((m) => m.sd?.includes(critical.id))!.pri).toBe(13 * 8 + 2);
  });

  it('the structured-data id: finding@32473 by default, the configured enterprise number or SD-ID otherwise', async () => {
    const rs = await startRsyslog();
    running.push(rs);
    const ids = async (config: Record<string, unknown>) => {
      const before = rs.lines().length;
      await send({ port: rs.tcpPort, transport: 'tcp', ...config }, manyFindings(2));
      return new Set((await waitForLines(rs, before + 2)).slice(before).map((l) => /^\[(\S+) /.exec(fields(l).sd ?? '')?.[1]));
    };
    expect(await ids({})).toEqual(new Set(['finding@32473']));
    expect(await ids({ enterprise: 12345 })).toEqual(new Set(['finding@12345']));
    expect(await ids({ sdId: 'dutyscan@12345.1' })).toEqual(new Set(['dutyscan@12345.1']));
  });

  it('a burst of concurrent deliveries leaves no socket open after close()', async () => {
    const rs = await startRsyslog();
    running.push(rs);
    const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;
    const before = sockets();
    // A burst: four batches start at once, before any connection is up.
    const findings = manyFindings(200);
    const report = await send({ port: rs.tcpPort, transport: 'tcp', body: 'json', concurrency: 4, batchSize: 10 }, findings);
    expect(report).toMatchObject({ delivered: 200, spooled: 0 });
    expect(sockets()).toBeLessThanOrEqual(before);
    expect(await waitForLines(rs, 200)).toHaveLength(200);
  });

  it('CEF bodies parse back to the finding, over TCP and UDP', async () => {
    const rs = await startRsyslog();
    running.push(rs);
    const findings = manyFindings(120);
    await send({ port: rs.tcpPort, transport: 'tcp', body: 'cef' }, findings);
    const udp = manyFindings(20).map((f) => ({ ...f, id: `udp-${f.id}` }));
    // UDP cannot know what arrived: sent, unconfirmed, never counted as delivered.
    expect(await send({ port: rs.udpPort, transport: 'udp', body: 'cef' }, udp)).toMatchObject({ delivered: 0, unconfirmed: 20, spooled: 0 });
    const lines = await waitForLines(rs, findings.length + udp.length);
    expect(lines).toHaveLength(findings.length + udp.length);
    const all = new Map([...findings, ...udp].map((f) => [f.id, f]));
    for (const line of lines) {
      const { header, extension } = parseCef(fields(line).msg);
      expect(header[0]).toBe('CEF:0');
      const f = all.get(extension['externalId']!)!;
      expect(header[4]).toBe(f.check.id);
      expect(header[5]).toBe(f.check.title);
      expect(extension['cs3']).toBe(f.resource.id);
      expect(extension['flexString1']).toBe(f.resource.name);
      expect(extension['msg']).toBe(f.message);
      all.delete(f.id);
    }
    expect(all.size).toBe(0);
  });

  it('RFC 5425 TLS to rsyslog, verifying the server against a CA file', async () => {
    const { ca, cert, key } = testCertificates();
    const rs = await startRsyslog({ ca, cert, key });
    running.push(rs);
    const findings = manyFindings(60);
    const report = await send({ port: rs.tlsPort, transport: 'tls', body: 'json', tls: { caFile: ca, serverName: 'localhost' } }, findings);
    expect(report).toMatchObject({ delivered: 60, spooled: 0 });
    expect(await waitForLines(rs, 60)).toHaveLength(60);
    // Without the CA the server certificate is not trusted: nothing is sent, all is spooled.
    const refused = await send({ port: rs.tlsPort, transport: 'tls', body: 'json', retry: { attempts: 1, initialDelayMs: 1, maxDelayMs: 1 } }, findings.slice(0, 5));
    expect(refused).toMatchObject({ delivered: 0, spooled: 5 });
  });

  it('a receiver that is down: retried, then spooled, nothing counted as delivered', async () => {
    const rs = await startRsyslog();
    const port = rs.tcpPort;
    await rs.stop();
    const dir = tempDir('spool');
    const findings = manyFindings(75);
    const cfg = { port, transport: 'tcp', body: 'json', format: 'finding', spool: { dir }, retry: { attempts: 2, initialDelayMs: 5, maxDelayMs: 5 } };
    expect(await send(cfg, findings)).toMatchObject({ delivered: 0, spooled: 75 });
    expect(rs.lines()).toHaveLength(0);
    void port;
  });
});
