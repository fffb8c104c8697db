import { VERSION } from '../util/version.js';

/**
 * The CLI's entry: `--version` alone answers before anything else loads (scripts and health
 * checks run it often, and it should cost little more than starting Node); every other command
 * loads the program, and each command loads what it uses (a provider's SDK only when it scans it).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const args = argv.slice(2);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  return (await import('./program.js')).run(argv);
}
