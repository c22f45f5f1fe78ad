import { myProjects, searchProjects } from '../../kinds/project/space.ts';
import { sanitizeQuery } from '../../shared/query.ts';
import { callSpace, openConnection } from '../active-connection.ts';
import type { Handler } from '../router.ts';

/** How many projects the Options chooser lists per query. */
const PROJECT_CHOICES = 20;

/** Projects for the Options scope chooser: the user's own for an empty query, a project search otherwise. */
export const handleProjects: Handler<'projects'> = async (request, deps) => {
  const conn = await openConnection(deps);
  const query = sanitizeQuery(request.query);
  const batch = await callSpace(deps.platform, conn, (api) =>
    query === '' ? myProjects(api, { top: PROJECT_CHOICES }) : searchProjects(api, query, { top: PROJECT_CHOICES }));
  return batch.items.slice(0, PROJECT_CHOICES).map((p) => ({ key: p.key, name: p.name }));
};
