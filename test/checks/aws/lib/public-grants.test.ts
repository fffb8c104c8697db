import { describe, expect, test } from 'vitest';
import { publicGrants } from '../../../../checks/aws/lib/policy.js';
import { doc } from '../../../fixtures/aws.js';

const anyone = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*', ...extra });

describe('publicGrants: a resource policy open to everyone', () => {
  test('Principal "*", {"AWS": "*"}, an account wildcard ARN and NotPrincipal are everyone', () => {
    expect(publicGrants(doc(anyone({ Sid: 'a' })))).toEqual([{ sid: 'a', principal: '*', actions: ['sqs:SendMessage'] }]);
    expect(publicGrants(doc(anyone({ Principal: { AWS: '*' } })))).toHaveLength(1);
    expect(publicGrants(doc(anyone({ Principal: { AWS: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::*:root'] } })))).toHaveLength(1);
    expect(publicGrants(doc({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::123456789012:root' }, NotAction: 'sqs:DeleteQueue', Resource: '*' })))
      .toEqual([{ sid: null, principal: 'NotPrincipal', actions: ['not:sqs:DeleteQueue'] }]);
  });

  test('named principals, services and Deny statements are not public', () => {
    expect(publicGrants(doc(anyone({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } })))).toEqual([]);
    expect(publicGrants(doc(anyone({ Principal: { Service: 'events.amazonaws.com' } })))).toEqual([]);
    expect(publicGrants(doc(anyone({ Effect: 'Deny' })))).toEqual([]);
  });

  test('an account, organisation, VPC or source condition narrows "*"; negated, IfExists and wildcard conditions do not', () => {
    expect(publicGrants(doc(anyone({ Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } })))).toEqual([]);
    expect(publicGrants(doc(anyone({ Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:123456789012:t' } } })))).toEqual([]);
    expect(publicGrants(doc(anyone({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } })))).toEqual([]);
    expect(publicGrants(doc(anyone({ Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })))).toEqual([]);
    expect(publicGrants(doc(anyone({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } })))).toHaveLength(1);
    expect(publicGrants(doc(anyone({ Condition: { StringNotEquals: { 'aws:SourceAccount': '123456789012' } } })))).toHaveLength(1);
    expect(publicGrants(doc(anyone({ Condition: { StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } } })))).toHaveLength(1);
    expect(publicGrants(doc(anyone({ Condition: { StringLike: { 'aws:PrincipalOrgID': '*' } } })))).toHaveLength(1);
    expect(publicGrants(doc(anyone({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })))).toHaveLength(1);
  });

  test('a service key narrows only where the service passes it', () => {
    const viaCaller = doc(anyone({ Condition: { StringEquals: { 'kms:CallerAccount': '123456789012' } } }));
    expect(publicGrants(viaCaller)).toHaveLength(1);
    expect(publicGrants(viaCaller, ['kms:calleraccount'])).toEqual([]);
    const viaService = doc(anyone({ Condition: { StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } } }));
    expect(publicGrants(viaService)).toHaveLength(1);
    expect(publicGrants(viaService, ['kms:viaservice'])).toEqual([]);
  });
});
