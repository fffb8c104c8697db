import { defineScopeCheck, type Verdict } from '../../../src/core/check.js';
import type { ResourceRef } from '../../../src/core/resource.js';
import '../../../providers/azure/model/types.js';

/** One verdict per Entra user holding an admin role; the tenant's whole report is one listing. */
export default defineScopeCheck({
  id: 'azure-entra-admin-mfa-registered',
  title: 'Every Entra ID user with an admin role is registered for multi-factor authentication',
  provider: 'azure',
  service: 'entra',
  resourceType: 'azure.entra.user',
  duty: 'mfa',
  severity: 'critical',
  rationale:
    'An administrator signing in with a password alone can be phished or guessed, and an admin account controls every subscription of the tenant. ' +
    'Registration is the precondition for Conditional Access or security defaults to demand a second factor.',
  remediation: {
    text: 'Have each listed admin register an authenticator app or FIDO2 key (https://aka.ms/mysecurityinfo), then enforce MFA for admin roles with Conditional Access.',
    url: 'https://learn.microsoft.com/entra/identity/authentication/howto-registration-mfa-sspr-combined',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 2.1.2'],
  assessScope(users, ctx) {
    const admins = users.filter((u) => u.data.isAdmin);
    if (admins.length === 0) {
      return ctx.notApplicable('The MFA registration report lists no user with an admin role', { users: users.length, admins: 0 });
    }
    return admins.map((user): Verdict => {
      const { data, ...ref } = user;
      const evidence = { userPrincipalName: data.userPrincipalName, isAdmin: true, isMfaRegistered: data.isMfaRegistered, methodsRegistered: data.methodsRegistered };
      const verdict = data.isMfaRegistered
        ? ctx.pass(`Admin ${data.userPrincipalName} is registered for MFA`, evidence)
        : ctx.fail(`Admin ${data.userPrincipalName} is not registered for MFA`, evidence);
      return { ...verdict, resource: ref satisfies ResourceRef };
    });
  },
});
