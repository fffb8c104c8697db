import type { PolicyCondition, PolicyDocument, PolicyPrincipal, PolicyStatement } from './model/policy-document.js';

/**
 * The parser of IAM policy documents into the model's PolicyDocument (see model/policy-document.ts).
 * No SDK import: the demo and the tests use it too.
 */

export class PolicyDocumentError extends Error {}

const strings = (value: unknown, field: string): string[] => {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    throw new PolicyDocumentError(`${field} holds a ${typeof v}, expected strings`);
  });
};

function principal(value: unknown, field: string): PolicyPrincipal | null {
  if (value === undefined || value === null) return null;
  if (value === '*') return { aws: ['*'], service: [], federated: [], canonicalUser: [] };
  if (typeof value !== 'object' || Array.isArray(value)) throw new PolicyDocumentError(`${field} is neither "*" nor an object`);
  const p = value as Record<string, unknown>;
  return {
    aws: strings(p['AWS'], `${field}.AWS`),
    service: strings(p['Service'], `${field}.Service`),
    federated: strings(p['Federated'], `${field}.Federated`),
    canonicalUser: strings(p['CanonicalUser'], `${field}.CanonicalUser`),
  };
}

function condition(value: unknown): PolicyCondition {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new PolicyDocumentError('Condition is not an object');
  const out: Record<string, Record<string, string[]>> = {};
  for (const [operator, keys] of Object.entries(value as Record<string, unknown>)) {
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) {
      throw new PolicyDocumentError(`Condition.${operator} is not an object`);
    }
    out[operator] = Object.fromEntries(
      Object.entries(keys as Record<string, unknown>).map(([k, v]) => [k, strings(v, `Condition.${operator}.${k}`)]),
    );
  }
  return out;
}

function statement(value: unknown, index: number): PolicyStatement {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PolicyDocumentError(`Statement[${index}] is not an object`);
  }
  const s = value as Record<string, unknown>;
  const effect = s['Effect'];
  if (effect !== 'Allow' && effect !== 'Deny') throw new PolicyDocumentError(`Statement[${index}].Effect is ${String(effect)}`);
  return {
    sid: typeof s['Sid'] === 'string' ? s['Sid'] : null,
    effect,
    action: strings(s['Action'], 'Action'),
    notAction: strings(s['NotAction'], 'NotAction'),
    resource: strings(s['Resource'], 'Resource'),
    notResource: strings(s['NotResource'], 'NotResource'),
    principal: principal(s['Principal'], 'Principal'),
    notPrincipal: principal(s['NotPrincipal'], 'NotPrincipal'),
    condition: condition(s['Condition']),
  };
}

/** Normalise a parsed policy JSON; throws `PolicyDocumentError` on anything IAM itself would reject. */
export function parsePolicyDocument(json: unknown): PolicyDocument {
  const text = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  if (typeof text !== 'object' || text === null || Array.isArray(text)) throw new PolicyDocumentError('policy is not an object');
  const doc = text as Record<string, unknown>;
  const raw = doc['Statement'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return {
    version: typeof doc['Version'] === 'string' ? doc['Version'] : null,
    statement: list.map((s, i) => statement(s, i)),
  };
}
