import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { hostname } from 'node:os';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { Finding } from '../core/finding.js';
import { toOcsf } from '../output/ocsf.js';
import { BatchingSink, DeliveryError, type BatchingOptions, type DeliveryResult, type Transport } from './batching.js';
import { toCef } from './cef.js';
import type { SyslogSinkConfig } from './config.js';
import { tlsOptions } from './http.js';

/** RFC 5424 severities: a FAIL by the check's severity, an ERROR a warning, the rest informational. */
function syslogSeverity(f: Finding): number {
  if (f.status === 'FAIL' && !f.muted) return { critical: 2, high: 3, medium: 4, low: 5, info: 6 }[f.severity];
  if (f.status === 'ERROR') return 4;
  return 6;
}

/** SD-PARAM values escape `"`, `\` and `]` (RFC 5424 §6.3.3). */
const sdValue = (v: string) => v.replace(/[\\"\]]/g, (c) => `\\${c}`);
/** RFC 5612's documentation number, the default until a deployment names its own (`enterprise`, `sdId`). */
const DOCUMENTATION_ENTERPRISE = 32473;

export const sdIdOf = (config: Pick<SyslogSinkConfig, 'sdId' | 'enterprise'>): string => config.sdId ?? `finding@${config.enterprise ?? DOCUMENTATION_ENTERPRISE}`;

export interface SyslogRecord { readonly severity: number; readonly time: string; readonly msgid: string; readonly sd: string; readonly msg: string }

export function syslogRecord(config: SyslogSinkConfig, context: { contract?: { id: string; title: string } | undefined; scanId?: string | undefined }) {
  const sdId = sdIdOf(config);
  return (f: Finding): SyslogRecord => ({
    severity: syslogSeverity(f),
    time: f.time,
    msgid: f.status,
    sd: `[${sdId} id="${sdValue(f.id)}" check="${sdValue(f.check.id)}" status="${f.status}" muted="${f.muted}"]`,
    msg: config.body === 'cef' ? toCef(f) : JSON.stringify(config.format === 'ocsf' ? toOcsf(f, context) : f),
  });
}

/** `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID [SD] MSG` (RFC 5424). */
export function formatSyslog(config: SyslogSinkConfig, r: SyslogRecord, host = config.hostname ?? (hostname() || '-')): string {
  const pri = config.facility * 8 + r.severity;
  return `<${pri}>1 ${r.time} ${host.replace(/\s/g, '') || '-'} ${config.appName} ${process.pid} ${r.msgid} ${r.sd} ${r.msg}`;
}

/** RFC 6587 octet counting: the message's length in bytes, a space, the message. */
export const octetFrame = (message: string): Buffer => {
  const body = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length} `), body]);
};

/** How long close() lets a receiver answer our FIN (or TLS close_notify) before dropping the connection. */
const CLOSE_GRACE_MS = 1_000;

/** Ends a stream politely and destroys it if the peer has not closed within `graceMs`. */
function endSocket(socket: Socket, graceMs: number): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.destroy(), graceMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (socket.connecting) socket.destroy();
    else socket.end();
  });
}

/**
 * TCP (RFC 6587 octet counting), TLS (RFC 5425) or UDP (RFC 5426) syslog. Over a stream a batch
 * counts as delivered once the kernel has taken all of it and the connection is still up; plain
 * syslog has no application acknowledgement, so a connection that drops mid-batch makes the
 * whole batch go again (at-least-once). UDP can lose datagrams silently: its batches are counted
 * as sent, never as delivered (use TCP or TLS when delivery matters).
 *
 * Concurrent deliveries share one connection: the first to need it dials, the others wait for
 * that same attempt. Every socket ever opened is tracked until it closes, so close() ends them all
 * whatever the concurrency (an open socket would keep the process from exiting).
 */
export class SyslogTransport implements Transport<SyslogRecord> {
  private readonly sockets = new Set<Socket>();
  /** The connection in use, or being established: single-flight. */
  private connection: Promise<Socket> | undefined;
  private udp: UdpSocket | undefined;
  private readonly port: number;

  constructor(private readonly config: SyslogSinkConfig) {
    this.port = config.port ?? (config.transport === 'tls' ? 6514 : 514);
  }

  private connect(signal: AbortSignal): Promise<Socket> {
    if (!this.connection) {
      const connection = this.dial(signal);
      this.connection = connection;
      // A failed attempt, or a connection that drops later, is forgotten: the next delivery dials again.
      const forget = () => {
        if (this.connection === connection) this.connection = undefined;
      };
      connection.then((socket) => (socket.destroyed ? forget() : socket.once('close', forget)), forget);
    }
    return this.connection;
  }

  private dial(signal: AbortSignal): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = this.config.transport === 'tls'
        ? tlsConnect({ host: this.config.host, port: this.port, ...tlsOptions(this.config.tls), servername: this.config.tls.serverName ?? this.config.host })
        : netConnect({ host: this.config.host, port: this.port });
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
      // Errors after connecting surface through the write callback and 'close' of each delivery.
      socket.on('error', () => socket.destroy());
      const timer = setTimeout(() => socket.destroy(new Error(`connect timeout ${this.config.requestTimeoutMs} ms`)), this.config.requestTimeoutMs);
      const abort = () => socket.destroy(new Error('aborted'));
      const settle = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', abort);
        socket.off('error', onError);
      };
      const onError = (e: Error) => {
        settle();
        reject(new DeliveryError(`syslog ${this.config.host}:${this.port}: ${e.message}`, true));
      };
      socket.once('error', onError);
      socket.once(this.config.transport === 'tls' ? 'secureConnect' : 'connect', () => {
        settle();
        socket.setKeepAlive(true);
        resolve(socket);
      });
      if (signal.aborted) abort();
      else signal.addEventListener('abort', abort, { once: true });
    });
  }

  async deliver(records: readonly SyslogRecord[], signal: AbortSignal): Promise<DeliveryResult> {
    const lines = records.map((r) => formatSyslog(this.config, r));
    if (this.config.transport === 'udp') {
      await this.sendUdp(lines);
      return { unconfirmed: true };
    }
    const socket = await this.connect(signal);
    const data = Buffer.concat(lines.map(octetFrame));
    await new Promise<void>((resolve, reject) => {
      const fail = (e?: Error | null) => {
        socket.destroy();
        reject(new DeliveryError(`syslog write: ${e?.message ?? 'connection closed'}`, true));
      };
      const onClose = () => fail(null);
      socket.once('close', onClose);
      socket.write(data, (e) => {
        socket.off('close', onClose);
        if (e) fail(e);
        else resolve();
      });
    });
    return {};
  }

  private sendUdp(lines: string[]): Promise<void> {
    this.udp ??= createSocket(this.config.host.includes(':') ? 'udp6' : 'udp4');
    const udp = this.udp;
    return Promise.all(lines.map((line) => new Promise<void>((resolve, reject) => {
      udp.send(Buffer.from(line, 'utf8'), this.port, this.config.host, (e) => (e ? reject(new DeliveryError(`syslog udp: ${e.message}`, true)) : resolve()));
    }))).then(() => undefined);
  }

  async close(): Promise<void> {
    this.connection = undefined;
    this.udp?.close();
    this.udp = undefined;
    await Promise.all([...this.sockets].map((socket) => endSocket(socket, CLOSE_GRACE_MS)));
  }
}

export function createSyslogSink(name: string, config: SyslogSinkConfig, batching: BatchingOptions, context: { contract?: { id: string; title: string } | undefined; scanId?: string | undefined } = {}) {
  return new BatchingSink<SyslogRecord>(name, new SyslogTransport(config), syslogRecord(config, context), batching);
}
