import type { Command } from 'commander';
import { loadConfig } from '../../config/load.js';
import { sinkNames } from '../../sinks/config.js';
import { flushSpools, spoolDir, type SinkReport } from '../../sinks/index.js';
import { dirname } from 'node:path';
import { Spool } from '../../sinks/spool.js';
import { createLogger } from '../../util/log.js';
import { EXIT } from '../exit.js';
import { logLevel } from '../inputs.js';
import { UsageError } from '../select.js';

interface SinksFlags { config?: string; logLevel?: string }

function configured(flags: SinksFlags) {
  const { config, file } = loadConfig(flags.config);
  if (config.sinks.length === 0) throw new UsageError(`no sinks configured in ${file} (see sinks: in config/dutyscan.example.yaml)`);
  return { sinks: config.sinks, baseDir: flags.config ? dirname(flags.config) : undefined };
}

/** Replays every sink's spool; exit 0 when nothing is left, 4 (incomplete) when something is. */
export async function sinksFlushCommand(flags: SinksFlags): Promise<number> {
  const { sinks, baseDir } = configured(flags);
  const log = createLogger(logLevel(flags.logLevel, 'warn'));
  const reports = await flushSpools(sinks, { ...(baseDir ? { baseDir } : {}), log: (level, message, fields) => log[level](fields ?? {}, message) });
  for (const [name, r] of Object.entries(reports)) process.stdout.write(`${name}: replayed ${r.replayed}, still spooled ${r.backlog}${r.failed ? `, rejected ${r.failed}` : ''}${r.unconfirmed ? `, sent unconfirmed (UDP) ${r.unconfirmed}` : ''}\n`);
  return Object.values(reports).some((r: SinkReport) => r.backlog > 0) ? EXIT.INCOMPLETE : EXIT.OK;
}

/** Lists what each sink has spooled, without sending anything. */
export function sinksStatusCommand(flags: SinksFlags): number {
  const { sinks, baseDir } = configured(flags);
  const names = sinkNames(sinks);
  let pending = 0;
  sinks.forEach((s, i) => {
    const spool = new Spool(spoolDir(s, baseDir), names[i] as string, s.spool.maxBytes);
    const files = spool.list();
    const records = files.reduce((n, f) => { try { return n + spool.read(f).records.length; } catch { return n; } }, 0);
    pending += records;
    process.stdout.write(`${names[i]} (${s.type}): ${records} findings in ${files.length} batches, ${spool.size()} bytes in ${spool.dir}\n`);
  });
  return pending > 0 ? EXIT.INCOMPLETE : EXIT.OK;
}

export function registerSinksCommand(program: Command, done: (exitCode: number) => void = () => {}): void {
  const sinks = program.command('sinks').description('SIEM sinks: inspect and replay what could not be delivered');
  sinks
    .command('flush')
    .description('send the spooled batches of every configured sink now')
    .option('-c, --config <file>', 'YAML config file (default: $DUTYSCAN_CONFIG)')
    .option('--log-level <level>', 'pino level for the JSON logs on stderr (default: warn)')
    .action(async (flags: SinksFlags) => {
      done(await sinksFlushCommand(flags));
    });
  sinks
    .command('status')
    .description('show how many findings each sink has spooled')
    .option('-c, --config <file>', 'YAML config file (default: $DUTYSCAN_CONFIG)')
    .action((flags: SinksFlags) => {
      done(sinksStatusCommand(flags));
    });
  for (const sub of sinks.commands) sub.exitOverride();
}
