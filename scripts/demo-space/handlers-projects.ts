/**
 * Project endpoints the client calls (src/space/api-paths.ts): project search and lookup, the viewer's projects,
 * issues (with Space's required `sorting` and `descending`), repositories, and code reviews. Paths from
 * space-api.md §2a.
 */
import type { Dataset } from './dataset.ts';
import {
  findIssue, findReview, isProjectMember, isProjectVisible, parseIssueIdentifier, parseNumber, parseReviewIdentifier,
  resolveProfileLoosely, resolveProject,
} from './lookup.ts';
import { route, type RequestContext, type Route } from './router.ts';
import type { CodeReviewWithCount, Issue, Project } from './space-types.ts';
import { containsFolded, fold, matchesWordPrefixes } from './text-match.ts';
import { ApiError, paginate, validationError } from './wire.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

export const projectRoutes: readonly Route[] = [
  route('GET', '/projects', searchProjects),
  route('GET', '/projects/repositories/find', findRepositories),
  route('GET', '/projects/{member}', (ctx) => {
    const profile = resolveProfileLoosely(ctx.dataset, (ctx.params.member as string).slice('member:'.length), ctx.viewer);
    if (!profile) throw new ApiError(404, 'not-found', 'Profile not found');
    const projects = visibleProjects(ctx).filter((p) => isProjectMember(p, profile));
    return paginate(projects, ctx.query.get('$skip'), ctx.query.get('$top'));
  }, { member: /^member:/ }),
  route('GET', '/projects/{project}', (ctx) => projectParam(ctx)),
  route('GET', '/projects/{project}/planning/issues', searchIssues),
  // The identifier's form is checked before anything is looked up: [I] Space parses path parameters first.
  route('GET', '/projects/{project}/planning/issues/{number}', (ctx) => {
    const number = parseNumber((ctx.params.number as string).slice('number:'.length), 'issue');
    return findIssue(ctx.dataset, { by: 'number', number }, projectParam(ctx));
  }, { number: /^number:/ }),
  route('GET', '/projects/{project}/planning/issues/{issue}', (ctx) => {
    const ref = parseIssueIdentifier(ctx.params.issue as string);
    return findIssue(ctx.dataset, ref, projectParam(ctx));
  }),
  route('GET', '/projects/{project}/repositories/{repository}', (ctx) => {
    const project = projectParam(ctx);
    const repo = project.repos.find((r) => r.name === ctx.params.repository);
    if (!repo) throw new ApiError(404, 'not-found', 'Repository not found');
    return repo;
  }),
  route('GET', '/projects/{project}/code-reviews', searchReviews),
  route('GET', '/projects/{project}/code-reviews/{review}', (ctx) => {
    const ref = parseReviewIdentifier(ctx.params.review as string);
    return findReview(ctx.dataset, ref, projectParam(ctx)).review;
  }),
];

function projectParam(ctx: RequestContext): Project {
  return resolveProject(ctx.dataset, ctx.params.project as string, ctx.viewer);
}

