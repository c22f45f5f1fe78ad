/**
 * The kinds' side of the fuzz, found from the kinds themselves (no line per kind here): every kind of ALL_KINDS
 * (src/shared/kinds.ts) is driven through its own worker side, `search` and `details` of its search.ts (the
 * registry, src/kinds/search-registry.ts), so every request descriptor its space.ts can build is fuzzed the way the
 * worker really builds it, mapper, `$fields` and web URL included.
 *
 * Realistic answers to mutate come from the demo Space server (scripts/demo-space, one module per kind): once per
 * process, `kindRecording()` runs each kind's search for its e2e query (the `e2e` case of its demo module) and for
 * key-shaped probe queries, then `details` for the first item found (its card's `detailsId`), against the demo server
 * through the real client, and keeps
 *
 *  - the probes: each (kind, search query or details id) that sent a request, replayed by the fuzz;
 *  - the demo's answer per `$fields` selection: the template the fuzz mutates for a request with that selection;
 *  - the operations (`op`) the kinds' requests had: `uncoveredKindOperations()` names any `op` of a kind's space.ts
 *    that no probe reached, and the fuzz refuses to run (and a unit test fails) until one does.
 *
 * The demo's data is built for a fixed day (FIXED_NOW), so the templates, and a seed's runs, are the same any day.
 */
import { readFileSync } from 'node:fs';
import { detailsIdOf } from '../../src/kinds/card-registry.tsx';
import type { Found, KindSearchContext } from '../../src/kinds/kind-search.ts';
import { kindSearch } from '../../src/kinds/search-registry.ts';
import { ALL_KINDS, type Entity, type EntityKind } from '../../src/shared/kinds.ts';
import { parseQuery } from '../../src/shared/query.ts';
import type { SpaceApi } from '../../src/space/api.ts';
import { createSpaceClient } from '../../src/space/client.ts';
import type { SpaceRequest } from '../../src/space/endpoint.ts';
import { loadKindModules } from '../demo-space/kind-modules.ts';
import { startDemoServer } from '../demo-space/server.ts';
import type { Json } from './json.ts';
import { entity, exact, arrayOf, int, type Check } from './results.ts';

/** Queries every kind is asked besides its e2e query: a project key and issue / review keys of the demo's ABC. */
const PROBE_QUERIES = ['ABC', 'ABC-T-42', 'ABC-MR-2', 'ABC-CR-1'] as const;
/** The demo's projects in scope for issues and reviews. */
const SCOPE = ['ABC', 'NAV'];
/** The demo's data is built for this day (it dates issues, articles… relative to it). */
const FIXED_NOW = Date.UTC(2025, 0, 15, 9, 0, 0);

export interface KindProbe {
  kind: EntityKind;
  /** `<kind> search "…"` or `<kind> details …`: how a failure names it. */
  name: string;
  /** Replays the search or the details load against `api`. */
  run(api: SpaceApi, signal: AbortSignal): Promise<unknown>;
  /** What it must resolve to for `origin`: a `Found` of the kind's entities, or one entity. */
  check(origin: string): Check;
}

export interface KindRecording {
  probes: readonly KindProbe[];
  /** The demo's answer for each `$fields` selection a kind asked with. */
  templates: ReadonlyMap<string, Json>;
  /** Every `op` the probes' requests had. */
  ops: ReadonlySet<string>;
}

const found = (kind: EntityKind) => (origin: string) => exact({ items: arrayOf(entity(kind, origin)), unreadable: int(0) });
const one = (kind: EntityKind) => (origin: string) => entity(kind, origin);

const context = (signal: AbortSignal): KindSearchContext => ({ signal, top: 5, scopeProjects: () => Promise.resolve([...SCOPE]) });

let recording: Promise<KindRecording> | null = null;

/** The probes and the demo's answers, recorded once per process. */
export function kindRecording(): Promise<KindRecording> {
  recording ??= record();
  return recording;
}

/** At most this many elements of each list of a template: the fuzz makes its own long lists. */
const TEMPLATE_LIST = 3;

