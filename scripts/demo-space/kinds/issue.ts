/**
 * Issues of a project (shared world, data-projects.ts): search (with Space's required `sorting` and `descending`)
 * and one issue by number, id or key. Paths from space-api.md §2a.
 */
import { issueUrl } from '../../../src/kinds/issue/web-url.ts';
import type { Dataset } from '../dataset.ts';
import {
  containsFolded, defineKind, fold, matchesWordPrefixes, pageOf, requiredParam, route, validationError, type RequestContext,
} from '../kind-kit.ts';
import { findIssue, parseIssueIdentifier, parseNumber, projectParam, resolveProfileLoosely } from '../lookup.ts';
import type { Issue } from '../world-types.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base' });

export default defineKind({
  kind: 'issue',
  routes: [
    route('GET', '/projects/{project}/planning/issues', searchIssues),
    // The identifier's form is checked before anything is looked up: [I] Space parses path parameters first.
    route('GET', '/projects/{project}/planning/issues/{number}', (ctx) => {
      const number = parseNumber((ctx.params.number as string).slice('number:'.length), 'issue');
      return findIssue(ctx.dataset, { by: 'number', number }, projectParam(ctx));
    }, { constraints: { number: /^number:/ } }),
    route('GET', '/projects/{project}/planning/issues/{issue}', (ctx) => {
      const ref = parseIssueIdentifier(ctx.params.issue as string);
      return findIssue(ctx.dataset, ref, projectParam(ctx));
    }),
  ],
  counts: (ds) => ({ issues: ds.issues.length }),
  e2e: { query: 'rate limiter answers', url: (origin) => issueUrl(origin, 'ABC', 12) },
});

const ISSUE_SORTS = ['UPDATED', 'CREATED', 'TITLE', 'DUE'] as const;

/**
 * [C] `sorting` and `descending` are required. [I] guessed: `query` matches title words (prefix or substring)
 * and the issue's number or key; DUE sorts issues without a due date last.
 */
function searchIssues(ctx: RequestContext): unknown {
  const { dataset: ds, query: q } = ctx;
  const project = projectParam(ctx);
  const sorting = requiredParam(q, 'sorting').toUpperCase();
  const descendingRaw = requiredParam(q, 'descending').toLowerCase();
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
  return pageOf(sorted, q);
}

function issueSortKey(ds: Dataset, sorting: (typeof ISSUE_SORTS)[number]): (issue: Issue) => string | number | null {
  switch (sorting) {
    case 'UPDATED': return (i) => ds.issueUpdatedAt.get(i.id) ?? i.creationTime.timestamp;
    case 'CREATED': return (i) => i.creationTime.timestamp;
    case 'TITLE': return (i) => i.title;
    case 'DUE': return (i) => i.dueDate?.iso ?? null;
  }
}
