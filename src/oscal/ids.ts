import { createHash } from 'node:crypto';

/** OSCAL 1.1.2, the version every document dutyscan writes declares and validates against. */
export const OSCAL_VERSION = '1.1.2';
/** The namespace of dutyscan's own OSCAL properties. */
export const NS = 'urn:dutyscan:oscal';

/** RFC 4122 appendix C: the namespace for names that are URIs. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
/** dutyscan's namespace for name-based UUIDs: the v5 UUID of its property namespace. */
const NAMESPACE = uuidV5(NS, URL_NAMESPACE);

/**
 * RFC 4122 version 5 (SHA-1, name-based) UUID. The same name always gives the same UUID, so an
 * observation of the same finding keeps its identifier from one scan to the next and an
 * auditor's tool can diff two assessments.
 */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An OSCAL token (an XML NCName: a letter or `_` first, then letters, digits, `.`, `-`, `_`).
 * Clause numbers such as `2.2.1` or `第二条` are not tokens by themselves, so controls are
 * `clause-2.2.1`; anything else becomes `_`.
 */
export const token = (text: string): string => {
  const body = text.normalize('NFC').replace(/[^\p{L}\p{N}._-]/gu, '_');
  return /^[\p{L}_]/u.test(body) ? body : `_${body}`;
};

export const controlId = (clause: string): string => token(`clause-${clause}`);
export const statementId = (clause: string): string => `${controlId(clause)}_smt`;
export const objectiveId = (clause: string, obligation: string): string => `${controlId(clause)}_obj.${token(obligation)}`;
export const definitionParamId = (clause: string): string => token(`definition-${clause}`);

/** OSCAL strings and property values: one line, no leading or trailing white space, never empty. */
export const line = (text: string, fallback = '-'): string => text.replace(/\s+/g, ' ').trim() || fallback;

/** OSCAL date-times carry a zone; ours are ISO strings in UTC already. */
export const dateTime = (iso: string): string => new Date(iso).toISOString();

export interface Prop { readonly name: string; readonly value: string; readonly ns?: string; readonly class?: string }
/** A dutyscan property; empty values are left out (OSCAL values may not be empty). */
export const prop = (name: string, value: string | undefined): Prop[] => (value && value.trim() ? [{ name, ns: NS, value: line(value) }] : []);
