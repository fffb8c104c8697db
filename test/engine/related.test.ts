import { describe, expect, it } from 'vitest';
import { defineScopeCheck, type AssessContext, type Params } from '../../src/core/check.js';
import { seen } from '../../src/core/observed.js';
import { listing, resource } from '../../src/inventory/build.js';
import { runCheck } from '../support/checks.js';
import { scanToArray } from '../support/engine.js';
import { gadgetOwned, widgetEncrypted } from '../support/widgets.js';

const scope = { provider: 'aws' as const, account: '1', region: 'global' };
const widgets = listing(scope, 'test.widget', [resource('test.widget', scope, { id: 'w1', name: 'w1', data: { encrypted: seen(true), size: 1 } })]);
const gadgets = listing(scope, 'test.gadget', [resource('test.gadget', scope, { id: 'g1', name: 'g1', data: { owner: 'me' } })]);

/** Counts widgets without declaring them in `uses`: the engine never waits for them. */
const undeclaredReader = defineScopeCheck({
  id: 'aws-test-gadget-widgets-counted',
  title: 'No widget lacks a gadget',
  provider: 'aws',
  service: 'test',
  resourceType: 'test.gadget',
  duty: 'logging',
  severity: 'low',
  rationale: 'A check with a missing declaration.',
  remediation: { text: 'Declare test.widget in uses.' },
  assessScope: (_, ctx) => {
    // @ts-expect-error -- test.widget is not in this check's uses: related() does not take it
    const seenWidgets = ctx.related('test.widget');
    return seenWidgets.length === 0 ? ctx.pass('no widgets') : ctx.fail(`${seenWidgets.length} widgets`);
  },
});

/** A helper names what it reads; a context that may not read it is a type error. */
const countWidgets = (ctx: AssessContext<Params, 'test.widget'>): number => ctx.related('test.widget').length;
const helperUser = defineScopeCheck({
  ...undeclaredReader,
  id: 'aws-test-gadget-widgets-counted-by-helper',
  // @ts-expect-error -- the helper reads test.widget, which this check does not declare
  assessScope: (_, ctx) => (countWidgets(ctx) === 0 ? ctx.pass('no widgets') : ctx.fail('widgets')),
});

describe('ctx.related() refuses a type the check did not declare', () => {
  it('is an ERROR naming the check and the type, even when the inventory holds that type', () => {
    for (const check of [undeclaredReader, helperUser]) {
      const results = runCheck(check, [gadgets, widgets]);
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({
        status: 'ERROR',
        error: { code: 'CHECK_FAILED', operation: `check:${check.id}`, origin: 'check' },
      });
      expect(results[0]!.message).toContain(`${check.id} reads test.widget through ctx.related() but does not declare it in its uses`);
    }
  });

  it('in a scan, where another check made the engine collect that type, it is still an ERROR, never a verdict', async () => {
    const { findings, summary } = await scanToArray({
      providers: ['aws'],
      checks: [widgetEncrypted, undeclaredReader],
      source: { kind: 'inventory', listings: [gadgets, widgets] },
    });
    expect(findings.map((f) => [f.check.id, f.status])).toEqual([
      ['aws-test-widget-encrypted', 'PASS'],
      ['aws-test-gadget-widgets-counted', 'ERROR'],
    ]);
    expect(summary.complete).toBe(false);
  });

  it('answers the declared types, its own included', () => {
    const readsOwn = defineScopeCheck({ ...undeclaredReader, id: 'aws-test-gadget-counted', assessScope: (_, ctx) => ctx.pass(`${ctx.related('test.gadget').length} gadgets`) });
    expect(runCheck(readsOwn, [gadgets, widgets]).map((r) => [r.status, r.message])).toEqual([['PASS', '1 gadgets']]);
    expect(runCheck(gadgetOwned, [gadgets, widgets]).map((r) => r.status)).toEqual(['PASS']);
  });
});
