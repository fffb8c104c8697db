import { formatters } from '../output/registry.js';
import { EXIT_HELP } from './exit.js';

/** `a, b, c` in lines of at most `width` columns, each indented. */
export function wrapList(items: readonly string[], width = 78, indent = '  '): string {
  const lines: string[] = [];
  let line = '';
  for (const [i, item] of items.entries()) {
    const word = i < items.length - 1 ? `${item},` : item;
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].map((l) => `${indent}${l}`).join('\n');
}

/**
 * What `dutyscan --help` and `dutyscan scan --help` end with: the formats by name (from the
 * registry, so a new format is listed without editing this), three examples, the exit codes.
 */
export function scanHelp(): string {
  return `
Output formats (scan --format NAME...; several need --output-dir):
${wrapList([...formatters.keys()])}

Examples:
  # the embedded demo organisation: no credentials needed
  dutyscan scan --demo
  # one AWS profile, two regions, every failing resource listed
  dutyscan scan -p aws --profile audit --regions eu-west-1,eu-central-1 --details
  # as a config says, one file per format, the summary on the terminal
  dutyscan scan -c dutyscan.yaml -f json sarif html -o reports/
${EXIT_HELP}`;
}
