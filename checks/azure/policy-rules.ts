/** How Azure spells locations and ids, compared as Azure compares them. */

/** `West Europe` and `westeurope` are the same location. */
export const normaliseLocation = (location: string): string => location.replace(/\s+/g, '').toLowerCase();

/** Azure resource ids are case-insensitive; Resource Graph lower-cases some segments. */
export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
