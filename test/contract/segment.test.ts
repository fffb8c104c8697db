import { describe, expect, it } from 'vitest';
import { hanNumber, paragraphs, parseMarker, segment } from '../../src/contract/segment.js';
import { stripMarkdown } from '../../src/contract/text.js';
import { lexicon, linesOf } from './support.js';

const en = lexicon('en');
const zh = lexicon('zh');
const tree = (text: string, lex = en) => segment(linesOf(text), lex).clauses.map((c) => [c.id, c.parent ?? null, c.title]);

describe('clause numbers', () => {
  it.each([
    ['2.2.1数据分类与保护:甲方负责', { kind: 'decimal', path: [2, 2, 1], rest: '数据分类与保护:甲方负责' }],
    ['1.1“云服务”是指', { kind: 'decimal', path: [1, 1] }],
    ['第二十三条 保密', { kind: 'article', id: '第二十三条', path: [23], rest: '保密' }],
    ['第一章 总则', { kind: 'chapter', id: '第一章' }],
    ['Article 5 Security', { kind: 'article', id: 'Article 5', path: [5], rest: 'Security' }],
    ['§ 3 Pflichten', { kind: 'article', id: '§ 3', path: [3] }],
    ['§3.1 Detail', { kind: 'article', id: '§ 3.1', path: [3, 1] }],
    ['Schedule 2 - Security', { kind: 'chapter', id: 'Schedule 2' }],
    ['5. Customer obligations', { kind: 'decimal', path: [5], single: true }],
    ['(a) take backups', { kind: 'item', token: 'a', style: 'letter' }],
    ['(iv) renew', { kind: 'item', token: 'iv', style: 'roman' }],
    ['(二)至少每半年', { kind: 'item', token: '二', style: 'han' }],
    ['三、甲方的责任', { kind: 'article', id: '三', path: [3] }],
  ])('%s', (text, expected) => {
    expect(parseMarker(text)).toMatchObject(expected);
  });

  it.each(['2026年签署', '1亿VIP精品文档', '10.5% of fees', '30 days after notice', '(以下简称“甲方”)', '• 约6.86千字', '2026-02-04 发布'])('%s is no clause number', (text) => {
    expect(parseMarker(text)).toBeUndefined();
  });

  it('reads Chinese numerals', () => {
    expect([hanNumber('一'), hanNumber('十'), hanNumber('十二'), hanNumber('二十三'), hanNumber('一百零五'), hanNumber('7')]).toEqual([1, 10, 12, 23, 105, 7]);
  });
});

describe('clause hierarchy', () => {
  it('nests articles, decimals and items, and reads (i) after (h) as a letter', () => {
    const text = `
Article 5 Customer Obligations

5.1 The Customer shall:

(a) one;

(b) two, which it shall:

(i) first; and

(ii) second;

(c) three;

(d) four;

(e) five;

(f) six;

(g) seven;

(h) eight; and

(i) nine.

§ 6 Term

6.1 It ends.`;
    expect(tree(text)).toEqual([
      ['Article 5', null, 'Customer Obligations'],
      ['5.1', 'Article 5', ''],
      ['5.1(a)', '5.1', ''],
      ['5.1(b)', '5.1', ''],
      ['5.1(b)(i)', '5.1(b)', ''],
      ['5.1(b)(ii)', '5.1(b)', ''],
      ['5.1(c)', '5.1', ''],
      ['5.1(d)', '5.1', ''],
      ['5.1(e)', '5.1', ''],
      ['5.1(f)', '5.1', ''],
      ['5.1(g)', '5.1', ''],
      ['5.1(h)', '5.1', ''],
      ['5.1(i)', '5.1', ''],
      ['§ 6', null, 'Term'],
      ['6.1', '§ 6', ''],
    ]);
  });

  it('takes a bare "1." inside a clause for a list item, and the next top-level number for a clause', () => {
    const text = `
5. Customer obligations

5.1 The Customer shall:

1. enable MFA;

2. rotate keys.

6. Term

6.1 It ends.`;
    expect(tree(text).map(([id, parent]) => [id, parent])).toEqual([
      ['5', null], ['5.1', '5'], ['5.1(1)', '5.1'], ['5.1(2)', '5.1'], ['6', null], ['6.1', '6'],
    ]);
  });

  it('keeps numbered lists inside 第X条 as items, however far they count', () => {
    const text = `
第三条 甲方的责任

甲方应当:

1、启用多因素认证;

2、定期备份;

3、保留日志;

4、安装补丁。

第四条 其他`;
    expect(tree(text, zh).map(([id]) => id)).toEqual(['第三条', '第三条(1)', '第三条(2)', '第三条(3)', '第三条(4)', '第四条']);
  });

  it('renames a number that repeats under a new schedule instead of merging two clauses', () => {
    const result = segment(linesOf(`
1. Definitions

1.1 "Data" means data.

Schedule 1 Security

1.1 The Customer shall encrypt Data.`), en);
    expect(result.clauses.map((c) => c.id)).toEqual(['1', '1.1', 'Schedule 1', 'Schedule 1 1.1']);
    expect(result.renamed).toEqual([{ id: 'Schedule 1 1.1', was: '1.1', line: 7 }]);
  });
});

