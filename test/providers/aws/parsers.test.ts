import { describe, expect, it } from 'vitest';
import { eventSelectors } from '../../../providers/aws/collect/cloudtrail.js';
import { decodePolicy, parseCredentialReport, parseCsv, userCredentials } from '../../../providers/aws/collect/iam.js';

describe('credential report parsing', () => {
  it('reads RFC 4180 CSV: quoted commas, doubled quotes, CRLF, a trailing newline', () => {
    expect(parseCsv('a,b\r\n"x,1","say ""hi"""\r\n')).toEqual([['a', 'b'], ['x,1', 'say "hi"']]);
  });

  it('maps IAM placeholders to null and keeps only key slots that hold a key', () => {
    const [row] = parseCredentialReport([
      'user,arn,password_enabled,password_last_used,password_last_changed,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service',
      'svc,arn:aws:iam::1:user/svc,false,no_information,N/A,false,false,2024-05-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A',
    ].join('\n'));
    expect(userCredentials(row!)).toEqual({
      passwordEnabled: false, passwordLastUsed: null, passwordLastChanged: null, mfaActive: false,
      // An inactive key that was rotated once still exists: it is listed, as inactive.
      accessKeys: [{ slot: 1, active: false, lastRotated: '2024-05-01T00:00:00.000Z', lastUsedDate: null, lastUsedRegion: null, lastUsedService: null }],
    });
  });

  it('refuses a report without a header', () => {
    expect(() => parseCredentialReport('')).toThrow(/header/);
  });
});

describe('GAAD policy documents', () => {
  it('are URL-decoded (RFC 3986) and normalised', () => {
    const encoded = encodeURIComponent(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 'iam:*', Resource: 'arn:aws:s3:::a b+c' } }));
    expect(decodePolicy(encoded, 'p').statement[0]).toMatchObject({ effect: 'Allow', action: ['iam:*'], resource: ['arn:aws:s3:::a b+c'] });
  });
});

describe('CloudTrail event selectors', () => {
  it('reduce basic selectors to management and S3 data events', () => {
    expect(eventSelectors({ $metadata: {}, EventSelectors: [{ ReadWriteType: 'ReadOnly', IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] }] }] }))
      .toEqual({ managementEvents: { read: true, write: false }, s3ObjectDataEvents: { read: false, write: false } });
  });

  it('reduce advanced selectors the same way', () => {
    expect(eventSelectors({
      $metadata: {},
      AdvancedEventSelectors: [
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] }, { Field: 'readOnly', Equals: ['false'] }] },
      ],
    })).toEqual({ managementEvents: { read: true, write: true }, s3ObjectDataEvents: { read: false, write: true } });
  });

  it('see nothing when management events are excluded', () => {
    expect(eventSelectors({ $metadata: {}, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false }] }).managementEvents).toEqual({ read: false, write: false });
  });
});
