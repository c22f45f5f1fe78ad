/**
 * Generates the projects of "Northwind Orbital": members, issue statuses, issues, repositories and code reviews
 * (merge requests and commit-set reviews). Deterministic for a seed; times are relative to the anchor day.
 */
import { markExtended } from './fields.ts';
import { DEMO_USERNAME } from './data-names.ts';
import type { Organization } from './data-organization.ts';
import { createPrng, type Prng } from './prng.ts';
import type {
  BranchPair, CodeReviewRecord, CodeReviewWithCount, Issue, IssueStatus, MemberProfile, PlanningTag, Project,
  RepositoryInfo, ReviewParticipantRecord, Team,
} from './world-types.ts';
import { participantRecord, participantsOf, setUpWaiting } from './data-waiting.ts';
import { fold } from './text-match.ts';
import { DAY_MS, date, dateTime } from './wire.ts';

export interface ProjectData {
  projects: Project[];
  issues: Issue[];
  /** Issue id → last update (epoch ms). Space's Issue DTO has no such field; sorting=UPDATED needs one. */
  issueUpdatedAt: Map<string, number>;
  reviews: CodeReviewWithCount[];
  /** Profile id → starred project ids. */
  starredProjects: Map<string, Set<string>>;
  /** Profile id → starred repositories as `KEY/name`. */
  starredRepos: Map<string, Set<string>>;
}

interface ProjectSpec {
  key: string;
  name: string;
  description: string;
  teams: string[];
  issues: number;
  reviews: number;
  repos: [name: string, description: string, branch: string][];
  tags: string[];
  demoMember: boolean;
  demoStarred?: boolean;
  private?: boolean;
  archived?: boolean;
  /** Fixed titles for particular issue numbers (documentation examples rely on them). */
  titles?: Record<number, string>;
  /** Fixed code reviews by number (tests rely on them); the rest are random. */
  fixedReviews?: Record<number, FixedReview>;
}

/** A code review with a fixed title and outcome. `merged` and `closed` are merge requests, closed. */
interface FixedReview {
  title: string;
  outcome: 'merged' | 'closed' | 'open';
}

const PROJECTS: readonly ProjectSpec[] = [
  {
    key: 'ABC', name: 'Alpha Backend Core', description: 'Core services of the Northwind mission platform: accounts, scheduling and the public API.',
    teams: ['Flight Software', 'Web Platform', 'QA'], issues: 140, reviews: 30, demoMember: true, demoStarred: true,
    repos: [['backend', 'Mission platform backend (Kotlin)', 'main'], ['backend-gateway', 'API gateway and rate limiting', 'main'], ['proto-schemas', 'Shared protobuf schemas', 'master']],
    tags: ['backend', 'api', 'bug', 'tech-debt'],
    titles: {
      1: 'Set up the Alpha Backend repository',
      12: 'Rate limiter answers 429 without Retry-After',
      42: 'Issue keys in chat should link to the issue',
      123: 'Login page throws 500 on empty password',
    },
    // Distinctive words, so a text search finds exactly these: a merged and a closed (not merged) merge request,
    // which Space's default state filter (Opened) leaves out.
    fixedReviews: {
      22: { title: 'Heliopause telemetry backfill for archived frames', outcome: 'merged' },
      21: { title: 'Quasar handshake prototype for the gateway', outcome: 'closed' },
    },
  },
  {
    key: 'ORBIT', name: 'Orbit Planner', description: 'Plans manoeuvres and contact windows for the constellation.',
    teams: ['Navigation', 'Flight Software'], issues: 60, reviews: 18, demoMember: true,
    repos: [['orbit-planner', 'Manoeuvre planning service', 'main'], ['orbit-sim', 'Orbit propagation simulator', 'main']],
    tags: ['planning', 'simulation', 'bug'],
  },
  {
    key: 'NAV', name: 'Navigation Suite', description: 'Orbit determination, star tracker calibration and attitude estimation.',
    teams: ['Navigation'], issues: 45, reviews: 14, demoMember: false,
    repos: [['nav-core', 'Orbit determination library', 'main'], ['star-tracker', 'Star tracker firmware tools', 'develop']],
    tags: ['math', 'firmware', 'bug'],
  },
  {
    key: 'WEB', name: 'Mission Web', description: 'The mission control web app and the Northwind design system.',
    teams: ['Web Platform', 'Design'], issues: 55, reviews: 22, demoMember: true, demoStarred: true,
    repos: [['mission-web', 'Mission control web app (TypeScript)', 'main'], ['design-system', 'Components and tokens', 'main'], ['web-e2e', 'End-to-end tests', 'main']],
    tags: ['frontend', 'ux', 'a11y', 'bug'],
  },
  {
    key: 'GROUND', name: 'Ground Station', description: 'Antenna control and pass scheduling for our ground stations.',
    teams: ['Ground Systems', 'Mission Control'], issues: 35, reviews: 12, demoMember: false,
    repos: [['groundstation', 'Ground station controller', 'main'], ['antenna-control', 'Antenna pointing firmware', 'main']],
    tags: ['hardware', 'ops', 'bug'],
  },
  {
    key: 'TELEM', name: 'Telemetry Pipeline', description: 'Ingests, stores and charts spacecraft telemetry.',
    teams: ['Telemetry', 'Data Science'], issues: 40, reviews: 15, demoMember: false,
    repos: [['telemetry-ingest', 'Streaming ingest', 'main'], ['telemetry-dashboards', 'Grafana dashboards as code', 'main']],
    tags: ['data', 'performance', 'bug'],
  },
  {
    key: 'HANDBOOK', name: 'Company Handbook', description: 'How we work at Northwind Orbital.',
    teams: ['Technical Writing', 'People & Culture'], issues: 12, reviews: 6, demoMember: true, private: true,
    repos: [['handbook', 'The handbook, in Markdown', 'main']],
    tags: ['docs'],
  },
  {
    key: 'FINANCE', name: 'Finance Ops', description: 'Budgets and invoicing automation. Private to the finance group.',
    teams: ['Sales & Partnerships'], issues: 10, reviews: 4, demoMember: false, private: true,
    repos: [['invoicing', 'Invoice generation', 'main']],
    tags: ['finance'],
  },
  {
    key: 'LEGACY', name: 'Legacy Telemetry', description: 'The old telemetry stack. Read-only.',
    teams: ['Telemetry'], issues: 8, reviews: 3, demoMember: false, archived: true,
    repos: [['legacy-telemetry', 'Archived telemetry services', 'master']],
    tags: ['legacy'],
  },
];

