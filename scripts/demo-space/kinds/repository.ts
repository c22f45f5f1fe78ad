/**
 * Repositories of the projects (shared world, data-projects.ts): find by name across projects, and one repository
 * of a project. Paths from space-api.md §2a.
 */
import { repositoryUrl } from '../../../src/kinds/repository/web-url.ts';
import { ApiError, containsFolded, defineKind, pageOf, route, validationError, type RequestContext } from '../kind-kit.ts';
import { projectParam, visibleProjects } from '../lookup.ts';

export default defineKind({
  kind: 'repository',
  routes: [
    route('GET', '/projects/repositories/find', findRepositories),
    route('GET', '/projects/{project}/repositories/{repository}', (ctx) => {
      const project = projectParam(ctx);
      const repo = project.repos.find((r) => r.name === ctx.params.repository);
      if (!repo) throw new ApiError(404, 'not-found', 'Repository not found');
      return repo;
    }),
  ],
  counts: (ds) => ({ repositories: ds.projects.reduce((n, p) => n + p.repos.length, 0) }),
  e2e: { query: 'backend-gateway', url: (origin) => repositoryUrl(origin, 'ABC', 'backend-gateway') },
});

/** [C] `term` is required and matches a substring of the name; Batch<RepositoryDetails>. */
function findRepositories(ctx: RequestContext): unknown {
  const term = ctx.query.get('term');
  if (term === undefined) throw validationError("Parameter 'term' is required");
  const stars = ctx.dataset.starredRepos.get(ctx.viewer.id) ?? new Set<string>();
  const items = visibleProjects(ctx.dataset, ctx.viewer)
    .sort((a, b) => a.key.key.localeCompare(b.key.key))
    .flatMap((p) => p.repos
      .filter((r) => containsFolded(r.name, term))
      .map((r) => ({ projectKey: p.key.key, repository: r.name, starred: stars.has(`${p.key.key}/${r.name}`) })));
  return pageOf(items, ctx.query);
}
