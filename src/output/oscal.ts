import type { Finding } from '../core/finding.js';
import type { AttestationState, ClauseStatus, Fulfilment, MetBy, ObligationStatus, ScanSummary } from '../core/summary.js';
import { OSCAL_VERSION, NS, controlId, dateTime, line, objectiveId, prop, statementId, uuidV5, type Prop } from '../oscal/ids.js';
import { VERSION } from '../util/version.js';
import type { Formatter } from './types.js';

/*
 * OSCAL 1.1.2 Assessment Results and Plan of Action and Milestones. A scan is one result whose
 * reviewed controls are the contract profile's clauses (`dutyscan contract export --format
 * oscal-catalog` writes them as a catalog); every check result is an observation with its
 * resource as the subject; every clause, and every obligation within it, is a finding whose
 * target says satisfied or not. Observation, risk and POA&M item UUIDs are v5 UUIDs of the
 * finding id, so the same finding keeps its identifier across scans of the same estate.
 */

const observationUuid = (f: Finding) => uuidV5(`observation/${f.id}`);
const subjectUuid = (f: Finding) => uuidV5(`resource/${f.resource.provider}/${f.resource.account}/${f.resource.id}`);

const FULFILMENT_TEXT: Record<Fulfilment, string> = {
  met: 'met: every evaluated result passed',
  'not-met': 'not met: a result failed',
  incomplete: 'not evaluable: some results could not be evaluated (ERROR), so it is not shown to be met',
  'not-assessed': 'not assessed: this scan did not evaluate it',
  attestation: 'attestation needed: no cloud API can prove it; it needs a signed attestation',
  'not-applicable': 'not applicable: nothing in scope to assess',
};

/**
 * OSCAL has two states. Only `met` (and `not-applicable`: nothing in scope to fail) are
 * satisfied; not evaluable, not assessed and attestation needed are `not-satisfied` with the
 * reason in the remarks, as OSCAL allows: an auditor must never read them as met.
 */
function targetStatus(status: Fulfilment, signOff: SignOff = {}): { state: 'satisfied' | 'not-satisfied'; reason: 'pass' | 'fail' | 'other'; remarks: string } {
  const remarks = signOffRemarks(status, signOff);
  if (status === 'met') return { state: 'satisfied', reason: 'pass', remarks };
  if (status === 'not-met') return { state: 'not-satisfied', reason: 'fail', remarks };
  if (status === 'not-applicable') return { state: 'satisfied', reason: 'other', remarks };
  return { state: 'not-satisfied', reason: 'other', remarks };
}

interface SignOff { readonly metBy?: readonly MetBy[] | MetBy | undefined; readonly attestation?: AttestationState | undefined }

/** What decided a met target (results, or a person's sign-off, which is not a test), and a sign-off that lapsed. */
function signOffRemarks(status: Fulfilment, { metBy, attestation }: SignOff): string {
  const by = [metBy ?? []].flat();
  const base = status === 'met' && by.includes('attestation')
    ? `met by attestation${by.includes('evidence') ? ' and by evidence (every evaluated result passed)' : ''}: no cloud API can prove it, a person signed that it is met`
    : FULFILMENT_TEXT[status];
  if (!attestation) return base;
  const signed = `signed by ${attestation.by} on ${attestation.date} (evidence: ${attestation.evidence})`;
  return attestation.status === 'expired' ? `${base}; the attestation ${signed} expired on ${attestation.expires}` : `${base}; attestation ${signed}, expires on ${attestation.expires}`;
}

const signOffProps = ({ metBy, attestation }: SignOff): Prop[] => [
  ...[metBy ?? []].flat().flatMap((m) => prop('met-by', m)),
  ...(attestation ? [...prop('attestation-status', attestation.status), ...prop('attestation-expires', attestation.expires)] : []),
];

const counts = (c: ClauseStatus['counts']): string =>
  Object.entries(c).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ') || 'no results';

