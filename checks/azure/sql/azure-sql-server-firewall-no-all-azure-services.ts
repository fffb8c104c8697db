import { firewallRangeCheck } from '../lib/firewall.js';

export default firewallRangeCheck({
  id: 'azure-sql-server-firewall-no-all-azure-services',
  service: 'sql',
  resourceType: 'azure.sql.server',
  what: 'Azure SQL server',
  range: 'all-azure',
  cli: 'az sql server firewall-rule delete --resource-group <rg> --server <server> --name AllowAllWindowsAzureIps',
  references: ['CIS Microsoft Azure Foundations 3.0.0 5.1.2'],
});