/** The answer, its lists cut to TEMPLATE_LIST elements. */
function trimmed(json: unknown): Json {
  if (Array.isArray(json)) return json.slice(0, TEMPLATE_LIST).map(trimmed);
  if (json !== null && typeof json === 'object') return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, trimmed(v)]));
  return json as Json;
}

/** A page or array with something in it is a better template than an empty one. */
function richness(json: unknown): number {
  if (Array.isArray(json)) return json.length;
  if (json !== null && typeof json === 'object') {
    const data = (json as { data?: unknown }).data;
    return Array.isArray(data) ? data.length : 1;
  }
  return 0;
}

async function record(): Promise<KindRecording> {
  const realNow = Date.now;
  Date.now = () => FIXED_NOW;
  const server = await startDemoServer({}).finally(() => {
    Date.now = realNow;
  });
  const templates = new Map<string, Json>();
  const ops = new Set<string>();
  const probes: KindProbe[] = [];
  try {
    const client = createSpaceClient({ origin: server.url, token: server.token, retry: { retries: 0 } });
    let sent: string[] = [];
    const recorder: SpaceApi = {
      ...client,
      get<T>(request: SpaceRequest<T>, opts?: Parameters<SpaceApi['get']>[1]): Promise<T> {
        sent.push(request.op);
        ops.add(request.op);
        return client.get({
          ...request,
          map: (json, origin) => {
            const was = templates.get(request.fields);
            if (was === undefined || richness(json) > richness(was)) templates.set(request.fields, trimmed(json));
            return request.map(json, origin);
          },
        }, opts);
      },
    };
    const signal = new AbortController().signal;
    const modules = await loadKindModules();
    for (const kind of ALL_KINDS) {
      const search = kindSearch(kind);
      const e2e = modules.find((m) => m.kind === kind)?.e2e;
      const e2eQuery = e2e === undefined ? [] : [typeof e2e.query === 'string' ? e2e.query : e2e.query(server.dataset)];
      const seen = new Set<string>();
      for (const query of [...e2eQuery, ...PROBE_QUERIES]) {
        const parsed = parseQuery(query);
        sent = [];
        let result: Found<Entity> | null = null;
        try {
          result = await search.search(recorder, parsed, context(signal)) as Found<Entity>;
        } catch {
          // A probe query the kind refuses is still a request shape worth fuzzing.
        }
        const shape = [...new Set(sent)].sort().join(',');
        if (sent.length === 0 || seen.has(shape)) continue;
        seen.add(shape);
        probes.push({ kind, name: `${kind} search ${JSON.stringify(query)}`, run: (api, s) => search.search(api, parsed, context(s)), check: found(kind) });
        const first = result?.items[0];
        const id = first === undefined ? null : detailsIdOf(first);
        const load = id === null ? null : search.details(id);
        if (id === null || load === null || seen.has(`details:${id}`)) continue;
        seen.add(`details:${id}`);
        try {
          await load(recorder, { signal });
        } catch {
          // Recorded what it sent all the same.
        }
        probes.push({ kind, name: `${kind} details ${JSON.stringify(id)}`, run: (api, s) => load(api, { signal: s }), check: one(kind) });
      }
      if (!probes.some((p) => p.kind === kind)) throw new Error(`fuzz: the ${kind} kind's search sent no request to the demo server`);
    }
  } finally {
    await server.close();
  }
  return { probes, templates, ops };
}

/** `op: '…'` of every request descriptor in a kind's space.ts. */
export function declaredOperations(kind: EntityKind): string[] {
  let source: string;
  try {
    source = readFileSync(new URL(`../../src/kinds/${kind}/space.ts`, import.meta.url), 'utf8');
  } catch {
    return [];
  }
  return [...new Set([...source.matchAll(/\bop:\s*'([^']+)'/g)].map((m) => m[1]!))];
}

/** `<kind>.<op>` of every descriptor a kind's space.ts declares that no probe's request (nor one of `also`) had. */
export async function uncoveredKindOperations(also: ReadonlySet<string> = new Set()): Promise<string[]> {
  const { ops } = await kindRecording();
  return ALL_KINDS.flatMap((kind) => declaredOperations(kind).filter((op) => !ops.has(op) && !also.has(op)).map((op) => `${kind}.${op}`));
}
