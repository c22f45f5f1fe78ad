/**
 * Paths of the Space endpoints the client calls (space-api.md §2a, all present in both the 2024-11 SDK
 * and the 2024.3 spec), relative to `/api/http` (except `attachment`). Identifier prefixes (`key:`, `username:`) stay literal;
 * every value is percent-encoded, so user input can never add a path segment or a query.
 */
import { SpaceError } from './errors.ts';
import { encodeComponent } from './uri-component.ts';

/** A raw id segment. Empty or dot segments would change the path itself, so they can't name anything. */
function seg(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new SpaceError('not-found', { reason: 'empty-id' });
  }
  return encodeComponent(value);
}

/** `key:ABC`, `username:alex` — a typed identifier segment. */
function ident(prefix: string, value: string): string {
  if (value === '') throw new SpaceError('not-found', { reason: 'empty-id' });
  return `${prefix}:${encodeComponent(value)}`;
}

const profile = (username: string) => `/team-directory/profiles/${ident('username', username)}`;
const project = (key: string) => `/projects/${ident('key', key)}`;

export const paths = {
  me: '/team-directory/profiles/me',
  profiles: '/team-directory/profiles',
  profile,
  profileTimeZone: (username: string) => `${profile(username)}/timezone`,
  profileWorkingDays: (username: string) => `${profile(username)}/working-days`,
  absences: '/absences',
  locations: '/team-directory/locations',
  location: (id: string) => `/team-directory/locations/${seg(id)}`,
  teams: '/team-directory/teams',
  team: (id: string) => `/team-directory/teams/${seg(id)}`,
  projects: '/projects',
  /** Projects of a member; `me` is a valid profile identifier. */
  myProjects: '/projects/member:me',
  project,
  issues: (projectKey: string) => `${project(projectKey)}/planning/issues`,
  issueByKey: (projectKey: string, issueKey: string) => `${project(projectKey)}/planning/issues/${ident('key', issueKey)}`,
  issueByNumber: (projectKey: string, number: number) => `${project(projectKey)}/planning/issues/number:${number}`,
  repositoriesFind: '/projects/repositories/find',
  repository: (projectKey: string, name: string) => `${project(projectKey)}/repositories/${seg(name)}`,
  reviews: (projectKey: string) => `${project(projectKey)}/code-reviews`,
  /** `number:{n}` [C §4, NET `ReviewIdentifier`]: per project, the same for merge requests and commit-set reviews. */
  reviewByNumber: (projectKey: string, number: number) => `${project(projectKey)}/code-reviews/number:${number}`,
  revokeCurrentToken: '/team-directory/profiles/me/permanent-tokens/current',
  /** Chat channels whose name or description contains `query` (required) [C NET `ListAllChannelsAsync`]. */
  allChannels: '/chats/channels/all-channels',
  blog: '/blog',
  /** One article by its raw id [C OAS `GET /blog/{id}`]. */
  article: (id: string) => `/blog/${seg(id)}`,
  /** Global source search: in the 2024.3 spec only, not in the 2024-11 SDK, so older servers lack it (§12). */
  sourceSearch: '/projects/source-search',
  /** `/d/{attachmentId}`: avatars and other attachments [C]; on the origin itself, not under `/api/http`. */
  attachment: (id: string) => `/d/${seg(id)}`,
} as const;
