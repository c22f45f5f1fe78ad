/**
 * Which kind a request served, by its endpoint (paths as the demo server records them). The search endpoints are not
 * listed here: at load, every kind of ALL_KINDS runs its own `search` (the registry, src/kinds/search-registry.ts)
 * against a recording `SpaceApi` with a sentinel query and project key, and each request it describes becomes that
 * kind's pattern (its path, the sentinel project key standing for any project). A new kind's search is counted
 * without a line here; request-kind.test.ts sends each kind's real search to the demo server and checks the
 * classification, and a kind whose search records no request fails here at load.
 *
 * The registry uses `import.meta.glob`: what imports this runs through Vite (`scripts/lib/vite-run.mjs`, vitest).
 */
import { kindSearch } from '../../src/kinds/search-registry.ts';
import { ALL_KINDS, type EntityKind } from '../../src/shared/kinds.ts';
import { parseQuery } from '../../src/shared/query.ts';
import type { SpaceApi } from '../../src/space/api.ts';
import type { SpaceRequest } from '../../src/space/endpoint.ts';
import type { RecordedRequest } from '../demo-space/server.ts';

export type RequestKind = EntityKind | 'scope' | 'details' | 'avatar' | 'waiting' | 'other';

/**
 * Waiting for you (issue 14: src/kinds/review/waiting.ts, src/kinds/issue/waiting.ts) lists a project's reviews and
 * issues on the search's own endpoints, told apart by their filters (`reviewer`, `assigneeId`): the popup asks it
 * once per open, and it is no search of what was typed.
 */
const isWaiting = (query: Record<string, string[]>) => query.reviewer !== undefined || query.assigneeId !== undefined;

/** Typed as text: not a key, not a project key (lower case), so every kind searches by text. */
const SENTINEL_QUERY = 'sentinelquery';
/** The project in scope for the kinds that search inside projects (issues, reviews): any project in the pattern. */
const SENTINEL_PROJECT = 'SENTINELPROJECT';

/** The paths of the requests `kind`'s search describes for a text query, each as a pattern over recorded paths. */
async function searchPatterns(kind: EntityKind): Promise<RegExp[]> {
  const paths: string[] = [];
  const recording: SpaceApi = {
    origin: 'https://space.invalid',
    me: () => Promise.reject(new Error('a search does not ask who the token is')),
    get<T>(request: SpaceRequest<T>): Promise<T> {
      paths.push(request.path);
      // An empty page, as every search reads it (a Batch): the search ends without more requests.
      return Promise.resolve({ items: [], next: null, totalCount: 0, unreadable: 0 } as T);
    },
    avatar: () => Promise.reject(new Error('a search loads no avatar')),
    revokeCurrentToken: () => Promise.reject(new Error('a search revokes nothing')),
  };
  await kindSearch(kind).search(recording, parseQuery(SENTINEL_QUERY), {
    signal: new AbortController().signal, top: 5, scopeProjects: () => Promise.resolve([SENTINEL_PROJECT]),
  });
  if (paths.length === 0) throw new Error(`request-kind.ts: the ${kind} kind's search sent no request for "${SENTINEL_QUERY}"`);
  return [...new Set(paths)].map((path) => new RegExp(`^${path.split(SENTINEL_PROJECT).map(escapeRegExp).join('[^/]+')}$`));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each kind's text search: one request (issues and reviews: one per project in scope). */
const SEARCH_PATTERNS: ReadonlyMap<EntityKind, readonly RegExp[]> = new Map(
  await Promise.all(ALL_KINDS.map(async (kind) => [kind, await searchPatterns(kind)] as const)),
);

/** The patterns of each kind's search requests (for tests and reports). */
export const searchPatternsOf = (kind: EntityKind): readonly RegExp[] => SEARCH_PATTERNS.get(kind) ?? [];

export function kindOf(r: Pick<RecordedRequest, 'path' | 'query'>): RequestKind {
  const p = r.path.replace(/^\/api\/http/, '');
  if (p.startsWith('/d/')) return 'avatar';
  if (p === '/projects/member:me' || (p === '/projects' && r.query.starred?.[0] === 'true')) return 'scope';
  // Starred projects are the issue/review scope (above), not the project group.
  if (isWaiting(r.query) && /^\/projects\/[^/]+\/(code-reviews|planning\/issues)$/.test(p)) return 'waiting';
  const kind = ALL_KINDS.find((k) => searchPatternsOf(k).some((pattern) => pattern.test(p)));
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
