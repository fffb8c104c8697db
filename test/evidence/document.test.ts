import { describe, expect, it } from 'vitest';
import { serialise } from '../../src/evidence/document.js';

describe('evidence text', () => {
  it('scrubs secret-shaped strings at any depth, as the logs do at theirs', () => {
    let deep: unknown = { note: 'Authorization: Bearer abcdefgh12345678', url: 'https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAABCDEFGHIJKLMNOP&X-Amz-Signature=deadbeef' };
    for (let i = 0; i < 12; i++) deep = { level: [deep] };
    const text = serialise(deep);
    expect(text).not.toMatch(/abcdefgh12345678|AKIAABCDEFGHIJKLMNOP|deadbeef/);
    expect(text).toContain('Bearer [REDACTED]');
    expect(JSON.parse(text)).toBeTruthy(); // still JSON
  });
});
