import { describe, expect, it } from 'vitest';
import { attemptFailure, awsErrorCode, classifyAwsError, isNotConfigured } from '../../../providers/aws/collect/errors.js';

const sdkError = (name: string, status?: number, message = 'whatever the service said') =>
  Object.assign(new Error(message), { name, ...(status !== undefined ? { $metadata: { httpStatusCode: status } } : {}) });

describe('AWS error classification', () => {
  it.each([
    ['AccessDenied', 403, 'ACCESS_DENIED'],
    ['AccessDeniedException', 400, 'ACCESS_DENIED'],
    ['UnauthorizedOperation', 403, 'ACCESS_DENIED'],
    ['SomethingNew', 403, 'ACCESS_DENIED'],
    ['Throttling', 400, 'THROTTLED'],
    ['ThrottlingException', 400, 'THROTTLED'],
    ['RequestLimitExceeded', 503, 'THROTTLED'],
    ['SlowDown', 503, 'THROTTLED'],
    ['SomethingNew', 429, 'THROTTLED'],
    ['TimeoutError', undefined, 'TIMEOUT'],
    ['AbortError', undefined, 'TIMEOUT'],
    ['OptInRequired', 401, 'NOT_ENABLED'],
    ['AWSOrganizationsNotInUseException', 400, 'NOT_ENABLED'],
    ['InvalidClientTokenId', 403, 'AUTH_FAILED'],
    ['ExpiredToken', 400, 'AUTH_FAILED'],
    ['CredentialsProviderError', undefined, 'AUTH_FAILED'],
    ['InternalFailure', 500, 'UNAVAILABLE'],
    ['SomethingNew', 502, 'UNAVAILABLE'],
    ['NoSuchBucket', 404, 'NOT_FOUND'],
    ['ValidationException', 400, 'UNEXPECTED'],
  ] as const)('%s (HTTP %s) is %s', (name, status, code) => {
    expect(awsErrorCode(sdkError(name, status))).toBe(code);
  });

  it('never reads the message', () => {
    expect(awsErrorCode(sdkError('ValidationException', 400, 'Access Denied: throttling timeout'))).toBe('UNEXPECTED');
  });

  it('classifies socket errors by their code', () => {
    expect(awsErrorCode(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('UNAVAILABLE');
    expect(awsErrorCode(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toBe('TIMEOUT');
  });

  it('a dropped connection is UNAVAILABLE even when the HTTP handler renamed it TimeoutError', () => {
    // @smithy/node-http-handler renames request errors with ECONNRESET/EPIPE/ECONNREFUSED to TimeoutError.
    expect(awsErrorCode(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }))).toBe('UNAVAILABLE');
    expect(awsErrorCode(Object.assign(new Error('x'), { name: 'TimeoutError', code: 'ETIMEDOUT' }))).toBe('TIMEOUT');
    expect(attemptFailure(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }))).toBe('ECONNRESET');
    expect(attemptFailure(sdkError('SlowDown', 503))).toBe('SlowDown');
  });

  it('names the operation and the IAM action to grant', () => {
    const e = classifyAwsError(sdkError('AccessDenied', 403), 's3', 'GetBucketEncryption', { account: '111111111111', region: 'eu-west-1' });
    expect(e).toMatchObject({ code: 'ACCESS_DENIED', operation: 's3:GetBucketEncryption', provider: 'aws', account: '111111111111', region: 'eu-west-1' });
    expect(e.message).toContain('grant s3:GetEncryptionConfiguration');
  });

  it('knows which answers mean "not configured", per operation only', () => {
    expect(isNotConfigured(sdkError('ServerSideEncryptionConfigurationNotFoundError', 404), 's3', 'GetBucketEncryption')).toBe(true);
    expect(isNotConfigured(sdkError('NoSuchEntityException', 404), 'iam', 'GetAccountPasswordPolicy')).toBe(true);
    expect(isNotConfigured(sdkError('NoSuchEntityException', 404), 'iam', 'GetAccountSummary')).toBe(false);
    expect(isNotConfigured(sdkError('ResourceNotFoundException', 404), 'account', 'GetAlternateContact')).toBe(true);
    expect(isNotConfigured(sdkError('AccessDenied', 403), 's3', 'GetBucketEncryption')).toBe(false);
  });
});
