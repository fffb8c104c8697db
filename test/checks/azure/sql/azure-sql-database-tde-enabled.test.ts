import { describe, expect, it } from 'vitest';
import check from '../../../../checks/azure/sql/azure-sql-database-tde-enabled.js';
import { runCheck, statuses } from '../../../support/checks.js';
import { seen } from '../../../../src/core/observed.js';
import { deniedFact, list, sqlDatabase } from '../fixtures.js';

describe('azure-sql-database-tde-enabled', () => {
  it('passes, fails and errors per database', () => {
    const results = runCheck(check, [list('azure.sql.database', [
      sqlDatabase('orders'),
      sqlDatabase('legacy', { tde: seen('Disabled') }),
      sqlDatabase('hidden', { tde: deniedFact('Microsoft.Sql/servers/databases/transparentDataEncryption/read') }),
    ])]);
    expect(statuses(results)).toEqual([['orders', 'PASS'], ['legacy', 'FAIL'], ['hidden', 'ERROR']]);
    expect(results[1]?.evidence).toMatchObject({ transparentDataEncryption: 'Disabled' });
  });
  it('is NOT_APPLICABLE without databases', () => {
    expect(runCheck(check, [list('azure.sql.database', [])]).map((r) => r.status)).toEqual(['NOT_APPLICABLE']);
  });
});