const STATUS_SPECS: readonly [name: string, resolved: boolean, color: string, weight: number][] = [
  ['Open', false, '3e76b5', 30],
  ['In Progress', false, 'e0a33b', 15],
  ['In Review', false, '8d5fd3', 8],
  ['Blocked', false, 'd1453b', 4],
  ['Done', true, '2e9e5b', 35],
  ["Won't Fix", true, '8a8f98', 8],
];

const SUBJECTS: readonly string[] = [
  'telemetry decoder', 'orbit propagator', 'login page', 'star tracker calibration', 'pass scheduler', 'build cache',
  'API gateway', 'CSV export', 'dark mode', 'time zone picker', 'rate limiter', 'token refresh', 'antenna pointing',
  'search index', 'audit log', 'health check', 'release notes', 'attitude controller', 'downlink queue',
  'contact window report', 'profile page', 'notification e-mails', 'ground track map', 'anomaly detector',
];

const ISSUE_PATTERNS: readonly ((s: string) => string)[] = [
  (s) => `${cap(s)} throws 500 on empty input`,
  (s) => `Flaky test in ${s}`,
  (s) => `Add metrics to the ${s}`,
  (s) => `${cap(s)}: handle leap seconds`,
  (s) => `Migrate the ${s} to the new config format`,
  (s) => `${cap(s)} is slow with more than 10k items`,
  (s) => `Document the ${s}`,
  (s) => `Crash in ${s} after reconnect`,
  (s) => `Improve the error message of the ${s}`,
  (s) => `${cap(s)} ignores the user's time zone`,
  (s) => `Refactor the ${s}`,
  (s) => `Support paging in the ${s}`,
  (s) => `Remove deprecated flags from the ${s}`,
  (s) => `${cap(s)} leaks memory under load`,
  (s) => `Accessibility: ${s} controls have no labels`,
];

const REVIEW_PATTERNS: readonly ((s: string) => string)[] = [
  (s) => `Fix ${s} retries`,
  (s) => `Speed up the ${s}`,
  (s) => `Add tests for the ${s}`,
  (s) => `Clean up ${s} logging`,
  (s) => `Bump dependencies of the ${s}`,
  (s) => `${cap(s)}: new settings page`,
];

const SEED_PROJECTS = 0x5eed_0002;

