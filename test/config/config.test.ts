import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ConfigErrors } from '../../src/config/errors.js';
import { loadConfig, validateCheckSettings } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { parseYaml } from '../../src/config/yaml.js';
import { widgetSmall } from '../support/widgets.js';

const dir = mkdtempSync(join(tmpdir(), 'dutyscan-config-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const errorsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigErrors) return e.errors.map((x) => ({ file: x.file, path: x.path, line: x.line, expected: x.expected }));
    throw e;
  }
  throw new Error('expected a ConfigErrors');
};

describe('config loading', () => {
  it('accepts the documented example', () => {
    const { config } = loadConfig(join(import.meta.dirname, '../../config/dutyscan.example.yaml'));
    expect(config.concurrency.accounts).toBeGreaterThan(0);
  });

  it('documents a service section that validates as written', () => {
    const text = readFileSync(join(import.meta.dirname, '../../config/dutyscan.example.yaml'), 'utf8').split('\n');
    const block = text.slice(text.findIndex((l) => l.startsWith('# service:'))).map((l) => l.replace(/^# ?/, ''));
    const config = parseYaml('example service block', block.join('\n'), configSchema);
    expect(config.service?.schedules.map((s) => s.name)).toEqual(['daily-full', 'hourly-iam']);
  });

  it('names the file, the key path, the line and what was expected', () => {
    const file = write('wrong-type.yaml', 'concurrency:\n  accounts: 4\n  tasks: many\n');
    expect(errorsOf(() => loadConfig(file))).toEqual([
      { file, path: 'concurrency.tasks', line: 3, expected: expect.stringMatching(/expected number/) },
    ]);
  });

  it('suggests the key an unknown one was meant to be', () => {
    const file = write('typo.yaml', 'policy:\n  requiredTags: []\n  alowedRegions:\n    aws: [eu-west-1]\n');
    const [error] = errorsOf(() => loadConfig(file));
    expect(error).toMatchObject({ path: 'policy.alowedRegions', line: 3 });
    expect(error!.expected).toContain('did you mean "allowedRegions"');
  });

  it('reports every mistake at once, with lines inside lists', () => {
    const file = write('mutes.yaml', 'mutelist:\n  - check: aws-*\n    reason: ok reason\n  - check: "/[unclosed/"\n    reason: x\n');
    const errors = errorsOf(() => loadConfig(file));
    expect(errors.map((e) => [e.path, e.line])).toEqual([
      ['mutelist[1].check', 4],
      ['mutelist[1].reason', 5],
    ]);
  });

  it('says where invalid YAML breaks', () => {
    const file = write('broken.yaml', 'policy:\n  requiredTags: [\n');
    const [error] = errorsOf(() => loadConfig(file));
    expect(error!.expected).toMatch(/invalid YAML/);
    expect(error!.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects unknown checks and parameters of the wrong kind', () => {
    const file = 'inline.yaml';
    const config = configSchema.parse({ checks: { 'aws-test-widget-smal': {}, 'aws-test-widget-small': { params: { maxSize: 'ten', colour: 1 } } } });
    const errors = errorsOf(() => validateCheckSettings({ config, file, lineOf: () => undefined }, [widgetSmall]));
    expect(errors.map((e) => e.path)).toEqual(['checks.aws-test-widget-smal', 'checks.aws-test-widget-small.params.maxSize', 'checks.aws-test-widget-small.params.colour']);
    expect(errors[0]!.expected).toContain('did you mean "aws-test-widget-small"');
    expect(errors[1]!.expected).toContain('expected number');
  });

  it('never throws anything but a ConfigErrors, whatever the input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.anything().map((v) => { try { return JSON.stringify(v) ?? ''; } catch { return ''; } })), (text) => {
        try {
          parseYaml('fuzz.yaml', text, configSchema);
        } catch (e) {
          expect(e).toBeInstanceOf(ConfigErrors);
          for (const error of (e as ConfigErrors).errors) expect(error.file).toBe('fuzz.yaml');
        }
      }),
      { numRuns: 300 },
    );
  });
});
