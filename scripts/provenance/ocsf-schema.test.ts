import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPLIANCE_FINDING, complianceFindingSchemaFile, deriveOcsfSchema, serialise } from '../derive-ocsf-schema.js';
import { sharedPath } from './shared.js';

describe('provenance: OCSF 1.8.0 Compliance Finding schema', () => {
  it('the checked-in schema (test/schema/) is exactly what the OCSF definition files derive', () => {
    expect(serialise(deriveOcsfSchema(sharedPath('ocsf'), COMPLIANCE_FINDING))).toBe(readFileSync(complianceFindingSchemaFile, 'utf8'));
  });
});