function subject(f: Finding) {
  const r = f.resource;
  return {
    uuid: subjectUuid(f),
    description: line(`${r.type} ${r.id}`),
    props: [
      ...prop('provider', r.provider),
      ...prop('account', r.account),
      ...prop('account-name', r.accountName),
      ...prop('region', r.region),
      ...prop('resource-type', r.type),
      ...prop('resource-id', r.id),
      ...prop('resource-name', r.name),
    ],
  };
}

function observation(f: Finding) {
  const evidence = f.error
    ? { description: line(`The cloud did not answer: ${f.error.code} ${f.error.operation}: ${f.error.message}`), props: [...prop('operation', f.error.operation), ...prop('error-code', f.error.code)] }
    : { description: line(`Observed: ${JSON.stringify(f.evidence)}`) };
  const props: Prop[] = [
    ...prop('finding-id', f.id),
    ...prop('check-id', f.check.id),
    ...prop('status', f.status),
    ...prop('severity', f.severity),
    ...prop('duty', f.check.duty),
    ...prop('muted', f.muted ? 'true' : undefined),
    ...prop('mute-reason', f.mute?.reason),
    ...f.obligations.flatMap((o) => prop('obligation', o.id)),
  ];
  return {
    uuid: observationUuid(f),
    title: line(f.check.title),
    description: line(f.message),
    props,
    methods: ['TEST'],
    types: [f.status === 'FAIL' ? 'finding' : 'control-objective'],
    subjects: [{ 'subject-uuid': subjectUuid(f), type: 'inventory-item', title: line(f.resource.name || f.resource.id) }],
    'relevant-evidence': [evidence.props?.length ? evidence : { description: evidence.description }],
    collected: dateTime(f.time),
  };
}

const related = (uuids: readonly string[] | undefined) =>
  uuids?.length ? { 'related-observations': uuids.map((u) => ({ 'observation-uuid': u })) } : {};

/** One finding per clause (its statement) and per obligation within it (its objective). */
function findings(summary: ScanSummary, byObligation: ReadonlyMap<string, string[]>) {
  const obligations = new Map<string, ObligationStatus>(summary.obligations.map((o) => [o.id, o]));
  return summary.clauses.flatMap((clause) => {
    const clauseObservations = [...new Set(clause.obligations.flatMap((o) => byObligation.get(o) ?? []))];
    const status = targetStatus(clause.status, { metBy: clause.metBy });
    const clauseFinding = {
      uuid: uuidV5(`finding/${summary.contract.id}/${clause.clause}`),
      title: line(`Clause ${clause.clause}: ${clause.title}`),
      description: line(`Clause ${clause.clause} is ${FULFILMENT_TEXT[clause.status]} (${counts(clause.counts)}${clause.acceptedExceptions ? `; ${clause.acceptedExceptions} accepted exception(s)` : ''}).`),
      props: [...prop('fulfilment', clause.status), ...prop('accepted-exceptions', String(clause.acceptedExceptions)), ...signOffProps({ metBy: clause.metBy })],
      target: { type: 'statement-id', 'target-id': statementId(clause.clause), status: { state: status.state, reason: status.reason, remarks: status.remarks } },
      ...related(clauseObservations),
    };
    const objectiveFindings = clause.obligations.map((id) => {
      const o = obligations.get(id);
      const s = targetStatus(o?.status ?? 'not-assessed', { metBy: o?.metBy, attestation: o?.attestation });
      return {
        uuid: uuidV5(`finding/${summary.contract.id}/${clause.clause}/${id}`),
        title: line(`Clause ${clause.clause}, obligation ${id}: ${o?.title ?? id}`),
        description: line(`Obligation ${id} is ${FULFILMENT_TEXT[o?.status ?? 'not-assessed']} (${o ? counts(o.counts) : 'no results'}).`),
        props: [...prop('obligation', id), ...prop('fulfilment', o?.status ?? 'not-assessed'), ...signOffProps({ metBy: o?.metBy, attestation: o?.attestation })],
        target: { type: 'objective-id', 'target-id': objectiveId(clause.clause, id), status: { state: s.state, reason: s.reason, remarks: s.remarks } },
        ...related(byObligation.get(id)),
      };
    });
    return [clauseFinding, ...objectiveFindings];
  });
}

