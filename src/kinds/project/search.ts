import { isSpaceError } from '../../space/errors.ts';
import type { Project } from './entity.ts';
import type { KindSearch } from '../kind-search.ts';
import { project, searchProjects } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'project'> = {
  kind: 'project',
  permission: permissions[0],
  async search(api, parsed, ctx) {
    if (parsed.query === '' && !parsed.projectKeyHint) return { items: [], unreadable: 0 };
    const opts = { signal: ctx.signal };
    // A query typed as a project key (`ABC`, `ABC-T-`) also asks for that project directly, in parallel, so
    // it ranks first even when the text search does not match keys or lists it further down.
    const [found, hinted] = await Promise.all([
      parsed.query === '' ? Promise.resolve({ items: [] as Project[], unreadable: 0 }) : searchProjects(api, parsed.query, { top: ctx.top }, opts),
      parsed.projectKeyHint ? projectOrNull(project(api, parsed.projectKeyHint, opts)) : Promise.resolve(null),
    ]);
    const items = found.items.filter((p) => p.id !== hinted?.id);
    return { items: (hinted ? [hinted, ...items] : items).slice(0, ctx.top), unreadable: found.unreadable };
  },
  details: (key) => (api, opts) => project(api, key, opts),
  omniboxLine: (project) => project.key,
  omniboxText: true,
};

/** A hint that names no project is just text; not-found and forbidden must not fail the whole group. */
async function projectOrNull(pending: Promise<Project>): Promise<Project | null> {
  try {
    return await pending;
  } catch (e) {
    if (isSpaceError(e) && (e.code === 'not-found' || e.code === 'forbidden')) return null;
    throw e;
  }
}
