import { Command, CommanderError } from 'commander';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { VERSION } from '../util/version.js';
import { scrub } from '../util/log.js';
import { registerCatalogCommands } from './commands/catalog.js';
import { registerContractCommands } from './commands/contract.js';
import { registerEvidenceCommand } from './commands/evidence.js';
import { registerReportCommand } from './commands/report.js';
import { registerScanCommand } from './commands/scan.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSinksCommand } from './commands/sinks.js';
import { EXIT } from './exit.js';
import { scanHelp } from './help.js';
import { UsageError } from './select.js';

export function buildProgram(done: (exitCode: number) => void): Command {
  const program = new Command('dutyscan')
    .description('Proves, from the live cloud, whether the customer side of an IaaS contract is met')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText('after', scanHelp());
  registerScanCommand(program, done);
  registerCatalogCommands(program);
  registerServeCommand(program, done);
  registerReportCommand(program, done);
  registerSinksCommand(program, done);
  registerContractCommands(program, done);
  registerEvidenceCommand(program, done);
  // Further commands register here.
  for (const sub of program.commands) sub.exitOverride();
  return program;
}

/** Runs the CLI and returns the exit code; never throws, never prints a stack unless DUTYSCAN_DEBUG is set. */
export async function run(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.OK;
  try {
    await buildProgram((code) => { exitCode = code; }).parseAsync([...argv]);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT.OK : EXIT.USAGE;
    }
    if (e instanceof ConfigErrors || e instanceof ConfigError) {
      process.stderr.write(`dutyscan: configuration error\n${e.message}\n`);
      return EXIT.USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`dutyscan: ${e.message}\n`);
      return EXIT.USAGE;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`dutyscan: internal error: ${scrub(message)}\n`);
    if (process.env.DUTYSCAN_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${scrub(e.stack)}\n`);
    return EXIT.INTERNAL;
  }
}