const scanProps = (summary: ScanSummary): Prop[] => [
  ...prop('scan-id', summary.id),
  ...prop('contract-profile', summary.contract.id),
  ...prop('source', summary.source),
  ...prop('complete', String(summary.complete)),
  ...summary.accounts.flatMap((a) => prop('account', `${a.provider}:${a.account}`)),
];

const metadata = (summary: ScanSummary, title: string) => ({
  title,
  'last-modified': dateTime(summary.finishedAt),
  version: line(summary.id),
  'oscal-version': OSCAL_VERSION,
  props: [...prop('tool', `dutyscan ${VERSION}`)],
});

/** `--format oscal`: OSCAL Assessment Results, observations streamed as findings arrive. */
export function oscalAssessmentResultsFormatter(): Formatter {
  let observations = 0;
  let subjects = new Map<string, ReturnType<typeof subject>>();
  let byObligation = new Map<string, string[]>();
  return {
    id: 'oscal',
    extension: 'oscal-ar.json',
    mediaType: 'application/oscal.ar+json',
    begin() {
      observations = 0;
      subjects = new Map();
      byObligation = new Map();
      return '';
    },
    finding(f) {
      const s = subject(f);
      if (!subjects.has(s.uuid)) subjects.set(s.uuid, s);
      const uuid = observationUuid(f);
      for (const o of f.obligations) (byObligation.get(o.id) ?? byObligation.set(o.id, []).get(o.id)!).push(uuid);
      return (observations++ === 0 ? '\n' : ',\n') + JSON.stringify(observation(f));
    },
    header(summary) {
      const document = {
        uuid: uuidV5(`assessment-results/${summary.id}`),
        metadata: metadata(summary, line(`dutyscan assessment: ${summary.contract.title}`)),
        'import-ap': {
          href: `contract-${summary.contract.id}.oscal-catalog.json`,
          remarks: `dutyscan keeps no separate assessment plan: the plan is the contract profile "${summary.contract.id}" (dutyscan contract export --contract ${summary.contract.id} --format oscal-catalog) and the checks this scan ran.`,
        },
      };
      const result = {
        uuid: uuidV5(`result/${summary.id}`),
        title: line(`Scan ${summary.id}`),
        description: line(`Automated scan of ${summary.accounts.length} account(s) on ${summary.providers.join(', ') || 'no provider'} by dutyscan ${VERSION}: ${summary.checks} checks, ${summary.findings} results; ${summary.complete ? 'complete' : 'incomplete: some results could not be evaluated'}.`),
        start: dateTime(summary.startedAt),
        end: dateTime(summary.finishedAt),
        props: scanProps(summary),
        'reviewed-controls': {
          'control-selections': [summary.clauses.length ? { 'include-controls': summary.clauses.map((c) => ({ 'control-id': controlId(c.clause) })) } : { 'include-all': {} }],
        },
      };
      const open = JSON.stringify({ ...document, results: [result] });
      // Reopen the result object so the streamed observations go inside it.
      return `{"assessment-results":${open.slice(0, -3)}${observations ? ',"observations":[' : ''}`;
    },
    end(summary) {
      const tail: Record<string, unknown> = {};
      if (subjects.size) tail['local-definitions'] = { 'inventory-items': [...subjects.values()] };
      const found = findings(summary, byObligation);
      if (found.length) tail['findings'] = found;
      const rest = JSON.stringify(tail).slice(1, -1);
      return `${observations ? '\n]' : ''}${rest ? `,${rest}` : ''}}]}}\n`;
    },
  };
}

/** The contract's cure period as the risk's milestone: the failure is to be cured on or before its due date. */
function cureMilestone(f: Finding, contract: string) {
  return {
    uuid: uuidV5(`milestone/${f.id}`),
    type: 'milestone',
    title: line(`Cure period (${f.curePeriod ?? '-'}) of contract profile ${contract} ends${f.overdue ? ': overdue' : ''}`),
    description: line(`Remediate by ${f.dueAt!}: ${f.curePeriod ?? 'the cure period'} after the failure was first seen.`),
    timing: { 'on-date': { date: dateTime(f.dueAt!) } },
  };
}

