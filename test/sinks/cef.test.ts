import { describe, expect, it } from 'vitest';
import { cefHeader, cefValue, parseCef, toCef } from '../../src/sinks/cef.js';
import { finding } from '../support/findings.js';

describe('CEF escaping (ArcSight rules)', () => {
  it('header: backslash and pipe escaped, equals literal, no line breaks', () => {
    expect(cefHeader('a|b')).toBe('a\\|b');
    expect(cefHeader('a\\b')).toBe('a\\\\b');
    expect(cefHeader('a\\|b')).toBe('a\\\\\\|b');
    expect(cefHeader('k=v')).toBe('k=v');
    expect(cefHeader('one\ntwo\r\nthree')).toBe('one two three');
  });

  it('extension: backslash and equals escaped, newlines as \\n / \\r, pipes literal', () => {
    expect(cefValue('a=b')).toBe('a\\=b');
    expect(cefValue('a\\b')).toBe('a\\\\b');
    expect(cefValue('a|b')).toBe('a|b');
    expect(cefValue('l1\nl2\r\nl3\rl4')).toBe('l1\\nl2\\nl3\\rl4');
    expect(cefValue('\\=')).toBe('\\\\\\=');
  });

  it('round-trips hostile values through a CEF parser', () => {
    const nasty = 'x=1 y=2 | \\ \\= end\nnext\\n literal cs1=fake';
    const f = finding({ check: { title: 'T|itle \\ with=eq' }, message: nasty, resource: { name: nasty, id: 'id=with|pipe\\' } });
    const line = toCef(f);
    expect(line).not.toMatch(/[\r\n]/);
    const { header, extension } = parseCef(line);
    expect(header).toEqual(['CEF:0', 'dutyscan', 'dutyscan', expect.any(String), f.check.id, 'T|itle \\ with=eq', '8']);
    expect(extension['msg']).toBe(nasty.replace('\\n', '\\n'));
    expect(extension['flexString1']).toBe(nasty);
    expect(extension['cs3']).toBe('id=with|pipe\\');
    expect(extension['cs1']).toBe('111122223333');
    expect(extension['outcome']).toBe('FAIL');
  });

  it('severity: a FAIL by check severity, ERROR medium, PASS informational', () => {
    const sev = (o: Parameters<typeof finding>[0]) => parseCef(toCef(finding(o))).header[6];
    expect(sev({ status: 'FAIL', severity: 'critical' })).toBe('10');
    expect(sev({ status: 'ERROR' })).toBe('5');
    expect(sev({ status: 'PASS', severity: 'critical' })).toBe('1');
    expect(sev({ status: 'NOT_ASSESSED', severity: 'critical' })).toBe('1');
    expect(parseCef(toCef(finding({ status: 'NOT_ASSESSED' }))).extension).toMatchObject({ outcome: 'NOT_ASSESSED', reason: 'not assessed: set policy.criticalResources' });
  });
});