export function generateProjects(org: Organization, anchorMs: number): ProjectData {
  const prng = createPrng(SEED_PROJECTS);
  const data: ProjectData = {
    projects: [], issues: [], issueUpdatedAt: new Map(), reviews: [],
    starredProjects: new Map(), starredRepos: new Map(),
  };
  const demoStars = new Set<string>();
  const demoRepoStars = new Set<string>();
  for (const spec of PROJECTS) {
    const members = projectMembers(org, spec);
    const project = makeProject(prng, spec, members, org, anchorMs);
    data.projects.push(project);
    if (spec.demoStarred) demoStars.add(project.id);
    const statuses = STATUS_SPECS.map(([name, resolved, color]) => ({ id: prng.id(), archived: false, name, resolved, color }));
    addIssues(prng, data, project, spec, statuses, members, anchorMs);
    addReviews(prng, data, project, spec, members, anchorMs);
  }
  setUpWaiting(data.reviews, data.projects, org);
  for (const repo of ['ABC/backend', 'WEB/mission-web']) demoRepoStars.add(repo);
  data.starredProjects.set(org.demoUser.id, demoStars);
  data.starredRepos.set(org.demoUser.id, demoRepoStars);
  return data;
}

function projectMembers(org: Organization, spec: ProjectSpec): MemberProfile[] {
  const inTeams = (team: Team | null): boolean => {
    for (let t = team; t; t = t.parent) if (spec.teams.includes(t.name)) return true;
    return false;
  };
  const members = org.memberships.filter((m) => !m.archived && inTeams(m.team)).map((m) => m.member);
  const unique = [...new Set(members)].filter((p) => p.username !== DEMO_USERNAME);
  return spec.demoMember ? [org.demoUser, ...unique] : unique;
}

function makeProject(prng: Prng, spec: ProjectSpec, members: MemberProfile[], org: Organization, anchorMs: number): Project {
  const repos = spec.repos.map(([name, description, branch]): RepositoryInfo => ({
    id: prng.id(), name, description,
    latestActivity: dateTime(anchorMs - prng.int(1, spec.archived ? 900 : 20 * 24) * 3_600_000 - prng.int(0, 3_599_999)),
    state: 'READY', initProgress: null, readmeName: 'README.md',
    defaultBranch: { head: `refs/heads/${branch}`, ref: prng.hex(40) },
  }));
  const latest = Math.max(...repos.map((r) => r.latestActivity?.timestamp ?? 0));
  const leads = org.memberships.filter((m) => m.lead && !m.archived && spec.teams.includes(m.team.name)).map((m) => m.member);
  return markExtended<Project>({
    id: prng.id(),
    key: { key: spec.key },
    name: spec.name,
    private: spec.private === true,
    description: spec.description,
    icon: null,
    latestRepositoryActivity: latest > 0 ? dateTime(latest) : null,
    createdAt: dateTime(Date.UTC(2019, 0, 1) + prng.int(0, 5 * 365) * DAY_MS),
    archived: spec.archived === true,
    repos,
    tags: spec.tags.map((name) => ({ id: prng.id(), name, archived: false })),
    memberProfiles: members,
    adminProfiles: leads.length > 0 ? leads : members.slice(0, 1),
    memberTeams: org.teams.filter((t) => spec.teams.includes(t.name)),
  }, ['repos', 'tags', 'memberProfiles', 'adminProfiles', 'memberTeams']);
}

function addIssues(
  prng: Prng, data: ProjectData, project: Project, spec: ProjectSpec, statuses: IssueStatus[], members: MemberProfile[],
  anchorMs: number,
): void {
  // Older issues have lower numbers: creation ages sorted from oldest to newest.
  const ages = Array.from({ length: spec.issues }, () => prng.int(0, 420) * DAY_MS + prng.int(0, DAY_MS - 1)).sort((a, b) => b - a);
  const weights = STATUS_SPECS.map(([, , , w]) => w);
  const usedTitles = new Set<string>();
  for (let number = 1; number <= spec.issues; number++) {
    const createdAt = anchorMs - (ages[number - 1] ?? 0);
    const status = statuses[weightedIndex(prng, weights)] as IssueStatus;
    const author = prng.pick(members);
    let title = spec.titles?.[number];
    while (!title || usedTitles.has(title)) title = prng.pick(ISSUE_PATTERNS)(prng.pick(SUBJECTS));
    usedTitles.add(title);
    const dueOffsetDays = prng.chance(0.4) ? prng.int(-20, 60) : null;
    const tags: PlanningTag[] = prng.sample(project.tags, prng.int(0, 2));
    const issue = markExtended<Issue>({
      id: prng.id(),
      archived: false,
      projectId: project.id,
      projectRef: project,
      number,
      title,
      description: prng.chance(0.7) ? `Found while working on ${project.name}. Steps to reproduce are in the linked chat.` : null,
      createdBy: { name: author.username, details: { className: 'CUserPrincipalDetails', user: author } },
      creationTime: dateTime(createdAt),
      assignee: prng.chance(0.85) ? prng.pick(members) : null,
      status,
      dueDate: dueOffsetDays === null ? null : date(anchorMs + dueOffsetDays * DAY_MS),
      tags,
      sprints: [],
      attachmentsCount: prng.int(0, 3),
      subItemsCount: 0,
      doneSubItemsCount: 0,
      commentsCount: prng.int(0, 14),
      deletedBy: null,
      deletedTime: null,
      channel: { id: prng.id() },
      customFields: {},
    }, ['tags', 'sprints']);
    if (issue.subItemsCount === 0 && prng.chance(0.15)) {
      issue.subItemsCount = prng.int(1, 6);
      issue.doneSubItemsCount = prng.int(0, issue.subItemsCount);
    }
    data.issues.push(issue);
    data.issueUpdatedAt.set(issue.id, Math.min(anchorMs, createdAt + prng.int(0, 30) * DAY_MS + prng.int(0, DAY_MS - 1)));
  }
}

