import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-sql-server-public-network-access-disabled',
  title: 'Azure SQL servers are not reachable through their public endpoint',
  provider: 'azure',
  service: 'sql',
  resourceType: 'azure.sql.server',
  duty: 'network-exposure',
  severity: 'medium',
  rationale:
    'With public network access enabled, the server\'s firewall rules are all that separate the databases from the Internet; one broad rule exposes them. ' +
    'Private endpoints keep the traffic on private addresses.',
  remediation: {
    text: 'Create a private endpoint for the server, move clients to it, then deny public network access.',
    cli: 'az sql server update --resource-group <rg> --name <server> --enable-public-network false',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 5.1.7'],
  assess(server, ctx) {
    const value = server.data.publicNetworkAccess;
    const evidence = { publicNetworkAccess: value };
    // Servers created before the property existed report nothing and accept public traffic.
    return value !== null && value.toLowerCase() !== 'enabled'
      ? ctx.pass(`Public network access is ${value}`, evidence)
      : ctx.fail(`Public network access is ${value ?? 'not set (enabled)'}`, evidence);
  },
});
