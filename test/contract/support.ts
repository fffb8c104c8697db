import { compileLexicon, lexiconFile, loadLexicon, type Lang, type Lexicon } from '../../src/contract/lexicon.js';
import { loadCatalog } from '../../src/mapping/catalog.js';

const data = loadLexicon(new Set(loadCatalog().obligations.keys()));

/** The bundled lexicon, compiled for one language. */
export const lexicon = (lang: Lang): Lexicon => compileLexicon(data, lang, lexiconFile());

/** A contract given as its paragraphs, one per line, blank lines between. */
export const linesOf = (text: string): string[] => text.replace(/^\n/, '').split('\n');