const deadlineProps = (f: Finding): Prop[] =>
  f.dueAt ? [...prop('cure-period', f.curePeriod), ...prop('due', dateTime(f.dueAt)), ...prop('overdue', String(f.overdue === true))] : [];

/**
 * `--format oscal-poam`: a POA&M item, risk and observation for every unmuted FAIL and ERROR. A
 * FAIL under a cure period has the risk's deadline and a milestone; an ERROR has none (README).
 */
export function oscalPoamFormatter(): Formatter {
  let items: Finding[] = [];
  return {
    id: 'oscal-poam',
    extension: 'oscal-poam.json',
    mediaType: 'application/oscal.poam+json',
    begin() {
      items = [];
      return '';
    },
    finding(f) {
      if (!f.muted && (f.status === 'FAIL' || f.status === 'ERROR')) items.push(f);
      return '';
    },
    end(summary) {
      const risks = items.map((f) => ({
        uuid: uuidV5(`risk/${f.id}`),
        title: line(f.check.title),
        description: line(f.message),
        statement: f.status === 'ERROR'
          ? line(`The duty could not be evaluated on ${f.resource.id}: ${f.error?.code ?? 'ERROR'} ${f.error?.operation ?? ''}. Until it is, it cannot be shown to be met.`)
          : line(`${f.resource.type} ${f.resource.id} fails "${f.check.title}" (severity ${f.severity}).`),
        props: [...prop('severity', f.severity), ...prop('finding-id', f.id), ...prop('check-id', f.check.id)],
        status: 'open',
        ...(f.dueAt ? { deadline: dateTime(f.dueAt) } : {}),
        remediations: [{
          uuid: uuidV5(`remediation/${f.id}`),
          lifecycle: 'recommendation',
          title: line(f.status === 'ERROR' ? `Grant ${f.error?.operation ?? 'the missing permission'} and scan again` : `Remediate: ${f.check.title}`),
          description: f.status === 'ERROR' ? line(`${f.error?.code ?? ''} ${f.error?.operation ?? ''}: ${f.error?.message ?? ''}`) : line(`${f.remediation.text}${f.remediation.cli ? ` (${f.remediation.cli})` : ''}`),
          ...(f.dueAt ? { tasks: [cureMilestone(f, summary.contract.id)] } : {}),
        }],
        'related-observations': [{ 'observation-uuid': observationUuid(f) }],
      }));
      const poamItems = items.length
        ? items.map((f) => ({
          uuid: uuidV5(`poam-item/${f.id}`),
          title: line(`${f.check.title}: ${f.resource.name || f.resource.id}`),
          description: line(f.message),
          props: [...prop('finding-id', f.id), ...prop('status', f.status), ...prop('severity', f.severity), ...f.obligations.flatMap((o) => o.clauses.map((c) => ({ name: 'clause', ns: NS, value: line(c) }))), ...deadlineProps(f)],
          'related-observations': [{ 'observation-uuid': observationUuid(f) }],
          'related-risks': [{ 'risk-uuid': uuidV5(`risk/${f.id}`) }],
        }))
        // OSCAL requires at least one item; this one says, truthfully, that there is nothing to plan.
        : [{ uuid: uuidV5(`poam-item/none/${summary.id}`), title: 'No open findings', description: line(`Scan ${summary.id} found no unmuted FAIL or ERROR result: there is nothing to remediate.`), props: prop('status', 'none-open') }];
      const document = {
        'plan-of-action-and-milestones': {
          uuid: uuidV5(`poam/${summary.contract.id}/${summary.accounts.map((a) => `${a.provider}:${a.account}`).sort().join(',')}`),
          metadata: metadata(summary, line(`dutyscan plan of action and milestones: ${summary.contract.title}`)),
          ...(items.length ? { observations: items.map(observation), risks } : {}),
          'poam-items': poamItems,
        },
      };
      return `${JSON.stringify(document)}\n`;
    },
  };
}
