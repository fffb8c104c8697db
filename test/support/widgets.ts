/** A tiny provider-neutral resource model for engine tests, so they do not depend on a cloud's model. */
import { defineCheck, defineScopeCheck } from '../../src/core/check.js';
import type { Observed } from '../../src/core/observed.js';

export interface Widget {
  readonly encrypted: Observed<boolean>;
  readonly size: number;
}
export interface Gadget {
  readonly owner: string;
}

declare module '../../src/core/resource.js' {
  interface ResourceTypes {
    'test.widget': Widget;
    'test.gadget': Gadget;
  }
}

export const widgetEncrypted = defineCheck({
  id: 'aws-test-widget-encrypted',
  title: 'Widgets are encrypted',
  provider: 'aws',
  service: 'test',
  resourceType: 'test.widget',
  duty: 'encryption-at-rest',
  severity: 'high',
  rationale: 'Unencrypted widgets leak.',
  remediation: { text: 'Encrypt the widget.' },
  assess: (w, ctx) => (ctx.known(w.data.encrypted) ? ctx.pass('encrypted') : ctx.fail('not encrypted', { encrypted: false })),
});

export const widgetSmall = defineCheck({
  id: 'aws-test-widget-small',
  title: 'Widgets are small',
  provider: 'aws',
  service: 'test',
  resourceType: 'test.widget',
  duty: 'tagging',
  severity: 'low',
  rationale: 'Big widgets cost.',
  remediation: { text: 'Shrink it.' },
  defaults: { maxSize: 10 },
  assess: (w, ctx) => (w.data.size <= ctx.params.maxSize ? ctx.pass('small') : ctx.fail('big', { size: w.data.size })),
});

export const gadgetOwned = defineScopeCheck({
  id: 'aws-test-gadget-owned',
  title: 'Every widget has a gadget owner',
  provider: 'aws',
  service: 'test',
  resourceType: 'test.gadget',
  uses: ['test.widget'],
  duty: 'least-privilege',
  severity: 'medium',
  rationale: 'Ownership.',
  remediation: { text: 'Own it.' },
  assessScope: (gadgets, ctx) => {
    const widgets = ctx.related('test.widget', { region: 'any' });
    return gadgets.length > 0 && widgets.length > 0 ? ctx.pass(`${gadgets.length} gadgets`) : ctx.fail('no gadgets');
  },
});

export const throwingCheck = defineCheck({
  id: 'aws-test-widget-throws',
  title: 'A check with a bug',
  provider: 'aws',
  service: 'test',
  resourceType: 'test.widget',
  duty: 'logging',
  severity: 'info',
  rationale: 'Bugs happen.',
  remediation: { text: 'Fix dutyscan.' },
  assess: () => {
    throw new TypeError('boom');
  },
});

/** Judged against `policy.criticalResources`: NOT_ASSESSED while that list is empty. */
export const widgetCriticalSmall = defineCheck({
  id: 'aws-test-widget-critical-small',
  title: 'Critical widgets are small',
  provider: 'aws',
  service: 'test',
  resourceType: 'test.widget',
  duty: 'backups',
  severity: 'medium',
  rationale: 'Critical widgets must fit the vault.',
  remediation: { text: 'Shrink it.' },
  assess: (w, ctx) => {
    if (ctx.policy.criticalResources.length === 0) return ctx.notAssessed('policy.criticalResources');
    if (!ctx.policy.criticalResources.includes(w.name)) return ctx.notApplicable('Not a critical widget');
    return w.data.size <= 10 ? ctx.pass('small') : ctx.fail('big');
  },
});
