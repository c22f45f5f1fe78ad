/**
 * A minimal path router for the API under `/api/http`: literal segments, `{param}` segments (optionally
 * constrained by a regular expression). The most specific match wins, segment by segment from the left: a literal
 * beats a constrained parameter, which beats a bare one — so routes can come from kind modules in any order
 * (`/projects/source-search` beats `/projects/{project}`, `/blog/{alias}` with `alias:` beats `/blog/{id}`).
 */
import type { Dataset } from './dataset.ts';
import type { MemberProfile } from './world-types.ts';

export type Method = 'GET' | 'POST' | 'DELETE';

/** Query parameters. Array parameters arrive as repeated keys ([C] NET); `name[]` keys are accepted too. */
export class QueryParams {
  constructor(private readonly params: URLSearchParams) {}

  get(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  getAll(name: string): string[] {
    return [...this.params.getAll(name), ...this.params.getAll(`${name}[]`)];
  }

  /** `true`/`false` (case-insensitive); anything else is the fallback. */
  flag(name: string, fallback: boolean): boolean {
    const value = this.get(name)?.toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    return fallback;
  }

  toRecord(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [key, value] of this.params) (out[key] ??= []).push(value);
    return out;
  }
}

export interface RequestContext {
  params: Record<string, string>;
  query: QueryParams;
  dataset: Dataset;
  /** The owner of the Bearer token. */
  viewer: MemberProfile;
  now: number;
  /** Restricted mode: the token lacks the rights to read other people's details (see DemoServerOptions). */
  restricted: boolean;
  /** Revokes the token of this request (for `permanent-tokens/current`). */
  revokeCurrentToken(): void;
}

/** A handler's answer: a JSON value cut down by `$fields`, or NO_CONTENT for an empty 200. */
export const NO_CONTENT = Symbol('no-content');
export type HandlerResult = unknown;
export type Handler = (ctx: RequestContext) => HandlerResult;

type Segment = { literal: string } | { param: string; constraint?: RegExp };

/** Switches of a running server a route may depend on (DemoServerOptions, `/__demo/…`). */
export interface ServerSwitches {
  restricted: boolean;
  sourceSearch: boolean;
}

export interface Route {
  method: Method;
  pattern: string;
  segments: Segment[];
  handler: Handler;
  /**
   * When false the server answers like one without this endpoint: a bare 404, before authentication (e.g. source
   * search on a Space older than 2024.3). Always served when absent.
   */
  servedWhen?: (switches: ServerSwitches) => boolean;
}

export interface RouteOptions {
  /** Regular expressions `{param}` values must match, by parameter name. */
  constraints?: Record<string, RegExp>;
  servedWhen?: (switches: ServerSwitches) => boolean;
}

export function route(method: Method, pattern: string, handler: Handler, options: RouteOptions = {}): Route {
  const segments = pattern.split('/').filter(Boolean).map((part): Segment => {
    const param = /^\{(\w+)\}$/.exec(part)?.[1];
    return param ? { param, constraint: options.constraints?.[param] } : { literal: part };
  });
  return { method, pattern, segments, handler, ...(options.servedWhen ? { servedWhen: options.servedWhen } : {}) };
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: Method[] }
  | { kind: 'not-found' };

/** `segments` are already percent-decoded. */
export function matchRoute(routes: readonly Route[], method: string, segments: readonly string[]): RouteMatch {
  const allowed = new Set<Method>();
  let best: { route: Route; params: Record<string, string>; score: number[] } | null = null;
  for (const candidate of routes) {
    const params = matchSegments(candidate.segments, segments);
    if (!params) continue;
    if (candidate.method !== method) {
      allowed.add(candidate.method);
      continue;
    }
    const score = specificity(candidate.segments);
    if (best === null || compareScores(score, best.score) > 0) best = { route: candidate, params, score };
  }
  if (best !== null) return { kind: 'found', route: best.route, params: best.params };
  return allowed.size > 0 ? { kind: 'method-not-allowed', allowed: [...allowed] } : { kind: 'not-found' };
}

/** Per segment: literal 3, constrained parameter 2, bare parameter 1. */
function specificity(pattern: readonly Segment[]): number[] {
  return pattern.map((s) => ('literal' in s ? 3 : s.constraint ? 2 : 1));
}

function compareScores(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  }
  return 0;
}

function matchSegments(pattern: readonly Segment[], actual: readonly string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as Segment;
    const value = actual[i] as string;
    if ('literal' in expected) {
      if (expected.literal !== value) return null;
    } else {
      // An empty segment (`/projects/`, `//`) is never a parameter: such paths are not endpoints.
      if (value === '' || (expected.constraint && !expected.constraint.test(value))) return null;
      params[expected.param] = value;
    }
  }
  return params;
}
