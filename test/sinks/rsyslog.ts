import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './support.js';

export const RSYSLOGD = '/usr/sbin/rsyslogd';

/** Fails (never skips) when CI forgot the package: the sink test must run against the real receiver. */
export function requireRsyslog(): void {
  if (!existsSync(RSYSLOGD)) {
    throw new Error(`${RSYSLOGD} not found: install Debian's rsyslog (apt-get install -y rsyslog rsyslog-openssl) to run the syslog sink tests`);
  }
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** One line per received message: fields a test can check, tab separated, message last. */
const TEMPLATE = 'template(name="fields" type="string" string="%pri%\\t%timereported:::date-rfc3339%\\t%hostname%\\t%app-name%\\t%procid%\\t%msgid%\\t%structured-data%\\t%msg%\\n")';

export interface Rsyslog { readonly dir: string; readonly out: string; tcpPort: number; udpPort: number; tlsPort?: number; stop(): Promise<void>; lines(): string[] }

/**
 * Starts rsyslogd in the foreground (-n) with a config and pid file of its own in a temp dir,
 * listening on loopback TCP and UDP ports (and TLS when certificates are given), writing every
 * message to a file through a template.
 */
export async function startRsyslog(tls?: { ca: string; cert: string; key: string }): Promise<Rsyslog> {
  requireRsyslog();
  const dir = tempDir('rsyslog');
  const out = join(dir, 'received.log');
  const tcpPort = await freePort();
  const udpPort = await freePort();
  const tlsPort = tls ? await freePort() : undefined;
  const conf = [
    `global(workDirectory="${dir}" maxMessageSize="256k"${tls ? ` defaultNetstreamDriverCAFile="${tls.ca}" defaultNetstreamDriverCertFile="${tls.cert}" defaultNetstreamDriverKeyFile="${tls.key}"` : ''})`,
    'module(load="imtcp" MaxSessions="100")',
    'module(load="imudp")',
    TEMPLATE,
    `input(type="imtcp" port="${tcpPort}" address="127.0.0.1" ruleset="collect")`,
    `input(type="imudp" port="${udpPort}" address="127.0.0.1" ruleset="collect")`,
    ...(tls ? [`input(type="imtcp" port="${tlsPort}" address="127.0.0.1" ruleset="collect" streamDriver.name="ossl" streamDriver.mode="1" streamDriver.authMode="anon")`] : []),
    `ruleset(name="collect") { action(type="omfile" file="${out}" template="fields" flushOnTXEnd="on" asyncWriting="off") }`,
    '',
  ].join('\n');
  const confFile = join(dir, 'rsyslog.conf');
  writeFileSync(confFile, conf);
  const pidFile = join(dir, 'rsyslogd.pid');
  const child: ChildProcess = spawn(RSYSLOGD, ['-n', '-f', confFile, '-i', pidFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  child.stdout?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`rsyslogd exited ${child.exitCode}: ${stderr}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(tls ? (tlsPort as number) : tcpPort, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`rsyslogd did not listen within 10 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    dir, out, tcpPort, udpPort, ...(tlsPort ? { tlsPort } : {}),
    lines: () => (existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean) : []),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function waitForLines(r: Rsyslog, count: number, timeoutMs = 10_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = r.lines();
    if (lines.length >= count || Date.now() > deadline) return lines;
    await new Promise((res) => setTimeout(res, 50));
  }
}
