/**
 * Projects (shared world, data-projects.ts): search, one project by identifier, and the projects of a member.
 * Paths from space-api.md §2a.
 */
import { projectUrl } from '../../../src/kinds/project/web-url.ts';
import { ApiError, containsFolded, defineKind, fold, matchesWordPrefixes, pageOf, route, type RequestContext } from '../kind-kit.ts';
import { isProjectMember, projectParam, resolveProfileLoosely, visibleProjects } from '../lookup.ts';

export default defineKind({
  kind: 'project',
  routes: [
    route('GET', '/projects', searchProjects),
    route('GET', '/projects/{member}', (ctx) => {
      const profile = resolveProfileLoosely(ctx.dataset, (ctx.params.member as string).slice('member:'.length), ctx.viewer);
      if (!profile) throw new ApiError(404, 'not-found', 'Profile not found');
      const projects = visibleProjects(ctx.dataset, ctx.viewer).filter((p) => isProjectMember(p, profile));
      return pageOf(projects, ctx.query);
    }, { constraints: { member: /^member:/ } }),
    route('GET', '/projects/{project}', (ctx) => projectParam(ctx)),
  ],
  counts: (ds) => ({ projects: ds.projects.length }),
  e2e: { query: 'alpha backend', url: (origin) => projectUrl(origin, 'ABC') },
});

/** [I] guessed: archived projects are left out of the search; `term` matches the name or the key. */
function searchProjects(ctx: RequestContext): unknown {
  const q = ctx.query;
  const term = q.get('term') ?? '';
  const tag = q.get('tag');
  const starredOnly = q.flag('starred', false);
  const stars = ctx.dataset.starredProjects.get(ctx.viewer.id) ?? new Set<string>();
  const projects = visibleProjects(ctx.dataset, ctx.viewer).filter((p) =>
    !p.archived
    && (!starredOnly || stars.has(p.id))
    && (!tag || p.tags.some((t) => t.name === tag || t.id === tag))
    && (matchesWordPrefixes(term, [p.name]) || containsFolded(p.name, term) || fold(p.key.key).startsWith(fold(term).trim())));
  return pageOf(projects, q);
}

