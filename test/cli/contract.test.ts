import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docxOf, launchChromium, pdfOf } from '../contract/documents.js';

/** dutyscan contract draft and lint as a user runs them: the built CLI as a child process. */

const bin = join(import.meta.dirname, '../../bin/dutyscan.js');
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'contracts');
const run = async (args: string[], cwd?: string) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};
const dir = mkdtempSync(join(tmpdir(), 'dutyscan-contract-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The 1-based line of the first line of `text` that contains `needle` after line `from`. */
const lineOf = (text: string, needle: string, from = 0) => text.split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;

describe('dutyscan contract draft', () => {
  const profile = join(dir, 'hosting.yaml');
  let drafted: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    drafted = await run(['contract', 'draft', join(fixtures, 'en-hosting-agreement.md'), '-o', profile]);
  });

  it('writes a profile in the schema of config/contracts and a review report beside it, and exits 0', () => {
    expect(drafted.code, drafted.stderr).toBe(0);
    expect(drafted.stdout).toContain(`${profile}: 14 clause(s) to review`);
    expect(drafted.stdout).toContain('the source is cut off in clause 6.3');
    const doc = parse(readFileSync(profile, 'utf8')) as { id: string; clauses: { id: string; review: string; obligations: string[] }[]; notes: string };
    expect(doc.id).toBe('hosting');
    expect(doc.clauses.map((c) => c.id)).toContain('3.3');
    expect(doc.clauses.every((c) => c.review === 'required')).toBe(true);
    expect(doc.notes).toMatch(/cut off in clause 6\.3/);
    const report = readFileSync(join(dir, 'hosting.review.md'), 'utf8');
    expect(report).toContain('# Review: Cloud Hosting Agreement');
    expect(report).toMatch(/### 3\.3 Encryption \(line \d+\)/);
    expect(report).toContain('| data.encryption-in-transit |');
    expect(report).toContain("## Provider's clauses (listed, not mapped)");
  });

  it('will not overwrite a profile (it may hold a review) unless told to', async () => {
    const again = await run(['contract', 'draft', join(fixtures, 'en-hosting-agreement.md'), '-o', profile]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${profile} exists (it may hold a review); pass --force to replace it`);
    const copy = join(dir, 'copy.yaml');
    copyFileSync(profile, copy);
    expect((await run(['contract', 'draft', join(fixtures, 'en-hosting-agreement.md'), '-o', copy, '--force'])).code).toBe(0);
  });

  it('lints the draft: valid, with every clause listed at the line of its marker, exit 4 until reviewed', async () => {
    const lint = await run(['contract', 'lint', profile]);
    expect(lint.code).toBe(4);
    expect(lint.stdout).toContain(`${profile}: valid contract profile "hosting": 14 clause(s)`);
    const text = readFileSync(profile, 'utf8');
    const first = lineOf(text, "id: \"3.1\"") || lineOf(text, "id: '3.1'") || lineOf(text, 'id: 3.1');
    expect(lint.stdout).toContain(`${profile}:${lineOf(text, 'review: required', first)}: clause 3.1`);
    expect(lint.stdout.match(/: clause /g)).toHaveLength(14);

    const reviewed = join(dir, 'reviewed.yaml');
    writeFileSync(reviewed, text.replace(/^\s*review: required\n/gm, ''));
    const clean = await run(['contract', 'lint', reviewed]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('every clause has been reviewed');
  });

  it('makes scan --contract warn while clauses are unreviewed', async () => {
    const scan = await run(['scan', '--demo', '--format', 'json', '--contract', profile]);
    expect(scan.code).toBe(5); // the demo: failing findings and denied facts
    expect(scan.stderr).toContain('contract profile "hosting" has 14 clause(s) marked "review: required"');
    expect(JSON.parse(scan.stdout).scan.contract.id).toBe('hosting');
  });

  it('drafts the same profile from the DOCX and the PDF of the contract', async () => {
    const source = readFileSync(join(fixtures, 'en-hosting-agreement.md'), 'utf8');
    writeFileSync(join(dir, 'hosting.docx'), await docxOf(source));
    const browser = await launchChromium();
    try {
      writeFileSync(join(dir, 'hosting.pdf'), await pdfOf(browser, source));
    } finally {
      await browser.close();
    }
    const want = (parse(readFileSync(profile, 'utf8')) as { clauses: unknown[] }).clauses;
    for (const format of ['docx', 'pdf']) {
      const out = join(dir, `from-${format}.yaml`);
      const result = await run(['contract', 'draft', join(dir, `hosting.${format}`), '-o', out]);
      expect(result.code, result.stderr).toBe(0);
      expect((parse(readFileSync(out, 'utf8')) as { clauses: unknown[] }).clauses, format).toEqual(want);
    }
  }, 60_000);

  it('takes --customer to swap the parties of a Chinese contract', async () => {
    const out = join(dir, 'swapped.yaml');
    const result = await run(['contract', 'draft', join(fixtures, 'zh-cloud-hosting.txt'), '--customer', '乙方', '-o', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('customer: 乙方, provider: 甲方');
    const ids = (parse(readFileSync(out, 'utf8')) as { clauses: { id: string }[] }).clauses.map((c) => c.id);
    expect(ids).toContain('2.2');
    expect(ids).not.toContain('3.1');
  });

  it.each([
    [['missing.txt', '-o', 'x.yaml'], /cannot read missing\.txt: no such file/],
    [['en-hosting-agreement.md', '--lang', 'fr', '-o', 'x.yaml'], /unknown --lang "fr".*expected one of: en, zh/],
    [['zh-cloud-hosting.txt', '--customer', '丙方', '-o', 'x.yaml'], /--customer "丙方" names no party of this contract; its parties: 甲方/],
    [['en-hosting-agreement.md', '-o', 'x.txt'], /the profile is YAML; name it \.yaml/],
    [['en-hosting-agreement.md'], /required option '-o, --output <profile.yaml>'/],
    [['fake.pdf', '-o', 'x.yaml'], /fake\.pdf is named \.pdf but is not a PDF file/],
  ])('exits 2 with a clear message: %j', async (args, message) => {
    writeFileSync(join(dir, 'fake.pdf'), 'not a pdf');
    const cwd = args[0] === 'fake.pdf' || args[0] === 'missing.txt' ? dir : fixtures;
    const result = await run(['contract', 'draft', ...args.map((a) => (a === 'x.yaml' || a === 'x.txt' ? join(dir, a) : a))], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });
});

describe('dutyscan contract lint on a broken profile', () => {
  it('exits 2 naming file and line for every problem', async () => {
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, [
      'id: broken',
      'title: Broken',
      'definitions:',
      "  - {clause: '1.1', term: Data, meaning: data}",
      'clauses:',
      "  - id: '2.1'",
      '    title: One',
      '    summary: one',
      "    relies_on: ['1.9']",
      '    obligations: [access.mfa, acess.review]',
      "  - id: '2.1'",
      '    title: Two',
      '    summary: two',
      '    review: yes',
      '',
    ].join('\n'));
    const result = await run(['contract', 'lint', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:14: clauses[1].review: only "required"`);

    writeFileSync(file, readFileSync(file, 'utf8').replace('    review: yes\n', ''));
    const semantic = await run(['contract', 'lint', file]);
    expect(semantic.code).toBe(2);
    expect(semantic.stderr).toContain(`dutyscan: ${file} is not a valid contract profile (3 problem(s))`);
    expect(semantic.stderr).toContain(`${file}:10: clauses[0].obligations[1]: unknown obligation "acess.review" (did you mean "access.review"?)`);
    expect(semantic.stderr).toContain(`${file}:9: clauses[0].relies_on[0]: relies on "1.9"`);
    expect(semantic.stderr).toContain(`${file}:11: clauses[1].id: duplicate clause id "2.1" (also clauses[0], line 6)`);
  });

  it('exits 2 with the line of a YAML syntax error, and for a file that is not there', async () => {
    const file = join(dir, 'syntax.yaml');
    writeFileSync(file, 'id: x\ntitle: [unclosed\nclauses: []\n');
    const result = await run(['contract', 'lint', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: invalid YAML`));
    const missing = await run(['contract', 'lint', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read file');
  });
});
