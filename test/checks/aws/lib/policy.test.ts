import { describe, expect, test } from 'vitest';
import { parsePolicyDocument, PolicyDocumentError } from '../../../../providers/aws/policy-document.js';
import { adminGrants, documentGrantsFullAdmin, principalAccount, trustIssues } from '../../../../checks/aws/lib/policy.js';
import { ACCOUNT, ADMIN_DOC, attached, doc, iamPolicy, READ_ONLY_DOC } from '../../../fixtures/aws.js';

describe('parsePolicyDocument', () => {
  test('normalises strings to arrays, "*" principals and condition values', () => {
    const d = parsePolicyDocument(JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:SecureTransport': true } } },
    }));
    expect(d.statement).toHaveLength(1);
    expect(d.statement[0]).toMatchObject({
      effect: 'Allow', action: ['sts:AssumeRole'], resource: [], principal: { aws: ['*'], service: [] },
      condition: { Bool: { 'aws:SecureTransport': ['true'] } },
    });
  });

  test('rejects what IAM would reject', () => {
    expect(() => parsePolicyDocument({ Statement: [{ Effect: 'Maybe', Action: '*' }] })).toThrow(PolicyDocumentError);
    expect(() => parsePolicyDocument([])).toThrow(PolicyDocumentError);
    expect(() => parsePolicyDocument({ Statement: [{ Effect: 'Allow', Principal: ['x'] }] })).toThrow(PolicyDocumentError);
  });
});

describe('full admin', () => {
  test('Allow */* is admin; scoped, Deny or NotAction statements are not', () => {
    expect(documentGrantsFullAdmin(ADMIN_DOC)).toBe(true);
    expect(documentGrantsFullAdmin(doc({ Effect: 'Allow', Action: '*:*', Resource: ['*'] }))).toBe(true);
    expect(documentGrantsFullAdmin(READ_ONLY_DOC)).toBe(false);
    expect(documentGrantsFullAdmin(doc({ Effect: 'Deny', Action: '*', Resource: '*' }))).toBe(false);
    expect(documentGrantsFullAdmin(doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b/*' }))).toBe(false);
  });

  test('adminGrants resolves attached policies, knows AdministratorAccess by ARN, refuses unknown attachments', () => {
    const custom = iamPolicy('everything', ADMIN_DOC);
    const narrow = iamPolicy('narrow', READ_ONLY_DOC);
    const grants = adminGrants(
      {
        attachedManagedPolicies: [attached(custom), attached(narrow), { policyName: 'AdministratorAccess', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
        inline: [{ policyName: 'inline-admin', policyDocument: ADMIN_DOC }, { policyName: 'inline-ro', policyDocument: READ_ONLY_DOC }],
      },
      [custom, narrow],
    );
    expect(grants).toEqual([
      { policy: custom.data.arn, kind: 'managed' },
      { policy: 'arn:aws:iam::aws:policy/AdministratorAccess', kind: 'managed' },
      { policy: 'inline-admin', kind: 'inline' },
    ]);
    expect(() => adminGrants({ attachedManagedPolicies: [{ policyName: 'x', policyArn: 'arn:aws:iam::1:policy/x' }], inline: [] }, [])).toThrow(/not in the inventory/);
  });
});

describe('trust policies', () => {
  const assume = (principal: unknown, condition?: unknown) =>
    doc({ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole', ...(condition ? { Condition: condition } : {}) });

  test('principalAccount', () => {
    expect(principalAccount('123456789012')).toBe('123456789012');
    expect(principalAccount('arn:aws:iam::123456789012:root')).toBe('123456789012');
    expect(principalAccount('arn:aws-cn:iam::123456789012:role/x')).toBe('123456789012');
    expect(principalAccount('*')).toBeNull();
  });

  test('wildcard and foreign accounts without a condition are issues; own, trusted and conditioned ones are not', () => {
    expect(trustIssues(assume('*'), ACCOUNT, [])).toEqual([{ principal: '*', reason: 'wildcard' }]);
    expect(trustIssues(assume({ AWS: 'arn:aws:iam::999999999999:root' }), ACCOUNT, [])).toEqual([
      { principal: 'arn:aws:iam::999999999999:root', reason: 'cross-account' },
    ]);
    expect(trustIssues(assume({ AWS: 'arn:aws:iam::999999999999:root' }), ACCOUNT, ['999999999999'])).toEqual([]);
    expect(trustIssues(assume({ AWS: `arn:aws:iam::${ACCOUNT}:root` }), ACCOUNT, [])).toEqual([]);
    expect(trustIssues(assume({ AWS: '999999999999' }, { StringEquals: { 'sts:ExternalId': 'x' } }), ACCOUNT, [])).toEqual([]);
    expect(trustIssues(assume('*', { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } }), ACCOUNT, [])).toEqual([]);
    expect(trustIssues(assume({ Service: 'ec2.amazonaws.com' }), ACCOUNT, [])).toEqual([]);
    expect(trustIssues(doc({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }), ACCOUNT, [])).toEqual([]);
  });

  test('OIDC providers need a subject condition; SAML providers do not', () => {
    const gh = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
    const web = (condition?: unknown) =>
      doc({ Effect: 'Allow', Principal: { Federated: gh }, Action: 'sts:AssumeRoleWithWebIdentity', ...(condition ? { Condition: condition } : {}) });
    expect(trustIssues(web({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }), ACCOUNT, [])).toEqual([
      { principal: gh, reason: 'federated-unrestricted' },
    ]);
    expect(trustIssues(web({ StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:acme/app:*' } }), ACCOUNT, [])).toEqual([]);
    const saml = doc({ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:saml-provider/okta` }, Action: 'sts:AssumeRoleWithSAML' });
    expect(trustIssues(saml, ACCOUNT, [])).toEqual([]);
  });
});
