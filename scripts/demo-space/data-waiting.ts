/**
 * The review participants of the demo world, in the spec's two shapes (OAS 2024.3: `CodeReviewParticipantRecord` on a
 * review and in `CodeReviewWithCount.participants`, `CodeReviewParticipant` in `participants.participants`), and the
 * fixed cases of "Waiting for you" (issue 14) for Alex, the demo user:
 *
 *   appear        ABC-MR-5 and ABC-CR-1 (open, Alex reviews, Alex's turn); WEB-MR-11 (the random data's own)
 *   must not      ABC-MR-8 (open, Alex approved it), ABC-MR-9 (open, Alex reviews, someone else's turn),
 *                 ABC-MR-13 (open, Alex only its author), ABC-MR-25 (closed, Alex's turn flag left over [I]: whether
 *                 Space clears it on close is unknown), ORBIT-MR-18 (closed, approved)
 *
 * Issues need no fixing: the random data already assigns Alex open and resolved issues (ORBIT, WEB, ABC) and every
 * project has issues of other assignees. data-waiting.test.ts pins all of it.
 */
import type { Organization } from './data-organization.ts';
import type {
  CodeReviewRecord, CodeReviewWithCount, MemberProfile, Project, ReviewParticipant, ReviewParticipantRecord,
} from './world-types.ts';

type Role = ReviewParticipantRecord['role'];

/** One participant of a review; ids derive from the review's (no random draw: the rest of the world stays as it was). */
export function participantRecord(
  reviewId: string, project: Project, user: MemberProfile, role: Role, index: number, open: boolean,
): ReviewParticipantRecord {
  return {
    id: `${reviewId}${role.charAt(0)}${index}`, projectId: project.id, role, profile: user,
    reviewerState: role === 'Reviewer' && !open ? 'Accepted' : null, theirTurn: open && role === 'Reviewer', archived: false,
  };
}

/** `CodeReviewWithCount.participants` of a review, from its records. */
export function participantsOf(review: CodeReviewRecord): CodeReviewWithCount['participants'] {
  const asParticipant = (r: ReviewParticipantRecord): ReviewParticipant => ({
    user: r.profile, role: r.role, state: r.reviewerState, theirTurn: r.theirTurn === true,
  });
  return {
    id: `${review.id}P`,
    participants: [...review.authors, ...review.reviewers, ...review.watchers].map(asParticipant),
    reviewers: review.reviewers, authors: review.authors, watchers: review.watchers,
  };
}

interface Case {
  project: string;
  number: number;
  /** Alex's record as a reviewer: whose turn, and Alex's verdict. */
  alex: { theirTurn: boolean; reviewerState: ReviewParticipantRecord['reviewerState'] };
  /** The other reviewers' turn (left as generated when absent). */
  othersTurn?: boolean;
}

const CASES: readonly Case[] = [
  { project: 'ABC', number: 5, alex: { theirTurn: true, reviewerState: null }, othersTurn: false },
  { project: 'ABC', number: 1, alex: { theirTurn: true, reviewerState: null } },
  { project: 'ABC', number: 8, alex: { theirTurn: false, reviewerState: 'Accepted' } },
  { project: 'ABC', number: 9, alex: { theirTurn: false, reviewerState: null }, othersTurn: true },
  { project: 'ABC', number: 25, alex: { theirTurn: true, reviewerState: null } },
];

/** Applies CASES (Alex added as a reviewer of each) and rebuilds every review's `participants`. */
export function setUpWaiting(reviews: CodeReviewWithCount[], projects: Project[], org: Organization): void {
  for (const c of CASES) {
    const project = projects.find((p) => p.key.key === c.project);
    const row = reviews.find((r) => r.review.projectId === project?.id && r.review.number === c.number);
    if (!project || !row) throw new Error(`demo data: no review ${c.project} #${c.number} for Waiting for you`);
    const { review } = row;
    if (review.createdBy === org.demoUser) throw new Error(`demo data: ${c.project} #${c.number} is Alex's own review`);
    const others = review.reviewers.filter((r) => r.profile !== org.demoUser)
      .map((r) => (c.othersTurn === undefined ? r : { ...r, theirTurn: c.othersTurn }));
    const alex = participantRecord(review.id, project, org.demoUser, 'Reviewer', others.length, true);
    review.reviewers = [...others, { ...alex, ...c.alex }];
  }
  for (const row of reviews) row.participants = participantsOf(row.review);
}
