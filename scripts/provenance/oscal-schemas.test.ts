import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedPath } from './shared.js';

const vendored = join(import.meta.dirname, '..', '..', 'test', 'schema', 'oscal');

describe('provenance: NIST OSCAL 1.1.2 JSON Schemas', () => {
  it.each(['oscal_assessment-results_schema.json', 'oscal_catalog_schema.json', 'oscal_poam_schema.json'])(
    'the copy the tests validate against (test/schema/oscal/%s) is byte for byte the shared one',
    (file) => {
      expect(readFileSync(join(vendored, file)).equals(readFileSync(sharedPath('oscal', file)))).toBe(true);
    },
  );
});
