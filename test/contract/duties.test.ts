import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigErrors } from '../../src/config/errors.js';
import { attributeDuties, mapObligations } from '../../src/contract/duties.js';
import { compileTerms, loadLexicon, type Lang } from '../../src/contract/lexicon.js';
import { identifyParties } from '../../src/contract/parties.js';
import { segment } from '../../src/contract/segment.js';
import { findDefinitions } from '../../src/contract/terms.js';
import { ContractSourceError } from '../../src/contract/text.js';
import { loadCatalog } from '../../src/mapping/catalog.js';
import { lexicon, linesOf } from './support.js';

const EN_PREAMBLE = 'Acme Freight Ltd ("Customer") and Nimbus Hosting GmbH ("Provider") agree as follows:';
const ZH_PREAMBLE = '甲方(云服务用户):示例有限公司\n\n乙方(云服务提供商):示例云有限公司';

function read(text: string, lang: Lang, customer?: string) {
  const lex = lexicon(lang);
  const segmented = segment(linesOf(text), lex);
  const definitions = findDefinitions(segmented, lex);
  const parties = identifyParties(segmented, definitions, lex, customer);
  const duties = attributeDuties(segmented, parties, definitions, lex);
  return { parties, duties, get: (id: string) => duties.find((d) => d.clause.id === id)! };
}
const holder = (text: string, lang: Lang = 'en') => read(text, lang).duties.at(-1)!.attribution;
const mapped = (text: string, lang: Lang = 'en') => read(text, lang).duties.at(-1)!.mappings.map((m) => m.obligation);

describe('parties', () => {
  it('reads 甲方 and 乙方 from the roles the preamble gives them', () => {
    const { parties } = read(`${ZH_PREAMBLE}\n\n1.1 甲方应备份数据。`, 'zh');
    expect([parties.customer.label, parties.customer.how, parties.provider?.label]).toEqual(['甲方', 'preamble', '乙方']);
  });

  it('falls back on the Party A/B convention, and says so', () => {
    const { parties } = read('甲方:示例有限公司\n\n乙方:示例云有限公司\n\n1.1 甲方应备份数据。', 'zh');
    expect([parties.customer.label, parties.customer.how]).toEqual(['甲方', 'convention']);
  });

  it('reads "Customer" and "Provider" from the names the preamble defines', () => {
    const { parties } = read(`${EN_PREAMBLE}\n\n1.1 The Customer shall back up its data.`, 'en');
    expect([parties.customer.label, parties.customer.name, parties.provider?.label]).toEqual(['Customer', 'Acme Freight Ltd', 'Provider']);
  });

  it('uses the words the clauses use most when the preamble names no party', () => {
    const { parties } = read('1.1 The Licensee shall back up its data.\n\n1.2 The Licensee shall log.\n\n1.3 The Licensor shall patch.\n\n1.4 The Licensor shall host.', 'en');
    expect([parties.customer.label, parties.customer.how, parties.provider?.label]).toEqual(['Licensee', 'usage', 'Licensor']);
  });

  it('lets --customer swap the roles, and refuses a name the contract does not use', () => {
    const swapped = read(`${ZH_PREAMBLE}\n\n1.1 乙方应对存储进行加密。`, 'zh', '乙方');
    expect([swapped.parties.customer.label, swapped.parties.provider?.label, swapped.get('1.1').attribution.holder]).toEqual(['乙方', '甲方', 'customer']);
    expect(() => read(`${ZH_PREAMBLE}\n\n1.1 甲方应备份数据。`, 'zh', '丙方')).toThrow(ContractSourceError);
  });

  it('refuses to guess when nothing says who the customer is', () => {
    expect(() => read('1.1 It shall be done.', 'en')).toThrow(/cannot tell which party is the customer.*--customer/);
  });
});

describe('whose duty', () => {
  it('is the party before the duty verb, not the one it acts on', () => {
    expect(holder(`${ZH_PREAMBLE}\n\n1.1 乙方应在二十四小时内通知甲方。`, 'zh')).toMatchObject({ holder: 'provider', how: 'subject', evidence: ['乙方应'] });
    expect(holder(`${EN_PREAMBLE}\n\n1.1 The Provider shall notify the Customer of outages.`)).toMatchObject({ holder: 'provider' });
  });

  it('is nobody in a liability exclusion, with or without its heading', () => {
    expect(holder(`${ZH_PREAMBLE}\n\n1.1 因甲方原因造成的损失,乙方不承担责任。`, 'zh')).toMatchObject({ holder: 'neither', how: 'exclusion' });
    expect(holder(`${EN_PREAMBLE}\n\n7. Limitation of Liability\n\n7.1 Neither party shall be liable for indirect loss.`)).toMatchObject({ holder: 'neither', how: 'exclusion' });
    expect(holder(`${EN_PREAMBLE}\n\n1.1 The Provider shall not be liable for loss caused by the Customer.`)).toMatchObject({ holder: 'neither' });
  });

  it('is the agent of a passive duty', () => {
    expect(holder(`${EN_PREAMBLE}\n\n1.1 Multi-factor authentication shall be enabled by the Customer.`)).toMatchObject({ holder: 'customer' });
    expect(holder(`${ZH_PREAMBLE}\n\n1.1 数据的异地备份由甲方负责。`, 'zh')).toMatchObject({ holder: 'customer' });
  });

  it('is both parties for "each party" and 双方, and for two subjects in one clause', () => {
    expect(holder(`${EN_PREAMBLE}\n\n1.1 Each party shall keep the other's information confidential.`).holder).toBe('both');
    expect(holder(`${ZH_PREAMBLE}\n\n1.1 双方应遵守法律。`, 'zh').holder).toBe('both');
    expect(holder(`${EN_PREAMBLE}\n\n1.1 The Provider shall patch hosts. The Customer shall patch guests.`).holder).toBe('both');
  });

  it('comes from a heading or from the clause that introduces a list when the clause names nobody', () => {
    const r = read(`${ZH_PREAMBLE}\n\n2. 甲方责任\n\n2.1 应启用多因素认证。\n\n2.2 乙方应:\n\n(一)定期打补丁。`, 'zh');
    expect(r.get('2.1').attribution).toMatchObject({ holder: 'customer', how: 'heading', confidence: 0.75 });
    expect(r.get('2.2(一)').attribution).toMatchObject({ holder: 'provider', how: 'list' });
  });

  it("maps only the customer's sentences of a shared clause", () => {
    const d = read(`${EN_PREAMBLE}\n\n1.1 The Provider shall patch the hosts. The Customer shall back up its data.`, 'en').get('1.1');
    expect(d.attribution.holder).toBe('both');
    expect(d.mappings.map((m) => m.obligation)).toEqual(['resilience.backups']);
  });
});

