import { defineCheck } from '../../../src/core/check.js';
import '../../../providers/azure/model/types.js';

export default defineCheck({
  id: 'azure-sql-database-tde-enabled',
  title: 'Azure SQL databases have transparent data encryption enabled',
  provider: 'azure',
  service: 'sql',
  resourceType: 'azure.sql.database',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'Transparent data encryption protects database files, backups and logs at rest; it is on by default for new databases but can be switched off per database.',
  remediation: {
    text: 'Turn transparent data encryption on for the database.',
    cli: 'az sql db tde set --resource-group <rg> --server <server> --database <db> --status Enabled',
  },
  references: ['CIS Microsoft Azure Foundations 3.0.0 5.1.5'],
  assess(db, ctx) {
    const state = ctx.known(db.data.tde);
    const evidence = { server: db.data.serverName, transparentDataEncryption: state };
    return state.toLowerCase() === 'enabled'
      ? ctx.pass('Transparent data encryption is enabled', evidence)
      : ctx.fail(`Transparent data encryption is ${state}`, evidence);
  },
});