function addReviews(prng: Prng, data: ProjectData, project: Project, spec: ProjectSpec, members: MemberProfile[], anchorMs: number): void {
  const count = spec.reviews;
  const ages = Array.from({ length: count }, () => prng.int(0, 200) * DAY_MS + prng.int(0, DAY_MS - 1)).sort((a, b) => b - a);
  for (let number = 1; number <= count; number++) {
    // A fixed review draws the same random numbers as any other, so fixing one never reshuffles the rest.
    const fixed = spec.fixedReviews?.[number];
    // ABC-MR-12 and ABC-CR-7 are used in examples and tests; every other review type is random.
    const rolledCommitSet = project.key.key === 'ABC' ? number === 7 || (number !== 12 && prng.chance(0.2)) : prng.chance(0.2);
    // A merge request draws its repository below; a fixed one must be rolled as one, or the rest would shift.
    if (fixed && rolledCommitSet) throw new Error(`fixed review ${project.key.key} #${number} was rolled as a commit-set review`);
    const isCommitSet = rolledCommitSet;
    const author = prng.pick(members);
    const reviewers = prng.sample(members.filter((m) => m !== author), prng.int(1, 2));
    const rolledOpen = prng.chance(0.4);
    const open = fixed ? fixed.outcome === 'open' : rolledOpen;
    const createdAt = anchorMs - (ages[number - 1] ?? 0);
    const updatedAt = Math.min(anchorMs, createdAt + prng.int(0, 10) * DAY_MS + prng.int(0, DAY_MS - 1));
    const subject = prng.pick(SUBJECTS);
    const rolledTitle = prng.pick(REVIEW_PATTERNS)(subject);
    const title = fixed?.title ?? rolledTitle;
    const id = prng.id();
    const participant = (user: MemberProfile, role: ReviewParticipantRecord['role'], index: number): ReviewParticipantRecord =>
      participantRecord(id, project, user, role, index, open);
    const base = {
      id,
      project: { key: project.key.key },
      projectId: project.id,
      number,
      title,
      state: open ? 'Opened' as const : 'Closed' as const,
      createdAt,
      createdBy: author,
      timestamp: updatedAt,
      turnBased: true,
      feedChannelId: prng.id(),
      description: prng.chance(0.6) ? `Part of the ${subject} work.` : null,
      reviewers: reviewers.map((r, i) => participant(r, 'Reviewer', i)),
      authors: [participant(author, 'Author', 0)],
      watchers: [],
    };
    let review: CodeReviewRecord;
    if (isCommitSet) {
      review = { className: 'CommitSetReviewRecord', ...base };
    } else {
      const repo = prng.pick(project.repos);
      const target = (repo.defaultBranch?.head ?? 'refs/heads/main').replace('refs/heads/', '');
      const source = `${author.username.split('.')[0]}/${fold(subject).replace(/[^a-z0-9]+/g, '-')}`;
      const pair: BranchPair = {
        repository: repo.name, sourceBranch: source, targetBranch: target,
        sourceBranchRef: `refs/heads/${source}`,
        // [C] `isMerged` is MergeRequestBranchPair's own field (OAS 2024.3); a merged review's record state is Closed.
        isMerged: mergedOutcome(fixed, !rolledOpen && prng.chance(0.75)),
      };
      review = { className: 'MergeRequestRecord', ...base, branchPairs: [pair] };
    }
    markExtended(review, ['reviewers', 'authors', 'watchers']);
    data.reviews.push({
      review,
      messagesCount: prng.int(0, 25),
      authors: [{ author: `${author.name.firstName} ${author.name.lastName}`, email: author.emails[0]?.email ?? '', profile: author }],
      participants: participantsOf(review),
    });
  }
}

function mergedOutcome(fixed: FixedReview | undefined, rolled: boolean): boolean {
  return fixed ? fixed.outcome === 'merged' : rolled;
}

function weightedIndex(prng: Prng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let roll = prng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    roll -= weights[i] as number;
    if (roll < 0) return i;
  }
  return weights.length - 1;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