describe('which obligations', () => {
  const C = `${EN_PREAMBLE}\n\n1.1 `;
  it('maps encryption that names neither storage nor transit to both, and keeps key management as implied', () => {
    expect(mapped(`${C}The Customer shall encrypt its data.`)).toEqual(['data.encryption-at-rest', 'data.encryption-in-transit', 'data.key-management']);
  });

  it('maps encryption of stored data only at rest, and of data in transit only in transit', () => {
    expect(mapped(`${C}The Customer shall encrypt stored data.`)).toEqual(['data.encryption-at-rest', 'data.key-management']);
    expect(mapped(`${C}The Customer shall encrypt data in transit.`)).toEqual(['data.encryption-in-transit']);
    expect(mapped(`${C}The Customer shall rotate its encryption keys every year.`)).toEqual(['data.key-management']);
    expect(mapped(`${EN_PREAMBLE}\n\n1.1 Encryption. The Customer shall encrypt its data at rest.`)).toEqual(['data.encryption-at-rest', 'data.key-management']);
  });

  it('does not read "log in" as logging or 密码技术 as a password', () => {
    expect(mapped(`${C}The Customer shall log in through the console.`)).toEqual([]);
    expect(mapped(`${ZH_PREAMBLE}\n\n1.1 甲方应采用密码技术保护传输中的数据。`, 'zh')).toEqual(['data.encryption-in-transit']);
  });

  it('gives each mapping its phrases, kinds and a confidence', () => {
    const found = mapObligations([{ text: '身份与访问管理', where: 'heading' }, { text: '甲方负责保护登录凭证', where: 'text' }], lexicon('zh'));
    expect(found.get('access.credential-hygiene')).toEqual([
      { phrase: '身份与访问管理', kind: 'topic', where: 'heading' },
      { phrase: '凭证', kind: 'term', where: 'text' },
    ]);
    const d = read(`${C}The Customer shall require multi-factor authentication and`, 'en').get('1.1');
    expect(d.truncated).toBe(true);
    expect(d.mappings[0]).toMatchObject({ obligation: 'access.mfa', confidence: Math.round(0.9 * 0.95 * 0.8 * 100) / 100 });
  });
});

describe('the lexicon', () => {
  const catalog = loadCatalog();

  it('has English and Chinese words for every obligation of the catalog', () => {
    const data = loadLexicon(new Set(catalog.obligations.keys()));
    for (const id of catalog.obligations.keys()) {
      const o = data.obligations[id];
      expect(o, id).toBeDefined();
      expect(o!.terms.en.length + o!.topic.en.length, `${id} en`).toBeGreaterThan(0);
      expect(o!.terms.zh.length + o!.topic.zh.length, `${id} zh`).toBeGreaterThan(0);
    }
  });

  it('refuses an obligation the catalog does not know, naming file and line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dutyscan-lexicon-')), 'lexicon.yaml');
    writeFileSync(file, `version: 1\nparties: {customer: {en: [Customer]}, provider: {en: [Provider]}}\nduty: {en: {verbs: [shall]}, zh: {verbs: [应]}}\nstructure: {duty_headings: {}, exclusion_headings: {}, definition_headings: {}, definition_verbs: {}, title_words: {}, closing: {}}\nobligations:\n  access.mfa: {}\n  acces.review:\n    terms: {en: [review]}\n`);
    try {
      loadLexicon(new Set(catalog.obligations.keys()), file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigErrors);
      expect((e as Error).message).toBe(`${file}:7: obligations.acces.review: unknown obligation "acces.review" (did you mean "access.review"?)`);
    }
  });

  it('matches words whole, plurals, prefixes and Chinese substrings, and skips the exceptions', () => {
    const m = compileTerms(['backup', 'classif*', '日志', { term: 'log', except: ['log in'] }, { re: 'second\\s+factor' }]);
    expect(m('Backups, classification, 日志 and log files; log in with a second factor; backupx').map((h) => h.phrase))
      .toEqual(['Backups', 'classification', '日志', 'log', 'second factor']);
  });
});
