import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { sinkNames, sinksSchema } from '../../src/sinks/config.js';

describe('sinks config', () => {
  it('the commented examples in config/dutyscan.example.yaml are valid sink entries', () => {
    const text = readFileSync(join(import.meta.dirname, '../../config/dutyscan.example.yaml'), 'utf8');
    const lines = text.split('\n');
    const start = lines.indexOf('sinks: []');
    expect(start).toBeGreaterThan(0);
    const block: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (!line.startsWith('#')) break;
      block.push(line.slice(1).replace(/^ {4}# /, '    '));
    }
    const sinks = sinksSchema.parse(parse(block.join('\n')));
    expect(sinks.map((s) => s.type)).toEqual(['hec', 'syslog', 'webhook', 'securityhub']);
    expect(sinks[0]).toMatchObject({ batchSize: 100, retry: { attempts: 5 }, tls: { verify: true } });
  });

  it('rejects unknown keys and bad values with the config path', () => {
    expect(() => configSchema.parse({ sinks: [{ type: 'hec', url: 'https://x', token: 't', tokn: 1 }] })).toThrow(/tokn/);
    expect(() => sinksSchema.parse([{ type: 'syslog', host: 'h', transport: 'smtp' }])).toThrow();
    expect(() => sinksSchema.parse([{ type: 'kafka' }])).toThrow();
    // RFC 5424 SD-ID: name@number, at most 32 printable characters; one way to set it.
    expect(() => sinksSchema.parse([{ type: 'syslog', host: 'h', sdId: 'finding' }])).toThrow(/name@enterprise-number/);
    expect(() => sinksSchema.parse([{ type: 'syslog', host: 'h', sdId: 'fin ding@1' }])).toThrow(/sdId/);
    expect(() => sinksSchema.parse([{ type: 'syslog', host: 'h', enterprise: 1, sdId: 'finding@1' }])).toThrow(/not both/);
    expect(() => sinksSchema.parse([{ type: 'syslog', host: 'h', enterprise: 0 }])).toThrow(/enterprise/);
    expect(configSchema.parse({}).sinks).toEqual([]);
  });

  it('names sinks uniquely (they name the spool directories)', () => {
    const s = sinksSchema.parse([{ type: 'hec', url: 'https://a', token: 't' }, { type: 'hec', url: 'https://b', token: 't' }, { type: 'webhook', name: 'soc', url: 'https://c', secret: 's' }]);
    expect(sinkNames(s)).toEqual(['hec', 'hec-2', 'soc']);
  });
});