describe('paragraphs', () => {
  it('joins hard-wrapped lines, and does not start a clause where a line wraps before "5.2 of this Agreement"', () => {
    const lines = [
      '3.1 The Customer shall keep its records as described in clause',
      '5.2 of this Agreement and in the security policy that it publishes each year.',
      '3.2 Next.',
    ];
    expect(paragraphs(lines).map((p) => p.text)).toEqual([
      '3.1 The Customer shall keep its records as described in clause 5.2 of this Agreement and in the security policy that it publishes each year.',
      '3.2 Next.',
    ]);
  });

  it('joins Chinese lines without a space and starts a clause after a line that ends a sentence', () => {
    expect(paragraphs(['2.2.1数据分类与保护:甲方负责对其上载至云服务的用户数据进行分类,并根据数据的敏感性采取必要的加密措', '施。', '2.2.2身份与访问管理'])
      .map((p) => p.text)).toEqual(['2.2.1数据分类与保护:甲方负责对其上载至云服务的用户数据进行分类,并根据数据的敏感性采取必要的加密措施。', '2.2.2身份与访问管理']);
  });
});

describe('where the source stops', () => {
  const last = (text: string) => segment(linesOf(text), en);

  it('mid-sentence, with trailing page furniture left out', () => {
    const s = last(`
1. Security

1.1 The Customer shall keep its credentials and

Comments (0)

Related documents`);
    expect(s.truncation).toEqual({ clause: '1.1', ending: 'The Customer shall keep its credentials and', how: 'mid-sentence' });
    expect(s.trailing.map((p) => p.text)).toEqual(['Comments (0)', 'Related documents']);
  });

  it('after announcing a list', () => {
    expect(last('1. Security\n\n1.1 The Customer shall:').truncation).toMatchObject({ clause: '1.1', how: 'list announced' });
  });

  it('after a bare heading', () => {
    expect(last('1. Security\n\n1.1 The Customer shall log.\n\n1.2 Backups').truncation).toMatchObject({ clause: '1.2', how: 'heading only' });
  });

  it('not at all when the last clause ends a sentence or a signature block follows', () => {
    expect(last('1. Security\n\n1.1 The Customer shall log.').truncation).toBeUndefined();
    const signed = last('1. Security\n\n1.1 The Customer shall log.\n\nIN WITNESS WHEREOF the parties have signed this Agreement.\n\nSigned by: ____');
    expect(signed.truncation).toBeUndefined();
    expect(signed.clauses.at(-1)?.text).toBe('The Customer shall log.');
    expect(signed.trailing).toHaveLength(2);
  });
});

describe('the title', () => {
  it('is the last heading naming an agreement before the preamble begins', () => {
    const s = segment(linesOf('contract.docxVIP agreement\n\n• 0\n\nCLOUD SERVICES AGREEMENT\n\nThis Agreement is made between:\n\n1. Definitions'), en);
    expect(s.title).toBe('CLOUD SERVICES AGREEMENT');
  });
});

describe('Markdown', () => {
  it.each([
    ['## 3. Customer Obligations', '3. Customer Obligations'],
    ['**3.1 Sign-in.** The Customer shall', '3.1 Sign-in. The Customer shall'],
    ['- see [the policy](https://example.com)', 'see the policy'],
    ['---', ''],
  ])('%s', (line, text) => {
    expect(stripMarkdown(line)).toBe(text);
  });
});
