import type { Catalog } from '../mapping/catalog.js';
import type { ContractProfile } from '../mapping/schema.js';
import { VERSION } from '../util/version.js';
import { OSCAL_VERSION, controlId, dateTime, definitionParamId, line, objectiveId, prop, statementId, uuidV5 } from './ids.js';

/**
 * A contract profile as an OSCAL catalog: each clause a control whose statement is our summary
 * and whose assessment objectives are the catalog obligations it maps to (each citing the seed
 * passage it rests on, and naming the checks that evidence it); the definitions the clauses
 * rely on are parameters; the profile's notes (a truncated source, what was left out) are the
 * metadata's remarks. Identifiers are stable: the same profile always gives the same document.
 */
export function contractCatalog(profile: ContractProfile, catalog: Catalog, lastModified = new Date().toISOString()): unknown {
  const seedResources = new Map<string, { uuid: string; title: string; description: string }>();
  const seedLink = (seed: string, section: string) => {
    const key = `${seed}\u0000${section}`;
    let resource = seedResources.get(key);
    if (!resource) seedResources.set(key, (resource = { uuid: uuidV5(`seed/${seed}/${section}`), title: line(section), description: `Seed document ${seed}, section "${line(section)}".` }));
    return { href: `#${resource.uuid}`, rel: 'reference', text: line(section) };
  };
  const definitions = new Map(profile.definitions.map((d) => [d.clause, d]));

  const controls = profile.clauses.map((clause) => {
    const objectives = clause.obligations.map((id) => {
      const obligation = catalog.obligations.get(id);
      const checks = catalog.checksByObligation.get(id) ?? [];
      return {
        id: objectiveId(clause.id, id),
        name: 'assessment-objective',
        title: line(obligation?.title ?? id),
        props: [...prop('obligation', id), ...prop('verification', obligation?.verification), ...checks.flatMap((c) => prop('check', c))],
        prose: obligation?.description.trim() ?? id,
        ...(obligation?.sources.length ? { links: obligation.sources.map((s) => seedLink(s.seed, s.section)) } : {}),
      };
    });
    const reliesOn = clause.relies_on.filter((c) => definitions.has(c));
    return {
      id: controlId(clause.id),
      class: 'contract-clause',
      title: line(clause.title),
      props: [{ name: 'label', value: line(clause.id) }],
      ...(reliesOn.length ? { links: reliesOn.map((c) => ({ href: `#${definitionParamId(c)}`, rel: 'related', text: line(`relies on definition ${c}: ${definitions.get(c)!.term}`) })) } : {}),
      parts: [
        { id: statementId(clause.id), name: 'statement', prose: clause.summary.trim() },
        ...objectives,
      ],
    };
  });

  const remarks = [profile.notes, profile.source?.document && `Source: ${profile.source.document}${profile.source.language ? ` (${profile.source.language})` : ''}.`]
    .filter((s): s is string => Boolean(s?.trim()))
    .join('\n\n');
  return {
    catalog: {
      uuid: uuidV5(`catalog/${profile.id}`),
      metadata: {
        title: line(profile.title),
        'last-modified': dateTime(lastModified),
        version: line(`${profile.id} (dutyscan ${VERSION})`),
        'oscal-version': OSCAL_VERSION,
        props: [...prop('contract-profile', profile.id), ...prop('source-seed', profile.source?.seed), ...prop('language', profile.source?.language)],
        ...(remarks ? { remarks } : {}),
      },
      ...(profile.definitions.length ? {
        params: profile.definitions.map((d) => ({
          id: definitionParamId(d.clause),
          class: 'definition',
          props: [{ name: 'label', value: line(d.clause) }],
          label: line(d.term),
          usage: d.meaning.trim(),
        })),
      } : {}),
      controls,
      ...(seedResources.size ? { 'back-matter': { resources: [...seedResources.values()] } } : {}),
    },
  };
}
