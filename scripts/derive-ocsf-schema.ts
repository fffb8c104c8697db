/**
 * Derives a JSON Schema (draft 2020-12) for one OCSF event class, with chosen profiles applied,
 * from the schema's own definition files (dictionary.json, events/, objects/, profiles/), the way
 * the OCSF server compiles them:
 *
 *  - `extends` chains are merged parent first, the child's attribute settings winning key by key;
 *  - `$include` pulls a profile's attributes in, tagged with the profile's name unless the
 *    including file sets `profile: null`; attributes of profiles that are not applied are dropped;
 *  - each attribute's definition is the dictionary entry deep-merged with the class/object's
 *    settings, so enums keep the dictionary's `0 Unknown` / `99 Other` beside the class's values;
 *  - deprecated attributes and enum values are left out, so emitting them fails validation;
 *  - objects are closed (`additionalProperties: false`) except the free-form `object` type, and
 *    `constraints` (at_least_one, just_one) become anyOf/oneOf.
 *
 * Usage: tsx scripts/derive-ocsf-schema.ts [OCSF_DIR] [OUT_FILE]
 * (defaults: ../shared/ocsf beside the repository, test/schema/ocsf-compliance-finding-1.8.0.json)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedDir } from './provenance/shared.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type AttributeDef = JsonObject & { profile?: string | null; requirement?: string; type?: string; is_array?: boolean; enum?: JsonObject };

export interface DeriveOptions {
  /** Path of the class file under events/, without `.json`, e.g. `findings/compliance_finding`. */
  readonly eventClass: string;
  /** Profiles applied to the events (their attributes are kept, with the profile's requirement levels). */
  readonly profiles: readonly string[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function deepMerge(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? deepMerge(b, v) : v;
  }
  return out;
}

const readJson = (file: string): JsonObject => JSON.parse(readFileSync(file, 'utf8')) as JsonObject;

