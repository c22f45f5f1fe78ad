/**
 * Which kind a request served, by its endpoint (paths as the demo server records them). Every kind of ALL_KINDS
 * has its search endpoint here (a `Record` over `EntityKind`: a new kind without its line is a compile error,
 * and request-kind.test.ts checks each line against the request the kind really sends), so the request counts
 * cover every group the popup shows.
 */
import { ALL_KINDS, type EntityKind } from '../../src/shared/kinds.ts';
import type { RecordedRequest } from '../demo-space/server.ts';

export type RequestKind = EntityKind | 'scope' | 'details' | 'avatar' | 'other';
type Query = RecordedRequest['query'];

/** Each kind's text search: one request (issues and reviews: one per project in scope). */
const SEARCH_ENDPOINTS: { readonly [K in EntityKind]: (path: string, query: Query) => boolean } = {
  person: (p) => p === '/team-directory/profiles',
  team: (p) => p === '/team-directory/teams',
  location: (p) => p === '/team-directory/locations',
  // Starred projects are the issue/review scope (below), not the project group.
  project: (p, q) => p === '/projects' && q.starred?.[0] !== 'true',
  issue: (p) => /^\/projects\/[^/]+\/planning\/issues$/.test(p),
  repository: (p) => p === '/projects/repositories/find',
  review: (p) => /^\/projects\/[^/]+\/code-reviews$/.test(p),
  channel: (p) => p === '/chats/channels/all-channels',
  article: (p) => p === '/blog',
  code: (p) => p === '/projects/source-search',
};

export function kindOf(r: Pick<RecordedRequest, 'path' | 'query'>): RequestKind {
  const p = r.path.replace(/^\/api\/http/, '');
  if (p.startsWith('/d/')) return 'avatar';
  if (p === '/projects/member:me' || (p === '/projects' && r.query.starred?.[0] === 'true')) return 'scope';
  const kind = ALL_KINDS.find((k) => SEARCH_ENDPOINTS[k](p, r.query));
  if (kind) return kind;
  // What the card of the active result loads (profile, time zone, working days, absences, team, project, issue…).
  if (/^\/team-directory\/(profiles|teams|locations)\/[^/]+/.test(p) || p === '/absences' || /^\/projects\/key:[^/]+($|\/.)/.test(p) || /^\/blog\/[^/]+$/.test(p)) {
    return 'details';
  }
  return 'other';
}

export function kindOfUrl(url: string): RequestKind {
  const u = new URL(url);
  const query: Record<string, string[]> = {};
  for (const [k, v] of u.searchParams) (query[k] ??= []).push(v);
  return kindOf({ path: decodeURIComponent(u.pathname), query });
}

/** A kind's search request (what "requests per query" counts). */
export const isSearch = (k: RequestKind): k is EntityKind => (ALL_KINDS as readonly string[]).includes(k);

/** The text a search request asked for, under whichever name its endpoint gives it. */
export const searchedText = (r: Pick<RecordedRequest, 'query'>) => r.query.query?.[0] ?? r.query.term?.[0] ?? r.query.text?.[0] ?? '';
