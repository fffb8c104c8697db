import type { logging_v2 } from '@googleapis/logging';
import { mapObserved, type Observed } from '../../../src/core/observed.js';
import { GLOBAL_REGION } from '../../../src/core/resource.js';
import { resource } from '../../../src/inventory/build.js';
import type { GcpLogSink } from '../model/types.js';
import { observe, where, type GcpContext, type ProjectContext, type TypeCollectors } from './context.js';
import { jsonObject } from './errors.js';
import { toSink } from './normalise.js';

/** The sinks of a project, folder or organisation (`account` is where a failure is reported), paged. */
function sinksOf(ctx: GcpContext, parent: string, account: string): Promise<Observed<logging_v2.Schema$LogSink[]>> {
  const api = ctx.clients.logging;
  return observe(
    ctx.caller.pages({ service: 'logging', operation: 'logging.sinks.list', account }, async (token, signal) => {
      const params = { parent, pageSize: 200, ...(token ? { pageToken: token } : {}) };
      const res = parent.startsWith('organizations/')
        ? await api.organizations.sinks.list(params, { signal })
        : parent.startsWith('folders/')
          ? await api.folders.sinks.list(params, { signal })
          : await api.projects.sinks.list(params, { signal });
      jsonObject(res.data, 'logging.sinks.list');
      return { items: res.data.sinks ?? [], next: res.data.nextPageToken };
    }),
    'logging.sinks.list',
    account,
  );
}

/** A folder's or the organisation's sinks, read once per scan for every project under it. */
export function ancestorSinks(ctx: GcpContext, container: string): Promise<Observed<GcpLogSink[]>> {
  return ctx.scanMemo(`sinks:${container}`, async () => mapObserved(await sinksOf(ctx, container, container), (items) => items.map((s) => toSink(s, container))));
}

async function projectSinks(ctx: ProjectContext) {
  const id = ctx.project.projectId;
  const sinks = await sinksOf(ctx, `projects/${id}`, id);
  return mapObserved(sinks, (items) => items.map((s) => {
    const data = toSink(s, `projects/${id}`);
    return resource('gcp.logging.sink', where(ctx, GLOBAL_REGION), { id: `//logging.googleapis.com/${data.name}`, name: String(s.name), data });
  }));
}

export const logging: TypeCollectors = { 'gcp.logging.sink': projectSinks };
