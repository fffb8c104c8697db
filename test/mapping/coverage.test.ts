import { describe, expect, it } from 'vitest';
import { coverageMatrix, coverageOf } from '../../src/mapping/coverage.js';
import type { CheckMeta } from '../../src/core/check.js';

type Meta = Pick<CheckMeta, 'id' | 'provider' | 'service' | 'duty'>;
const meta = (id: string, duty: Meta['duty']): Meta => {
  const [provider, service] = id.split('-') as [Meta['provider'], string];
  return { id, provider, service, duty };
};

const checks: Meta[] = [
  meta('gcp-storage-bucket-not-public', 'network-exposure'),
  meta('aws-s3-bucket-versioning-enabled', 'backups'),
  meta('aws-s3-bucket-public-access-blocked', 'network-exposure'),
  meta('aws-s3-bucket-default-encryption-enabled', 'encryption-at-rest'),
  meta('aws-s3-bucket-kms-key', 'encryption-at-rest'),
  meta('aws-iam-root-mfa-enabled', 'mfa'),
];

describe('coverageMatrix', () => {
  it('lists each check under its provider, service and duty, and nothing where no check is', () => {
    expect(coverageMatrix(checks)).toEqual({
      aws: {
        iam: { mfa: ['aws-iam-root-mfa-enabled'] },
        s3: {
          'encryption-at-rest': ['aws-s3-bucket-default-encryption-enabled', 'aws-s3-bucket-kms-key'],
          'network-exposure': ['aws-s3-bucket-public-access-blocked'],
          backups: ['aws-s3-bucket-versioning-enabled'],
        },
      },
      gcp: { storage: { 'network-exposure': ['gcp-storage-bucket-not-public'] } },
    });
    expect(coverageMatrix(checks)['aws']!['s3']).not.toHaveProperty('logging');
    expect(coverageMatrix(checks)).not.toHaveProperty('azure');
    expect(coverageMatrix([])).toEqual({});
  });

  it('is the same, down to the order of its keys, whatever order the checks come in', () => {
    const text = JSON.stringify(coverageMatrix(checks));
    expect(JSON.stringify(coverageMatrix([...checks].reverse()))).toBe(text);
    // Providers and services by name; duties in DUTIES order (encryption-at-rest before network-exposure before backups).
    expect(Object.keys(coverageMatrix(checks)['aws']!['s3']!)).toEqual(['encryption-at-rest', 'network-exposure', 'backups']);
    expect(Object.keys(coverageMatrix([...checks].reverse()))).toEqual(['aws', 'gcp']);
  });

  it('counts a provider\'s services and the duties checked in at least one of them', () => {
    const matrix = coverageMatrix(checks);
    expect(coverageOf(matrix['aws'])).toEqual({ services: 2, duties: 4 });
    expect(coverageOf(matrix['gcp'])).toEqual({ services: 1, duties: 1 });
    expect(coverageOf(matrix['azure'])).toEqual({ services: 0, duties: 0 });
  });
});
