import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatter, formatters } from '../../src/output/registry.js';
import { tableFormatter } from '../../src/output/table.js';
import { finding, render } from '../support/findings.js';

/** What attacker-controlled cloud data (resource names, tags, messages) may contain. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil","x")',
  '+cmd|\' /C calc\'!A0',
  '@SUM(1+1)',
  '-2+3',
  '\u001b[31mred\u001b[0m\u001b]0;title\u0007',
  'a|b\\c=d\ne\rf',
  ']]><!--',
  '</script><script>alert(2)</script>',
  '${jndi:ldap://x}',
  '\u2028\u2029',
];

const hostileFinding = (s: string, i = 0) =>
  finding({
    id: `${String(i).padStart(32, '0')}`,
    message: `failing: ${s}`,
    evidence: { name: s, [s]: s },
    resource: { name: s, id: `arn:aws:s3:::${s}`, tags: { [s]: s, owner: s } },
  });

const parsesAsJson = (text: string) => text.trim().split('\n').filter(Boolean);

describe('hostile strings in cloud data never inject into any output format', () => {
  const ids = [...formatters.keys()];

  it.each(ids)('%s', (id) => {
    const findings = HOSTILE.map((s, i) => hostileFinding(s, i));
    const out = render(formatter(id, { contract: { id: 'c', title: 'Contract' } }), findings);
    // No raw control characters anywhere: they would drive a terminal or break a line-based parser.
    expect(out).not.toMatch(/\u001b/);
    if (['json', 'ocsf-json', 'sarif', 'asff'].includes(id)) expect(() => JSON.parse(out)).not.toThrow();
    if (['jsonl', 'ocsf'].includes(id)) for (const line of parsesAsJson(out)) expect(() => JSON.parse(line)).not.toThrow();
    if (['html', 'contract-html'].includes(id)) {
      expect(out).not.toContain('<script>alert(1)');
      expect(out).not.toContain('<img src=x');
      expect(out).not.toContain('</script><script>alert(2)');
    }
    if (['junit', 'contract-html'].includes(id)) expect(out).not.toContain(']]><!--');
    if (id === 'csv') {
      // Every cell that a spreadsheet would evaluate is neutralised (quoted and prefixed).
      expect(out).not.toMatch(/(^|,)"?[=+@-][^,]*HYPERLINK|(^|,)"?[=+@]SUM|(^|,)"?\+cmd/m);
    }
  });

  it('the terminal table strips control characters from whatever it prints', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const out = render(tableFormatter(), [hostileFinding(s)]);
      expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }), { numRuns: 200 });
  });
});
