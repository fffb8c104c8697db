import type { PolicyDocument } from '../model/index.js';
import { parsePolicyDocument } from '../policy-document.js';

/**
 * A resource policy as a service returns it (JSON text, absent or empty for none), parsed; a
 * document we cannot read is the service's answer we cannot judge: `InvalidResponse`, which the
 * caller's `observe` turns into an INVALID_RESPONSE fact.
 */
export function resourcePolicy(text: string | undefined | null): PolicyDocument | null {
  if (!text) return null;
  try {
    return parsePolicyDocument(text);
  } catch (e) {
    throw Object.assign(new Error(`unreadable resource policy: ${e instanceof Error ? e.message : String(e)}`), { name: 'InvalidResponse' });
  }
}
