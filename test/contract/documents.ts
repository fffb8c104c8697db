import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import JSZip from 'jszip';
import { chromium, type Browser } from 'playwright-core';

/**
 * The DOCX and PDF forms of a text fixture, built at test time the way a user's files are made:
 * a Word document with one paragraph per paragraph (headings styled, bold runs bold), and a PDF
 * printed by Chromium from the same paragraphs, so the text goes through real extraction.
 */

interface Block {
  readonly heading: boolean;
  /** Runs of text, bold or not. */
  readonly runs: readonly { readonly text: string; readonly bold: boolean }[];
}

/** Paragraphs of a text or Markdown fixture: blank lines separate them, hard-wrapped lines join. */
export function blocks(source: string): Block[] {
  return source
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0)
    .map((lines) => {
      const joined = lines.join(/[\p{Script=Han}]$/u.test(lines[0]!) ? '' : ' ');
      const heading = /^#{1,6}\s/.test(joined);
      const text = joined.replace(/^#{1,6}\s+/, '');
      const runs = text.split(/\*\*/).map((t, i) => ({ text: t, bold: i % 2 === 1 })).filter((r) => r.text);
      return { heading, runs };
    });
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export async function docxOf(source: string): Promise<Buffer> {
  const body = blocks(source)
    .map((b) => {
      const style = b.heading ? '<w:pPr><w:pStyle w:val="Heading2"/></w:pPr>' : '';
      const runs = b.runs.map((r) => `<w:r>${r.bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xml(r.text)}</w:t></w:r>`).join('');
      return `<w:p>${style}${runs}</w:p>`;
    })
    .join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

export const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to build the PDF fixtures`);
  const cjk = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
  if (!cjk) throw new Error('no Chinese font for Chromium to print the Chinese PDF fixture with: install one (apt-get install -y fonts-wqy-microhei)');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
}

export async function pdfOf(browser: Browser, source: string): Promise<Buffer> {
  const body = blocks(source)
    .map((b) => {
      const inner = b.runs.map((r) => (r.bold ? `<strong>${xml(r.text)}</strong>` : xml(r.text))).join('');
      return b.heading ? `<h2>${inner}</h2>` : `<p>${inner}</p>`;
    })
    .join('\n');
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>body { font: 12pt "DejaVu Serif", "WenQuanYi Micro Hei", serif; } h2 { font-size: 14pt; }</style></head><body>${body}</body></html>`);
    return await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
  } finally {
    await page.close();
  }
}
