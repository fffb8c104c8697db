import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const deploy = join(import.meta.dirname, '../../deploy');

/**
 * The shipped roles grant reads only. Each provider names reads differently; anything that is not
 * plainly a read must be on the short, explained allow-list.
 */
describe('the shipped least-privilege roles only read', () => {
  it('AWS: Describe/Get/List, plus the two non-mutating exceptions', () => {
    const policy = JSON.parse(readFileSync(join(deploy, 'aws/dutyscan-readonly-policy.json'), 'utf8')) as { Statement: { Effect: string; Action: string | string[]; Resource: string | string[] }[] };
    const EXCEPTIONS: Record<string, string> = {
      'iam:GenerateCredentialReport': 'builds the credential report; changes no configuration',
      'sts:AssumeRole': 'organisation mode: only into the DutyscanReadOnly member role',
    };
    for (const statement of policy.Statement) {
      expect(statement.Effect).toBe('Allow');
      for (const action of [statement.Action].flat()) {
        expect(action, 'no wildcards').not.toContain('*');
        const verb = action.split(':')[1] ?? '';
        expect(/^(Describe|Get|List)/.test(verb) || action in EXCEPTIONS, action).toBe(true);
        if (action === 'sts:AssumeRole') expect([statement.Resource].flat()).toEqual(['arn:aws:iam::*:role/DutyscanReadOnly']);
      }
    }
  });

  it('Azure: */read control-plane actions only, no data actions', () => {
    const role = JSON.parse(readFileSync(join(deploy, 'azure/dutyscan-reader.role.json'), 'utf8')) as { Actions: string[]; DataActions: string[] };
    expect(role.DataActions).toEqual([]);
    for (const action of role.Actions) expect(action, action).toMatch(/^Microsoft\.[A-Za-z]+\/[A-Za-z/]+\/read$/);
  });

  it('GCP: get/list/search/getIamPolicy permissions only (and the Cloud Asset listings of resources and policies)', () => {
    const role = parse(readFileSync(join(deploy, 'gcp/dutyscan-reader-role.yaml'), 'utf8')) as { includedPermissions: string[] };
    expect(role.includedPermissions.length).toBeGreaterThan(10);
    for (const permission of role.includedPermissions) expect(permission, permission).toMatch(/\.(get|list|getIamPolicy|search[A-Za-z]*|listEffectiveTags|listResource|listIamPolicy)$/);
  });
});
