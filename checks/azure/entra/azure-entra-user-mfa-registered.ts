import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-entra-user-mfa-registered',
  title: 'Every Entra ID user is registered for multi-factor authentication',
  provider: 'azure',
  service: 'entra',
  resourceType: 'azure.entra.user',
  duty: 'mfa',
  severity: 'high',
  rationale:
    'Any member account can read data and start phishing from inside the tenant; a password alone does not stop credential stuffing. ' +
    'A user who never registered a second factor cannot be challenged for one.',
  remediation: {
    text: 'Require combined MFA registration for all users (registration campaign or Conditional Access "Register security information"), and follow up the users listed here.',
    url: 'https://learn.microsoft.com/entra/identity/authentication/how-to-mfa-registration-campaign',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 2.1.3'],
  defaults: { includeGuests: true },
  assess(user, ctx) {
    const { userPrincipalName, userType, isAdmin, isMfaRegistered, methodsRegistered } = user.data;
    const evidence = { userPrincipalName, userType, isAdmin, isMfaRegistered, methodsRegistered };
    if (!ctx.params.includeGuests && userType.toLowerCase() === 'guest') {
      return ctx.notApplicable(`${userPrincipalName} is a guest, and guests are excluded by the check's parameters`, evidence);
    }
    return isMfaRegistered
      ? ctx.pass(`${userPrincipalName} is registered for MFA`, evidence)
      : ctx.fail(`${userPrincipalName} is not registered for MFA`, evidence);
  },
});
