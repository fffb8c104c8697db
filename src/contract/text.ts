import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Lang } from './lexicon.js';

export type SourceFormat = 'text' | 'markdown' | 'docx' | 'pdf';

/** A contract's text as lines; an empty line marks a paragraph break. */
export interface SourceText {
  readonly format: SourceFormat;
  readonly lines: readonly string[];
}

/** The file cannot be read as a contract: the user's mistake (exit 2), said plainly. */
export class ContractSourceError extends Error {
  override name = 'ContractSourceError';
}

const MARKDOWN = new Set(['.md', '.markdown']);

function formatOf(file: string, bytes: Buffer): SourceFormat {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04') return 'docx';
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf' || ext === '.docx') throw new ContractSourceError(`${file} is named ${ext} but is not a ${ext.slice(1).toUpperCase()} file`);
  if (ext === '.doc') throw new ContractSourceError(`${file}: the old binary Word format is not supported; save it as DOCX (or PDF, or plain text) first`);
  return MARKDOWN.has(ext) ? 'markdown' : 'text';
}

/** Plain text in UTF-8 (with or without BOM), UTF-16 with a BOM, or, failing UTF-8, GB 18030. */
function decode(file: string, bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ContractSourceError(`${file} is neither UTF-8 nor GB 18030 text, nor a DOCX or PDF file`);
    }
  }
}

/** Markdown syntax that is not part of the contract's words. */
export function stripMarkdown(line: string): string {
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return '';
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*[-*+]\s+/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

async function docxLines(file: string, bytes: Buffer): Promise<string[]> {
  const mammoth = await import('mammoth');
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    return value.split('\n');
  } catch (e) {
    throw new ContractSourceError(`${file}: not a readable DOCX document (${(e as Error).message})`);
  }
}

interface PdfLine {
  text: string;
  y: number;
  height: number;
}

/**
 * The lines of a PDF from its text layer. A line is the text up to pdf.js's end-of-line mark; a
 * vertical gap well beyond the line height, or a new page, starts a new paragraph. Page numbers
 * and the running head or foot repeated on most pages are not the contract's text.
 */
async function pdfLines(file: string, bytes: Buffer): Promise<string[]> {
  const { getDocumentProxy } = await import('unpdf');
  let pages: PdfLine[][];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const lines: PdfLine[] = [];
      let current: PdfLine | undefined;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        if (current && Math.abs(current.y - y) > Math.max(current.height, item.height, 1) / 2 && item.str.trim()) {
          lines.push(current);
          current = undefined;
        }
        if (item.str) {
          current ??= { text: '', y, height: 0 };
          current.text += item.str;
          current.height = Math.max(current.height, item.height);
        }
        if (item.hasEOL && current) {
          lines.push(current);
          current = undefined;
        }
      }
      if (current) lines.push(current);
      pages.push(lines.filter((l) => l.text.trim()));
    }
    await pdf.destroy();
  } catch (e) {
    throw new ContractSourceError(`${file}: not a readable PDF document (${(e as Error).message})`);
  }

  const furniture = repeatedEdges(pages);
  const out: string[] = [];
  for (const page of pages) {
    // A new page starts a paragraph unless the last one runs on across the break.
    if (/[。.!?!?;;::)）”"]$/u.test(out.at(-1) ?? '.')) out.push('');
    let previous: PdfLine | undefined;
    for (const line of page) {
      const text = line.text.trim();
      if (isPageNumber(text) || furniture.has(shape(text))) continue;
      if (previous && previous.y - line.y > 1.6 * Math.max(previous.height, line.height)) out.push('');
      out.push(text);
      previous = line;
    }
  }
  if (!out.some((l) => l.trim())) {
    throw new ContractSourceError(`${file}: the PDF has no text layer (a scanned image?); run it through OCR first`);
  }
  return out;
}

const shape = (text: string) => text.replace(/\d+/g, '#');
const isPageNumber = (text: string) =>
  /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i.test(text) || /^第\s*\d+\s*页(?:\s*[,,]?\s*共\s*\d+\s*页)?$/.test(text);

/** Lines (digits aside) that open or close at least half the pages of a document of three or more. */
function repeatedEdges(pages: readonly PdfLine[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const page of pages) {
    const edges = new Set([page[0], page.at(-1)].filter((l) => l !== undefined).map((l) => shape(l.text.trim())));
    for (const e of edges) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= pages.length / 2).map(([e]) => e));
}

const tidy = (line: string) => line.replace(/[\u00a0\u3000\t]/g, ' ').replace(/\s+$/, '');

/** Reads a contract: plain text, Markdown, DOCX or PDF (recognised by content, then by name). */
export async function readContract(file: string): Promise<SourceText> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ContractSourceError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const format = formatOf(file, bytes);
  const raw =
    format === 'pdf' ? await pdfLines(file, bytes)
    : format === 'docx' ? await docxLines(file, bytes)
    : decode(file, bytes).split(/\r\n?|\n/).map((l) => (format === 'markdown' ? stripMarkdown(l) : l));
  const lines = raw.map(tidy);
  if (!lines.some((l) => l.trim())) throw new ContractSourceError(`${file} holds no text`);
  return { format, lines };
}

/** Chinese when Han characters make up a fifth or more of the letters. */
export function detectLanguage(lines: readonly string[]): Lang {
  let han = 0;
  let latin = 0;
  for (const line of lines) {
    han += (line.match(/\p{Script=Han}/gu) ?? []).length;
    latin += (line.match(/[A-Za-z]/g) ?? []).length;
  }
  return han > 0 && han / (han + latin) >= 0.2 ? 'zh' : 'en';
}
