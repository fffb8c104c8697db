import { ConfigError } from '../config/errors.js';
import { didYouMean, parseYaml, readYamlText, yamlLocator } from '../config/yaml.js';
import { contractProfileSchema, type ContractProfile } from './schema.js';

/** A clause still marked `review: required`, with the line of the marker. */
export interface Unreviewed {
  readonly clause: string;
  readonly line: number | undefined;
}

export interface LoadedProfile {
  readonly profile: ContractProfile;
  /** What the schema cannot see: unknown obligations, duplicate clause ids, relies_on without a definition, cure periods of obligations no clause lists. */
  readonly problems: readonly ConfigError[];
  readonly unreviewed: readonly Unreviewed[];
}

/**
 * Reads and checks a contract profile. Schema errors throw (ConfigErrors, with lines); the
 * checks across fields come back as problems, each with file, key path and line.
 */
export function loadContractProfile(file: string, knownObligations: ReadonlySet<string>): LoadedProfile {
  return checkContractProfile(file, readYamlText(file), knownObligations);
}

/** The same checks on a profile's text (`contract draft` checks what it is about to write). */
export function checkContractProfile(file: string, text: string, knownObligations: ReadonlySet<string>): LoadedProfile {
  const profile = parseYaml(file, text, contractProfileSchema);
  const at = yamlLocator(text);
  const problem = (path: (string | number)[], message: string) => new ConfigError(file, at.path(path), at.line(path), message);
  const problems: ConfigError[] = [];

  const defined = new Set(profile.definitions.map((d) => d.clause));
  const seen = new Map<string, number>();
  profile.clauses.forEach((clause, i) => {
    const first = seen.get(clause.id);
    if (first !== undefined) {
      problems.push(problem(['clauses', i, 'id'], `duplicate clause id "${clause.id}" (also clauses[${first}], line ${at.line(['clauses', first, 'id']) ?? '?'})`));
    } else seen.set(clause.id, i);
    clause.obligations.forEach((o, j) => {
      if (knownObligations.has(o)) return;
      const hint = didYouMean(o, [...knownObligations]);
      problems.push(problem(['clauses', i, 'obligations', j], `unknown obligation "${o}"${hint ? ` (did you mean "${hint}"?)` : ''}; see dutyscan obligations list`));
    });
    clause.relies_on.forEach((ref, j) => {
      if (!defined.has(ref)) {
        problems.push(problem(['clauses', i, 'relies_on', j], `relies on "${ref}", which no entry of definitions has as its clause${defined.size ? ` (defined: ${[...defined].join(', ')})` : ''}`));
      }
    });
  });

  const used = new Set(profile.clauses.flatMap((c) => c.obligations));
  for (const o of Object.keys(profile.obligationCurePeriods ?? {})) {
    const where = ['obligationCurePeriods', o];
    if (!knownObligations.has(o)) {
      const hint = didYouMean(o, [...knownObligations]);
      problems.push(problem(where, `unknown obligation "${o}"${hint ? ` (did you mean "${hint}"?)` : ''}; see dutyscan obligations list`));
    } else if (!used.has(o)) {
      problems.push(problem(where, `no clause of this profile lists obligation "${o}", so its cure period would never apply`));
    }
  }

  for (const obligation of Object.keys(profile.attestations ?? {})) {
    if (!knownObligations.has(obligation)) {
      const hint = didYouMean(obligation, [...knownObligations]);
      problems.push(new ConfigError(file, at.path(['attestations', obligation]), at.keyLine(['attestations'], obligation), `unknown obligation "${obligation}"${hint ? ` (did you mean "${hint}"?)` : ''}; see dutyscan obligations list`));
    }
  }

  const unreviewed = profile.clauses.flatMap((clause, i) => (clause.review ? [{ clause: clause.id, line: at.line(['clauses', i, 'review']) }] : []));
  return { profile, problems, unreviewed };
}

/** The warning a scan prints when its contract profile still holds clauses nobody has reviewed. */
export function unreviewedWarning(profile: ContractProfile): string | undefined {
  const ids = profile.clauses.filter((c) => c.review).map((c) => c.id);
  if (ids.length === 0) return undefined;
  return `dutyscan: warning: contract profile "${profile.id}" has ${ids.length} clause(s) marked "review: required" (${ids.join(', ')}): ` +
    'its mapping is a draft nobody has checked; review them, remove the markers, and check with: dutyscan contract lint FILE';
}
