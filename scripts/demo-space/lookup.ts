/**
 * Resolution of Space identifiers in paths and parameters (space-api.md §4): `me`, `id:x`, `username:x`,
 * `key:ABC`, `key:ABC-T-12`, `number:12`… Also project visibility: private projects exist only for members.
 */
import type { Dataset } from './dataset.ts';
import type { RequestContext } from './router.ts';
import type { CodeReviewWithCount, Issue, Location, MemberProfile, Project } from './world-types.ts';
import { ApiError, notFound, validationError } from './wire.ts';

/**
 * Splits `prefix:value` at the first colon; values may contain colons themselves. Malformed input is Space's
 * ordinary bad-input answer, 400 `validation-error` (space-api.md §12 [C] for the code; which inputs get it is
 * [I]); a well-formed identifier that names nothing is 404 `not-found`.
 */
function splitIdentifier(identifier: string, what: string): [prefix: string, value: string] {
  const colon = identifier.indexOf(':');
  if (colon <= 0 || colon === identifier.length - 1) throw validationError(`Invalid ${what} identifier '${identifier}'`);
  return [identifier.slice(0, colon), identifier.slice(colon + 1)];
}

/** Largest issue or review number: the spec types `number:{number}` as int32 ([C] OAS). */
const MAX_NUMBER = 2_147_483_647;

/**
 * An issue or review number: a positive int32 in decimal. [I] numbers start at 1 in every project, so 0 is as
 * malformed as `x`; Space's exact answer to `number:0` is unknown (a 404 would read the same to the client).
 */
export function parseNumber(raw: string, what: string): number {
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= MAX_NUMBER)) throw validationError(`Invalid ${what} number '${raw}'`);
  return n;
}

/**
 * `me`, `id:x`, `username:x`, `externalId:x`, `email:x`. A bare string is not an identifier in Space's syntax;
 * [I] guessed: Space answers 400 for it rather than 404.
 */
export function resolveProfile(ds: Dataset, identifier: string, viewer: MemberProfile): MemberProfile {
  if (identifier === 'me') return viewer;
  const [prefix, value] = splitIdentifier(identifier, 'profile');
  let profile: MemberProfile | undefined;
  if (prefix === 'id') profile = ds.profileById.get(value);
  else if (prefix === 'username') profile = ds.profileByUsername.get(value.toLowerCase());
  else if (prefix === 'email') profile = ds.profileByEmail.get(value.toLowerCase());
  else if (prefix === 'externalId') profile = ds.profiles.find((p) => p.externalId !== null && p.externalId === value);
  else throw validationError(`Invalid profile identifier '${identifier}'`);
  if (!profile) throw notFound('Profile');
  return profile;
}

/**
 * Profile filters in list parameters (`member`, `assigneeId`, `author`…). [I] Some endpoints take raw ids,
 * some take identifiers; the demo accepts both so either client choice works.
 */
export function resolveProfileLoosely(ds: Dataset, value: string, viewer: MemberProfile): MemberProfile | null {
  const raw = ds.profileById.get(value);
  if (raw) return raw;
  try {
    return resolveProfile(ds, value, viewer);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function isProjectMember(project: Project, profile: MemberProfile): boolean {
  return project.memberProfiles.includes(profile) || project.adminProfiles.includes(profile);
}

/** [I] guessed: a private project the viewer is not a member of is reported as not found, not as forbidden. */
export function isProjectVisible(project: Project, viewer: MemberProfile): boolean {
  return !project.private || isProjectMember(project, viewer);
}

/** A project key as written in keys and identifiers; JetBrains' own pattern is stricter ([C] space-api.md §4). */
const PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** `key:ABC` (case-insensitive) or `id:x`. */
export function resolveProject(ds: Dataset, identifier: string, viewer: MemberProfile): Project {
  const [prefix, value] = splitIdentifier(identifier, 'project');
  if (prefix === 'key' && !PROJECT_KEY.test(value)) throw validationError(`Invalid project key '${value}'`);
  if (prefix !== 'key' && prefix !== 'id') throw validationError(`Invalid project identifier '${identifier}'`);
  const project = prefix === 'key' ? ds.projectByKey.get(value.toUpperCase()) : ds.projectById.get(value);
  if (!project || !isProjectVisible(project, viewer)) throw notFound('Project');
  return project;
}

/** What an issue or review identifier names, checked for form only (nothing looked up yet). */
export type ItemIdentifier =
  | { by: 'id'; id: string }
  | { by: 'number'; number: number }
  /** `key:ABC-T-12` / `key:ABC-MR-12`: the project key as written, and the number. */
  | { by: 'key'; projectKey: string; number: number };

const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_-]*)-T-([^-]*)$/;
const REVIEW_KEY = /^([A-Za-z][A-Za-z0-9_-]*)-(?:MR|CR)-([^-]*)$/;

