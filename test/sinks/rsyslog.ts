import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
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

export interface TlsFiles { readonly ca: string; readonly cert: string; readonly key: string }

/** A throwaway CA and a server certificate it signed for localhost and 127.0.0.1. */
export function testCertificates(): TlsFiles {
  const dir = tempDir('tls');
  const [ca, caKey, key, csr, cert, ext] = ['ca.pem', 'ca.key', 'server.key', 'server.csr', 'server.pem', 'ext.cnf'].map((f) => join(dir, f)) as [string, string, string, string, string, string];
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', caKey, '-out', ca, '-days', '2', '-subj', '/CN=dutyscan test CA');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', '/CN=localhost');
  writeFileSync(ext, 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl('x509', '-req', '-in', csr, '-CA', ca, '-CAkey', caKey, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext);
  return { ca, cert, key };
}

export interface Rsyslog {
  readonly dir: string;
  readonly out: string;
  tcpPort: number;
  udpPort: number;
  tlsPort?: number;
  stop(): Promise<void>;
  /** Every message received, or only those with this APP-NAME (a file of its own, cheap to poll). */
  lines(appName?: string): string[];
}

/**
 * Starts rsyslogd in the foreground (-n) with a config and pid file of its own in a temp dir,
 * listening on loopback TCP and UDP ports (and TLS when certificates are given), writing every
 * message to a file through a template.
 */
export async function startRsyslog(tls?: TlsFiles): Promise<Rsyslog> {
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
    `template(name="byApp" type="string" string="${dir}/by-app/%app-name%.log")`,
    'ruleset(name="collect") {',
    `  action(type="omfile" file="${out}" template="fields" flushOnTXEnd="on" asyncWriting="off")`,
    '  action(type="omfile" dynaFile="byApp" template="fields" flushOnTXEnd="on" asyncWriting="off" createDirs="on")',
    '}',
    '',
  ].join('\n');
  const confFile = join(dir, 'rsyslog.conf');
  writeFileSync(confFile, conf);
  const pidFile = join(dir, 'rsyslogd.pid');
  const child: ChildProcess = spawn(RSYSLOGD, ['-n', '-f', confFile, '-i', pidFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  // Should the test process die before its afterAll, the daemon goes with it.
  const orphaned = () => child.kill('SIGKILL');
  process.once('exit', orphaned);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  child.stdout?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const stop = async () => {
    process.off('exit', orphaned);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`rsyslogd exited ${child.exitCode}: ${stderr}`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(tls ? (tlsPort as number) : tcpPort, '127.0.0.1', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`rsyslogd did not listen within 10 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    dir, out, tcpPort, udpPort, ...(tlsPort ? { tlsPort } : {}),
    lines: (appName?: string) => {
      const file = appName === undefined ? out : join(dir, 'by-app', `${appName}.log`);
      return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    },
    stop,
  };
}

export async function waitForLines(r: Rsyslog, count: number, timeoutMs = 10_000, appName?: string): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lines = r.lines(appName);
    if (lines.length >= count || Date.now() > deadline) return lines;
    await new Promise((res) => setTimeout(res, 50));
  }
}