function visibleProjects(ctx: RequestContext): Project[] {
  return ctx.dataset.projects
    .filter((p) => isProjectVisible(p, ctx.viewer))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** [I] guessed: archived projects are left out of the search; `term` matches the name or the key. */
function searchProjects(ctx: RequestContext): unknown {
  const q = ctx.query;
  const term = q.get('term') ?? '';
  const tag = q.get('tag');
  const starredOnly = q.flag('starred', false);
  const stars = ctx.dataset.starredProjects.get(ctx.viewer.id) ?? new Set<string>();
  const projects = visibleProjects(ctx).filter((p) =>
    !p.archived
    && (!starredOnly || stars.has(p.id))
    && (!tag || p.tags.some((t) => t.name === tag || t.id === tag))
    && (matchesWordPrefixes(term, [p.name]) || containsFolded(p.name, term) || fold(p.key.key).startsWith(fold(term).trim())));
  return paginate(projects, q.get('$skip'), q.get('$top'));
}

const ISSUE_SORTS = ['UPDATED', 'CREATED', 'TITLE', 'DUE'] as const;

function requiredParam(ctx: RequestContext, name: string): string {
  const value = ctx.query.get(name);
  if (value === undefined || value === '') throw validationError(`Parameter '${name}' is required`);
  return value;
}

/**
 * [C] `sorting` and `descending` are required. [I] guessed: `query` matches title words (prefix or substring)
 * and the issue's number or key; DUE sorts issues without a due date last.
 */
function searchIssues(ctx: RequestContext): unknown {
  const { dataset: ds, query: q } = ctx;
  const project = projectParam(ctx);
  const sorting = requiredParam(ctx, 'sorting').toUpperCase();
  const descendingRaw = requiredParam(ctx, 'descending').toLowerCase();
  if (!(ISSUE_SORTS as readonly string[]).includes(sorting)) throw validationError("Parameter 'sorting' has an invalid value");
  if (descendingRaw !== 'true' && descendingRaw !== 'false') throw validationError("Parameter 'descending' has an invalid value");
  const descending = descendingRaw === 'true';

  const query = (q.get('query') ?? '').trim();
  const assigneeValues = q.getAll('assigneeId');
  const assignees = assigneeValues.map((v) => resolveProfileLoosely(ds, v, ctx.viewer));
  const createdBy = q.get('createdByProfileId');
  const creator = createdBy ? resolveProfileLoosely(ds, createdBy, ctx.viewer) : undefined;
  const statusIds = q.getAll('statuses');
  const tagIds = [...q.getAll('tags'), ...(q.get('tagId') ? [q.get('tagId') as string] : [])];
  const dueFrom = q.get('dueDateFrom');
  const dueTo = q.get('dueDateTo');
  const key = project.key.key;

  const matchesQuery = (issue: Issue): boolean => {
    if (query === '') return true;
    const folded = fold(query);
    if (folded === String(issue.number) || folded === fold(`${key}-T-${issue.number}`)) return true;
    return matchesWordPrefixes(query, [issue.title]) || containsFolded(issue.title, query);
  };

  const issues = (ds.issuesByProject.get(project.id) ?? []).filter((issue) =>
    matchesQuery(issue)
    && (assigneeValues.length === 0 || (issue.assignee !== null && assignees.includes(issue.assignee)))
    && (creator === undefined || issue.createdBy.details?.user === creator)
    && (statusIds.length === 0 || statusIds.includes(issue.status.id))
    && (tagIds.length === 0 || issue.tags.some((t) => tagIds.includes(t.id)))
    && (!dueFrom || (issue.dueDate !== null && issue.dueDate.iso >= dueFrom))
    && (!dueTo || (issue.dueDate !== null && issue.dueDate.iso <= dueTo)));

  const sortKey = issueSortKey(ds, sorting as (typeof ISSUE_SORTS)[number]);
  const sorted = [...issues].sort((a, b) => {
    const ka = sortKey(a);
    const kb = sortKey(b);
    if (ka === null || kb === null) return ka === kb ? a.number - b.number : ka === null ? 1 : -1;
    const cmp = typeof ka === 'string' ? collator.compare(ka, kb as string) : ka - (kb as number);
    return (descending ? -cmp : cmp) || a.number - b.number;
  });
  return paginate(sorted, q.get('$skip'), q.get('$top'));
}

function issueSortKey(ds: Dataset, sorting: (typeof ISSUE_SORTS)[number]): (issue: Issue) => string | number | null {
  switch (sorting) {
    case 'UPDATED': return (i) => ds.issueUpdatedAt.get(i.id) ?? i.creationTime.timestamp;
    case 'CREATED': return (i) => i.creationTime.timestamp;
    case 'TITLE': return (i) => i.title;
    case 'DUE': return (i) => i.dueDate?.iso ?? null;
  }
}

/** [C] `term` is required and matches a substring of the name; Batch<RepositoryDetails>. */
function findRepositories(ctx: RequestContext): unknown {
  const term = ctx.query.get('term');
  if (term === undefined) throw validationError("Parameter 'term' is required");
  const stars = ctx.dataset.starredRepos.get(ctx.viewer.id) ?? new Set<string>();
  const items = visibleProjects(ctx)
    .sort((a, b) => a.key.key.localeCompare(b.key.key))
    .flatMap((p) => p.repos
      .filter((r) => containsFolded(r.name, term))
      .map((r) => ({ projectKey: p.key.key, repository: r.name, starred: stars.has(`${p.key.key}/${r.name}`) })));
  return paginate(items, ctx.query.get('$skip'), ctx.query.get('$top'));
}

const REVIEW_STATES = ['Opened', 'Closed', 'RequiresAuthorAttention', 'NeedsReview', 'Merged'] as const;
const REVIEW_SORTS = ['CreatedAtAsc', 'CreatedAtDesc', 'LastUpdatedDesc', 'LastUpdatedAsc'] as const;

/**
 * [C] parameters and defaults (state=Opened, sort=CreatedAtAsc; OAS `CodeReviewStateFilter`). [C] an empty
 * `state=` means every state (space-api.md §12: NET sends it for "no filter"); deleted reviews stay out [I].
 * `Merged` = a merge request whose branch pair has `isMerged` ([C] a real MergeRequestBranchPair field).
 * [I] guessed semantics: Closed includes merged ones; NeedsReview = open with a reviewer's turn;
 * RequiresAuthorAttention = open with nobody's turn among reviewers; `text` matches the title or the number.
 */
function searchReviews(ctx: RequestContext): unknown {
  const { dataset: ds, query: q } = ctx;
  const project = projectParam(ctx);
  const stateParam = q.get('state') ?? 'Opened';
  if (stateParam !== '' && !(REVIEW_STATES as readonly string[]).includes(stateParam)) {
    throw validationError("Parameter 'state' has an invalid value");
  }
  const sort = q.get('sort') ?? 'CreatedAtAsc';
  if (!(REVIEW_SORTS as readonly string[]).includes(sort)) throw validationError("Parameter 'sort' has an invalid value");
  const type = q.get('type');
  if (type !== undefined && type !== 'CommitSetReview' && type !== 'MergeRequest') {
    throw validationError("Parameter 'type' has an invalid value");
  }
  const text = (q.get('text') ?? '').trim();
  const author = q.get('author') ? resolveProfileLoosely(ds, q.get('author') as string, ctx.viewer) : undefined;
  const reviewer = q.get('reviewer') ? resolveProfileLoosely(ds, q.get('reviewer') as string, ctx.viewer) : undefined;
  const repository = q.get('repository');

  const inState = (r: CodeReviewWithCount): boolean => {
    const { review } = r;
    const open = review.state === 'Opened';
    const merged = review.className === 'MergeRequestRecord' && review.branchPairs.some((b) => b.isMerged);
    switch (stateParam) {
      case '': return review.state !== 'Deleted';
      case 'Opened': return open;
      case 'Closed': return review.state === 'Closed';
      case 'Merged': return merged;
      case 'NeedsReview': return open && review.reviewers.some((p) => p.theirTurn);
      case 'RequiresAuthorAttention': return open && !review.reviewers.some((p) => p.theirTurn);
      default: return false;
    }
  };

  const reviews = (ds.reviewsByProject.get(project.id) ?? []).filter((r) =>
    inState(r)
    && (type === undefined || (type === 'MergeRequest') === (r.review.className === 'MergeRequestRecord'))
    && (text === '' || String(r.review.number) === text || matchesWordPrefixes(text, [r.review.title]) || containsFolded(r.review.title, text))
    && (author === undefined || r.review.createdBy === author)
    && (reviewer === undefined || r.review.reviewers.some((p) => p.user === reviewer))
    && (!repository || (r.review.className === 'MergeRequestRecord' && r.review.branchPairs.some((b) => b.repository === repository))));

  const key = sort.startsWith('CreatedAt') ? (r: CodeReviewWithCount) => r.review.createdAt : (r: CodeReviewWithCount) => r.review.timestamp;
  const descending = sort.endsWith('Desc');
  const sorted = [...reviews].sort((a, b) => (descending ? key(b) - key(a) : key(a) - key(b)) || a.review.number - b.review.number);
  return paginate(sorted, q.get('$skip'), q.get('$top'));
}