export function deriveOcsfSchema(ocsfDir: string, options: DeriveOptions): JsonObject {
  const dictionary = readJson(join(ocsfDir, 'dictionary.json'));
  const dictAttributes = dictionary['attributes'] as JsonObject;
  const types = (dictionary['types'] as JsonObject)['attributes'] as JsonObject;
  const version = String(readJson(join(ocsfDir, 'version.json'))['version']);
  const categories = (readJson(join(ocsfDir, 'categories.json'))['attributes']) as JsonObject;

  /** A file's attributes with its `$include`d profiles merged in (the file's own settings win). */
  function ownAttributes(file: JsonObject): Record<string, AttributeDef> {
    const attrs = (file['attributes'] ?? {}) as JsonObject;
    let merged: Record<string, AttributeDef> = {};
    const includes = attrs['$include'];
    if (Array.isArray(includes)) {
      for (const inc of includes) {
        const profile = readJson(join(ocsfDir, String(inc)));
        for (const [name, def] of Object.entries(profile['attributes'] as JsonObject)) {
          merged[name] = { profile: String(profile['name']), ...(def as JsonObject) } as AttributeDef;
        }
      }
    }
    for (const [name, def] of Object.entries(attrs)) {
      if (name === '$include') continue;
      merged = { ...merged, [name]: deepMerge(merged[name] ?? {}, def as JsonObject) as AttributeDef };
    }
    return merged;
  }

  function resolveChain(load: (name: string) => JsonObject, name: string): { file: JsonObject; attributes: Record<string, AttributeDef> } {
    const file = load(name);
    const parentName = file['extends'];
    if (typeof parentName !== 'string' || parentName === 'object') return { file, attributes: ownAttributes(file) };
    const parent = resolveChain(load, parentName);
    const attributes: Record<string, AttributeDef> = { ...parent.attributes };
    for (const [k, v] of Object.entries(ownAttributes(file))) attributes[k] = deepMerge(attributes[k] ?? {}, v) as AttributeDef;
    // Constraints are the nearest definer's.
    return {
      file: { ...file, constraints: file['constraints'] ?? parent.file['constraints'] ?? null, category: file['category'] ?? parent.file['category'] ?? null },
      attributes,
    };
  }

  const loadObject = (name: string) => readJson(join(ocsfDir, 'objects', `${name}.json`));
  const loadEvent = (name: string) => {
    if (name === 'base_event') return readJson(join(ocsfDir, 'events', 'base_event.json'));
    const dir = dirname(options.eventClass);
    return readJson(join(ocsfDir, 'events', dir, `${name}.json`));
  };

  const defs: Record<string, JsonObject> = {};
  const pending: string[] = [];
  const applied = new Set(options.profiles);

  function primitive(typeName: string): JsonObject {
    const t = types[typeName] as JsonObject | undefined;
    if (!t) throw new Error(`unknown OCSF type ${typeName}`);
    const base = typeof t['type'] === 'string' ? primitive(t['type']) : (
      typeName === 'string_t' ? { type: 'string' }
        : typeName === 'integer_t' || typeName === 'long_t' ? { type: 'integer' }
          : typeName === 'float_t' ? { type: 'number' }
            : typeName === 'boolean_t' ? { type: 'boolean' }
              : typeName === 'json_t' ? {}
                : (() => { throw new Error(`no JSON type for OCSF type ${typeName}`); })()
    );
    const out: JsonObject = { ...base };
    if (typeof t['regex'] === 'string') out['pattern'] = t['regex'];
    if (typeof t['max_len'] === 'number') out['maxLength'] = t['max_len'];
    if (Array.isArray(t['range'])) { out['minimum'] = t['range'][0] ?? null; out['maximum'] = t['range'][1] ?? null; }
    return out;
  }

  function attributeSchema(name: string, local: AttributeDef): JsonObject | undefined {
    const dict = (dictAttributes[name] ?? {}) as JsonObject;
    const def = deepMerge(dict, local) as AttributeDef;
    if (def['@deprecated']) return undefined;
    const typeName = def.type;
    if (typeof typeName !== 'string') throw new Error(`attribute ${name} has no type`);
    let schema: JsonObject;
    if (typeName.endsWith('_t')) {
      schema = primitive(typeName);
      if (isObject(def.enum)) {
        const values = Object.entries(def.enum).filter(([, v]) => !(isObject(v) && v['@deprecated'])).map(([k]) => k);
        schema = { ...schema, enum: schema['type'] === 'integer' ? values.map(Number) : values };
      }
    } else if (typeName === 'object') {
      schema = { type: 'object' };
    } else {
      if (!(typeName in defs) && !pending.includes(typeName)) pending.push(typeName);
      schema = { $ref: `#/$defs/${typeName}` };
    }
    return def.is_array ? { type: 'array', items: schema } : schema;
  }

  function objectSchema(attributes: Record<string, AttributeDef>, constraints: Json | undefined): JsonObject {
    const properties: JsonObject = {};
    const required: string[] = [];
    for (const name of Object.keys(attributes).sort()) {
      const attr = attributes[name] as AttributeDef;
      if (attr.profile && !applied.has(attr.profile)) continue;
      const schema = attributeSchema(name, attr);
      if (!schema) continue;
      properties[name] = schema;
      if (attr.requirement === 'required') required.push(name);
    }
    const out: JsonObject = { type: 'object', properties, additionalProperties: false };
    if (required.length > 0) out['required'] = required;
    if (isObject(constraints)) {
      const present = (names: Json) => (Array.isArray(names) ? names : []).filter((n) => String(n) in properties).map((n) => ({ required: [String(n)] }));
      if (constraints['at_least_one']) out['anyOf'] = present(constraints['at_least_one']);
      if (constraints['just_one']) out['oneOf'] = present(constraints['just_one']);
    }
    return out;
  }

  const event = resolveChain(loadEvent, basename(options.eventClass));
  const categoryName = String(event.file['category']);
  const categoryUid = Number((categories[categoryName] as JsonObject)['uid']);
  const classUid = categoryUid * 1000 + Number(event.file['uid']);
  const root = objectSchema(event.attributes, event.file['constraints']);
  const props = root['properties'] as JsonObject;
  const activityIds = ((props['activity_id'] as JsonObject)['enum'] as number[]);
  props['class_uid'] = { const: classUid };
  props['category_uid'] = { const: categoryUid };
  props['type_uid'] = { enum: activityIds.map((a) => classUid * 100 + a) };

  while (pending.length > 0) {
    const name = pending.shift() as string;
    const object = resolveChain(loadObject, name);
    defs[name] = objectSchema(object.attributes, object.file['constraints']);
  }

  // Applying a profile is declared in metadata.profiles (the OCSF convention validators check).
  const allOf: Json[] = options.profiles.map((p) => ({
    properties: { metadata: { type: 'object', required: ['profiles'], properties: { profiles: { type: 'array', contains: { const: p } } } } },
  }));
  const sortedDefs: JsonObject = {};
  for (const k of Object.keys(defs).sort()) sortedDefs[k] = defs[k] as JsonObject;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://dutyscan.dev/schema/ocsf-${version}/${event.file['name']}.json`,
    title: `OCSF ${version} ${String(event.file['caption'])} (class_uid ${classUid}) with profiles: ${options.profiles.join(', ')}`,
    $comment: 'Generated by scripts/derive-ocsf-schema.ts from the OCSF definition files; do not edit.',
    ...root,
    ...(allOf.length > 0 ? { allOf } : {}),
    $defs: sortedDefs,
  };
}

export const COMPLIANCE_FINDING: DeriveOptions = { eventClass: 'findings/compliance_finding', profiles: ['cloud'] };
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultOcsfDir = join(sharedDir, 'ocsf');
export const complianceFindingSchemaFile = join(repoRoot, 'test', 'schema', 'ocsf-compliance-finding-1.8.0.json');

export const serialise = (schema: JsonObject): string => `${JSON.stringify(schema, null, 1)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? defaultOcsfDir;
  const out = process.argv[3] ?? complianceFindingSchemaFile;
  writeFileSync(out, serialise(deriveOcsfSchema(dir, COMPLIANCE_FINDING)));
  process.stdout.write(`wrote ${out}\n`);
}
