import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../../src/util/log.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
  return { log: createLogger('debug', stream as never), text: () => lines.join('') };
}

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

describe('logs never carry credentials', () => {
  it('redacts secret-named fields at any of the first levels', () => {
    const { log, text } = capture();
    log.info({ credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET }, clientSecret: 's3cr3t-value', nested: { deeper: { sessionToken: 'tok-123456' } } }, 'assumed role');
    log.info({ headers: { authorization: 'Bearer abc.def.ghi' }, token: 'hec-token-value' }, 'sink');
    const out = text();
    for (const secret of [KEY_ID, SECRET, 's3cr3t-value', 'tok-123456', 'abc.def.ghi', 'hec-token-value']) expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED]');
  });

  it('scrubs key ids, bearer tokens and signed-URL credentials out of free text', () => {
    const { log, text } = capture();
    log.warn({ err: { message: `The security token included in the request is invalid: ${KEY_ID}` } }, `retrying with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig`);
    log.error(`GET https://bucket.s3.amazonaws.com/?X-Amz-Credential=${KEY_ID}%2F20260101&X-Amz-Security-Token=FQoGZXIvYXdzEJr`);
    const out = text();
    expect(out).not.toContain(KEY_ID);
    expect(out).not.toContain('eyJhbGciOiJIUzI1NiJ9');
    expect(out).not.toContain('FQoGZXIvYXdzEJr');
    expect(scrub(`key ${KEY_ID} and ASIAXXXXXXXXXXXXXXXX`)).toBe('key AKIA[REDACTED] and ASIA[REDACTED]');
  });
});