/** `id:x` or `key:ABC-T-12`. */
export function parseIssueIdentifier(identifier: string): ItemIdentifier {
  const [prefix, value] = splitIdentifier(identifier, 'issue');
  if (prefix === 'id') return { by: 'id', id: value };
  if (prefix !== 'key') throw validationError(`Invalid issue identifier '${identifier}'`);
  const match = ISSUE_KEY.exec(value);
  if (!match) throw validationError(`Invalid issue key '${value}'`);
  return { by: 'key', projectKey: match[1] as string, number: parseNumber(match[2] as string, 'issue') };
}

/**
 * `id:x`, `number:n`, `key:ABC-MR-n` or `key:ABC-CR-n`. The MR/CR letters are not checked against the review's
 * kind: [I] Space numbers merge requests and commit-set reviews in one sequence per project (the web UI's
 * `/p/{key}/reviews/{n}` carries no kind, space-api.md §7 [C]), so the number alone names the review and a key
 * with the other letters most likely resolves to it. Settled by asking a real server for `key:ABC-CR-n` of a
 * merge request. Lenient here, so the client is free to send either.
 */
export function parseReviewIdentifier(identifier: string): ItemIdentifier {
  const [prefix, value] = splitIdentifier(identifier, 'code review');
  if (prefix === 'id') return { by: 'id', id: value };
  if (prefix === 'number') return { by: 'number', number: parseNumber(value, 'code review') };
  if (prefix !== 'key') throw validationError(`Invalid code review identifier '${identifier}'`);
  const match = REVIEW_KEY.exec(value);
  if (!match) throw validationError(`Invalid code review key '${value}'`);
  return { by: 'key', projectKey: match[1] as string, number: parseNumber(match[2] as string, 'code review') };
}

/**
 * The issue an identifier names within `project`. [I] a key of another project names nothing here (404), as
 * does a number beyond the last issue.
 */
export function findIssue(ds: Dataset, ref: ItemIdentifier, project: Project): Issue {
  const issues = ds.issuesByProject.get(project.id) ?? [];
  const issue = ref.by === 'id' ? issues.find((i) => i.id === ref.id) : inProject(ref, project) ? issues.find((i) => i.number === ref.number) : undefined;
  if (!issue) throw notFound('Issue');
  return issue;
}

/** The review an identifier names within `project`; see parseReviewIdentifier for MR/CR. */
export function findReview(ds: Dataset, ref: ItemIdentifier, project: Project): CodeReviewWithCount {
  const reviews = ds.reviewsByProject.get(project.id) ?? [];
  const found = ref.by === 'id'
    ? reviews.find((r) => r.review.id === ref.id)
    : inProject(ref, project) ? reviews.find((r) => r.review.number === ref.number) : undefined;
  if (!found) throw notFound('Code review');
  return found;
}

function inProject(ref: ItemIdentifier, project: Project): boolean {
  return ref.by !== 'key' || ref.projectKey.toUpperCase() === project.key.key.toUpperCase();
}

/** `location` is `ancestorId` or inside it (a room in a building in a region). */
export function isWithinLocation(location: Location, ancestorId: string): boolean {
  for (let l: Location | null = location; l; l = l.parent) if (l.id === ancestorId) return true;
  return false;
}

/** The project named by the route's `{project}` parameter, visible to the viewer (else 404). */
export function projectParam(ctx: RequestContext): Project {
  return resolveProject(ctx.dataset, ctx.params.project as string, ctx.viewer);
}

const projectCollator = new Intl.Collator('en', { sensitivity: 'base' });

/** The projects `viewer` may see, by name. */
export function visibleProjects(ds: Dataset, viewer: MemberProfile): Project[] {
  return ds.projects
    .filter((p) => isProjectVisible(p, viewer))
    .sort((a, b) => projectCollator.compare(a.name, b.name));
}
