/**
 * Resolution of Space identifiers in paths and parameters (space-api.md §4): `me`, `id:x`, `username:x`,
 * `key:ABC`, `key:ABC-T-12`, `number:12`… Also project visibility: private projects exist only for members.
 */
import type { Dataset } from './dataset.ts';
import type { CodeReviewWithCount, Issue, MemberProfile, Project, Team } from './space-types.ts';
import { ApiError, notFound, validationError } from './wire.ts';

/** Splits `prefix:value` at the first colon; values may contain colons themselves. */
function splitIdentifier(identifier: string): [prefix: string, value: string] | null {
  const colon = identifier.indexOf(':');
  if (colon <= 0) return null;
  return [identifier.slice(0, colon), identifier.slice(colon + 1)];
}

/**
 * `me`, `id:x`, `username:x`, `externalId:x`, `email:x`. A bare string is not an identifier in Space's syntax;
 * [I] guessed: Space answers 400 for it rather than 404.
 */
export function resolveProfile(ds: Dataset, identifier: string, viewer: MemberProfile): MemberProfile {
  if (identifier === 'me') return viewer;
  const parts = splitIdentifier(identifier);
  if (!parts) throw validationError(`Invalid profile identifier '${identifier}'`);
  const [prefix, value] = parts;
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
 * Profile filters in list parameters (`profiles`, `member`, `assigneeId`…). [I] Some endpoints take raw ids,
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

/** `key:ABC` (case-insensitive) or `id:x`. */
export function resolveProject(ds: Dataset, identifier: string, viewer: MemberProfile): Project {
  const parts = splitIdentifier(identifier);
  if (!parts || (parts[0] !== 'key' && parts[0] !== 'id')) throw validationError(`Invalid project identifier '${identifier}'`);
  const [prefix, value] = parts;
  const project = prefix === 'key' ? ds.projectByKey.get(value.toUpperCase()) : ds.projectById.get(value);
  if (!project || !isProjectVisible(project, viewer)) throw notFound('Project');
  return project;
}

/** `id:x` or `name:Team name` (used by `/projects/team:{team}`). */
export function resolveTeam(ds: Dataset, identifier: string): Team {
  const parts = splitIdentifier(identifier);
  if (!parts || (parts[0] !== 'id' && parts[0] !== 'name')) throw validationError(`Invalid team identifier '${identifier}'`);
  const [prefix, value] = parts;
  const team = prefix === 'id' ? ds.teamById.get(value) : ds.teams.find((t) => t.name === value);
  if (!team) throw notFound('Team');
  return team;
}

const ISSUE_KEY = /^([A-Za-z][A-Za-z0-9_-]*)-T-(\d+)$/;

/** `id:x` or `key:ABC-T-12`, optionally restricted to one project. */
export function resolveIssue(ds: Dataset, identifier: string, viewer: MemberProfile, inProject?: Project): Issue {
  const parts = splitIdentifier(identifier);
  if (!parts) throw validationError(`Invalid issue identifier '${identifier}'`);
  const [prefix, value] = parts;
  let issue: Issue | undefined;
  if (prefix === 'id') {
    issue = ds.issues.find((i) => i.id === value);
  } else if (prefix === 'key') {
    const match = ISSUE_KEY.exec(value);
    if (!match) throw validationError(`Invalid issue key '${value}'`);
    const project = ds.projectByKey.get((match[1] as string).toUpperCase());
    issue = project ? ds.issuesByProject.get(project.id)?.find((i) => i.number === Number(match[2])) : undefined;
  } else {
    throw validationError(`Invalid issue identifier '${identifier}'`);
  }
  if (!issue || !isProjectVisible(issue.projectRef, viewer) || (inProject && issue.projectRef !== inProject)) {
    throw notFound('Issue');
  }
  return issue;
}

const REVIEW_KEY = /^([A-Za-z][A-Za-z0-9_-]*)-(MR|CR)-(\d+)$/;

/**
 * `id:x`, `number:n`, `key:ABC-MR-12` / `key:ABC-CR-12`. [I] guessed: the MR/CR letters must match the review's
 * kind (a merge request is not found as `ABC-CR-n`).
 */
export function resolveReview(ds: Dataset, identifier: string, project: Project): CodeReviewWithCount {
  const reviews = ds.reviewsByProject.get(project.id) ?? [];
  const parts = splitIdentifier(identifier);
  if (!parts) throw validationError(`Invalid review identifier '${identifier}'`);
  const [prefix, value] = parts;
  let found: CodeReviewWithCount | undefined;
  if (prefix === 'id') {
    found = reviews.find((r) => r.review.id === value);
  } else if (prefix === 'number') {
    if (!/^\d+$/.test(value)) throw validationError(`Invalid review number '${value}'`);
    found = reviews.find((r) => r.review.number === Number(value));
  } else if (prefix === 'key') {
    const match = REVIEW_KEY.exec(value);
    if (!match) throw validationError(`Invalid review key '${value}'`);
    const className = match[2] === 'MR' ? 'MergeRequestRecord' : 'CommitSetReviewRecord';
    if ((match[1] as string).toUpperCase() === project.key.key.toUpperCase()) {
      found = reviews.find((r) => r.review.number === Number(match[3]) && r.review.className === className);
    }
  } else {
    throw validationError(`Invalid review identifier '${identifier}'`);
  }
  if (!found) throw notFound('Code review');
  return found;
}
