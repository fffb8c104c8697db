import { firewallRangeCheck } from '../lib/firewall.js';

export default firewallRangeCheck({
  id: 'azure-sql-server-firewall-no-internet-range',
  service: 'sql',
  resourceType: 'azure.sql.server',
  what: 'Azure SQL server',
  range: 'internet',
  cli: 'az sql server firewall-rule delete --resource-group <rg> --server <server> --name <rule>',
  references: ['CIS Microsoft Azure Foundations 3.0.0 5.1.2'],
});
