import { mapObserved, seen } from '../../../src/core/observed.js';
import { resource } from '../../../src/inventory/build.js';
import { observe, present, where, type ProjectContext, type TypeCollectors } from './context.js';
import { jsonObject } from './errors.js';
import { labelsOf, toSqlInstance } from './normalise.js';

async function instances(ctx: ProjectContext) {
  const id = ctx.project.projectId;
  if (!present(ctx, 'sqladmin.googleapis.com/Instance')) return seen([]);
  const listed = await observe(
    ctx.caller.pages({ service: 'sqladmin', operation: 'cloudsql.instances.list', account: id }, async (token, signal) => {
      const res = await ctx.clients.sql.instances.list({ project: id, maxResults: 500, ...(token ? { pageToken: token } : {}) }, { signal });
      jsonObject(res.data, 'cloudsql.instances.list');
      // Cloud SQL answers 200 with the instances of the regions it reached and a warning for the others.
      const unreachable = (res.data.warnings ?? []).filter((w) => w.code === 'REGION_UNREACHABLE');
      if (unreachable.length > 0) {
        throw Object.assign(new Error(`the instance list is incomplete: ${unreachable.map((w) => w.region ?? w.message ?? 'a region').join(', ')} unreachable`), { status: 503 });
      }
      return { items: res.data.items ?? [], next: res.data.nextPageToken };
    }),
    'cloudsql.instances.list',
    id,
  );
  return mapObserved(listed, (items) => items.map((i) => {
    const name = String(i.name);
    return resource('gcp.sql.instance', where(ctx, i.region ?? ''), {
      id: `//cloudsql.googleapis.com/projects/${id}/instances/${name}`,
      name,
      tags: labelsOf(i.settings?.userLabels),
      data: toSqlInstance(i),
    });
  }));
}

export const sql: TypeCollectors = { 'gcp.sql.instance': instances };
