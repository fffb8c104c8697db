/** Minimum TLS versions in the spellings the Azure services use, compared by their number. */
export function tlsNumber(value: string | null): number | null {
  if (value === null) return null;
  const m = /(\d)(?:[._]?(\d))?$/.exec(value.trim().replace(/^tls$/i, 'tls1.0'));
  return m ? Number(`${m[1]}.${m[2] ?? '0'}`) : null;
}

/** Whether a minimum version meets `required` (`1.2`); an unknown spelling does not. */
export const meetsTls = (value: string | null, required: string): boolean => (tlsNumber(value) ?? 0) >= Number(required);
