/**
 * Code reviews of a project (shared world, data-projects.ts): search and one review by number, id or key.
 * Paths from space-api.md §2a.
 */
import { reviewUrl } from '../../../src/kinds/review/web-url.ts';
import type { Dataset } from '../dataset.ts';
import {
  containsFolded, defineKind, matchesWordPrefixes, pageOf, route, validationError, type RequestContext,
} from '../kind-kit.ts';
import { findReview, parseReviewIdentifier, projectParam, resolveProfileLoosely } from '../lookup.ts';
import type { CodeReviewWithCount } from '../world-types.ts';

export default defineKind({
  kind: 'review',
  routes: [
    route('GET', '/projects/{project}/code-reviews', searchReviews),
    route('GET', '/projects/{project}/code-reviews/{review}', (ctx) => {
      const ref = parseReviewIdentifier(ctx.params.review as string);
      return findReview(ctx.dataset, ref, projectParam(ctx)).review;
    }),
  ],
  counts: (ds) => ({ reviews: ds.reviews.length }),
  e2e: { query: (ds) => openReview(ds).title, url: (origin, ds) => reviewUrl(origin, 'ABC', openReview(ds).number) },
});

/** An open merge request of ABC (the e2e case's): review search covers open reviews (Space's default state filter). */
function openReview(ds: Dataset): { title: string; number: number } {
  const abc = ds.projectByKey.get('ABC')!;
  const review = ds.reviews
    .map((r) => r.review)
    .find((r) => r.projectId === abc.id && r.state === 'Opened' && r.className === 'MergeRequestRecord');
  if (!review) throw new Error('the demo data has no open merge request in ABC');
  return review;
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
    && (reviewer === undefined || r.review.reviewers.some((p) => p.profile === reviewer))
    && (!repository || (r.review.className === 'MergeRequestRecord' && r.review.branchPairs.some((b) => b.repository === repository))));

  const key = sort.startsWith('CreatedAt') ? (r: CodeReviewWithCount) => r.review.createdAt : (r: CodeReviewWithCount) => r.review.timestamp;
  const descending = sort.endsWith('Desc');
  const sorted = [...reviews].sort((a, b) => (descending ? key(b) - key(a) : key(a) - key(b)) || a.review.number - b.review.number);
  return pageOf(sorted, q);
}
