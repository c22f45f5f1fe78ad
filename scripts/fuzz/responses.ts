/**
 * Space answers against the code that reads them, at two levels:
 *
 *  - `mapperProperty`: one mapper target (mapper-targets.ts) called directly with generated JSON. It returns its
 *    typed result or throws a `ShapeError` (the "unexpected answer" error, which the HTTP layer turns into
 *    `bad-response`) whose path names only our own fields — never a TypeError, a RangeError or a stack overflow.
 *  - `kindSuite`: one kind's search and details (kind-answers.ts) over a SpaceApi whose `get` feeds each request's
 *    own mapper generated answers: a typed result, or a `SpaceError`.
 *  - `clientProperty`: every call of the real client, and every kind's search and details through it, over a
 *    generated Space (fake-space.ts): it resolves to its typed result or rejects with a `SpaceError`, whatever the
 *    status, headers or body.
 */
import fc from 'fast-check';
import type { SpaceApi } from '../../src/space/api.ts';
import { createSpaceClient } from '../../src/space/client.ts';
import type { SpaceRequest } from '../../src/space/endpoint.ts';
import { SpaceError, isSpaceError, type SpaceErrorCode } from '../../src/space/errors.ts';
import { ShapeError } from '../../src/space/parse.ts';
import { answersFor, generatedSpace, loadAnswers } from './fake-space.ts';
import { parseFields } from './fields-shape.ts';
import { answers, poolOf } from './json.ts';
import { kindRecording, uncoveredKindOperations, type KindProbe } from './kind-answers.ts';
import { MAPPER_TARGETS, type MapContext, type MapperTarget } from './mapper-targets.ts';
import { batch, entity, exact, matches, oneOf, type Check } from './results.ts';
import { myProjects, searchProjects } from '../../src/kinds/project/space.ts';

const CONTEXTS: readonly MapContext[] = [
  { origin: 'https://space.example.com', today: '2024-05-10' },
  { origin: 'http://127.0.0.1:8084', today: '2030-01-01' },
  { origin: 'https://space.example.com:8443', today: '1999-12-31' },
];

/** A ShapeError's path: `$`, then our field names and indexes (space-api field names are plain identifiers). */
const SHAPE_PATH = /^\$(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/;

/** Leaf values for `$fields`-shaped answers of the mapper targets: their own templates only, whatever else ran. */
const TARGET_POOL = poolOf(MAPPER_TARGETS.map((t) => t.template));

export function mapperProperty(target: MapperTarget): fc.IProperty<[unknown, MapContext]> {
  const arb = answers(target.template, target.fields === null ? null : parseFields(target.fields), TARGET_POOL);
  return fc.property(arb, fc.constantFrom(...CONTEXTS), (json, ctx) => {
    let out: unknown;
    try {
      out = target.run(json as never, ctx);
    } catch (e) {
      if (e instanceof ShapeError) {
        if (!SHAPE_PATH.test(e.path)) throw new Error(`ShapeError path is not ours: ${JSON.stringify(e.path).slice(0, 200)}`, { cause: e });
        return;
      }
      throw e;
    }
    const wrong = target.check(ctx)(out, target.name);
    if (wrong) throw new Error(`untyped result: ${wrong}`);
  });
}

/** Ends a run's `get` the way the real client can, whatever the answer: the kinds must take each in their stride. */
const FAILURE_CODES: readonly SpaceErrorCode[] = ['not-found', 'unsupported', 'forbidden', 'bad-response', 'server', 'rate-limited', 'unauthorized'];

/** Mostly none: one call in sixteen fails. */
const FAILURE: fc.Arbitrary<SpaceErrorCode | null> = fc.oneof(
  { weight: 15, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(...FAILURE_CODES) },
);

/**
 * A SpaceApi whose `get` feeds the request's own `map` an answer generated from its `$fields` (the demo's answer
 * for that selection, mutated: fake-space.ts `answersFor`), as the client does: a ShapeError becomes the client's
 * `bad-response`; now and then the call fails as Space can make it fail instead.
 */
function generatedApi(g: fc.GeneratorValue, origin: string, problems: string[]): SpaceApi {
  const unused = () => Promise.reject(new Error('a kind calls only get'));
  return {
    origin, me: unused, avatar: unused, revokeCurrentToken: unused,
    get<T>(request: SpaceRequest<T>): Promise<T> {
      const failure = g(() => FAILURE);
      if (failure !== null) {
        return Promise.reject(new SpaceError(failure, { op: request.op, ...(failure === 'unsupported' || failure === 'not-found' ? { status: 404 } : {}) }));
      }
      const json = g(() => answersFor(request.fields));
      try {
        return Promise.resolve(request.map(json, origin));
      } catch (e) {
        if (e instanceof ShapeError) {
          // Noted, not thrown: a search that merges several requests may drop one failure.
          if (!SHAPE_PATH.test(e.path)) problems.push(`${request.op}: ShapeError path is not ours: ${JSON.stringify(e.path).slice(0, 200)}`);
          return Promise.reject(new SpaceError('bad-response', { op: request.op }));
        }
        problems.push(`${request.op}: its map threw ${String(e)}`);
        return Promise.reject(e as Error);
      }
    },
  };
}

/**
 * One kind's search and details (kind-answers.ts: its probes) over `generatedApi`: each resolves to its typed result
 * (a `Found` of the kind's entities, or one entity on the configured origin) or rejects with a SpaceError.
 */
export async function kindSuite(kind: string): Promise<{ property: fc.IAsyncProperty<[KindProbe, MapContext, fc.GeneratorValue]>; summary(): string }> {
  await loadAnswers();
  const probes = (await kindRecording()).probes.filter((p) => p.kind === kind);
  if (probes.length === 0) throw new Error(`fuzz: no probe of the ${kind} kind (kind-answers.ts)`);
  /** Per probe: how its runs ended (`ok`, `items` read in all, or the SpaceError's code). */
  const tally = new Map<string, Map<string, number>>();
  const count = (probe: string, outcome: string, n = 1) => {
    const line = tally.get(probe) ?? new Map<string, number>();
    line.set(outcome, (line.get(outcome) ?? 0) + n);
    tally.set(probe, line);
  };
  const property = fc.asyncProperty(fc.constantFrom(...probes), fc.constantFrom(...CONTEXTS), fc.gen(), async (probe, ctx, g) => {
    let out: unknown;
    const problems: string[] = [];
    try {
      out = await probe.run(generatedApi(g, ctx.origin, problems), new AbortController().signal);
    } catch (e) {
      if (problems.length > 0) throw new Error(`${probe.name}: ${problems.join('; ')}`, { cause: e });
      if (isSpaceError(e)) {
        count(probe.name, e.code);
        return;
      }
      throw new Error(`${probe.name}: threw ${String(e)}`, { cause: e });
    }
    if (problems.length > 0) throw new Error(`${probe.name}: ${problems.join('; ')}`);
    const wrong = probe.check(ctx.origin)(out, probe.name);
    if (wrong) throw new Error(`${probe.name}: untyped result: ${wrong}`);
    count(probe.name, 'ok');
    const items = (out as { items?: unknown[] }).items;
    count(probe.name, 'items', Array.isArray(items) ? items.length : 1);
  });
  const summary = () => [...tally].map(([probe, line]) => `${probe}: ${[...line].map(([k, n]) => `${k} ${n}`).join(', ')}`).join('\n');
  return { property, summary };
}

interface ClientCall { call: (api: SpaceApi) => Promise<unknown>; check: (origin: string) => Check }

/**
 * Every call of the client's own (`SpaceApi`, but `get`, which serves the kinds' requests: their probes run through
 * it too, `clientProperty`), the worker's own uses of a kind's requests, and what each resolves to.
 * `uncoveredClientMethods` names any client method the table lacks.
 */
const CLIENT_CALLS: Record<string, ClientCall> = {
  me: { call: (api) => api.me(), check: (o) => entity('person', o) },
  // The worker's own uses of a kind's requests, beside the kinds' searches: the project scope (search/scope.ts:
  // starred, then member projects) and the Options page's project picker (handlers/projects.ts).
  'worker.starredProjects': { call: (api) => searchProjects(api, '', { top: 20, starred: true }), check: (o) => batch(entity('project', o)) },
  'worker.myProjects': { call: (api) => myProjects(api, { top: 20 }), check: (o) => batch(entity('project', o)) },
  avatar: {
    call: (api) => api.avatar('vYK0b1Qisdf2C').then((a) => ({ contentType: a.contentType, bytes: a.bytes instanceof Uint8Array })),
    check: () => exact({ contentType: matches(/^image\/(?:png|jpeg|gif|webp)$/), bytes: oneOf(true) }),
  },
  revokeCurrentToken: { call: (api) => api.revokeCurrentToken().then((v) => v ?? null), check: () => oneOf(null) },
};

export const CLIENT_METHODS = Object.keys(CLIENT_CALLS);

/** Methods of the real client (but `get`) the table lacks, and `<kind>.<op>` of a kind's request no probe sends. */
export async function uncoveredClientMethods(): Promise<string[]> {
  const api = createSpaceClient({ origin: 'https://space.example.com', token: 't', fetch: (() => Promise.reject(new Error('unused'))) as typeof fetch });
  const calls = Object.keys(api).filter((k) => k !== 'origin' && k !== 'get');
  // The kinds' requests these calls send count as fuzzed too.
  const ops = new Set<string>();
  const recording: SpaceApi = {
    origin: ORIGIN,
    me: () => Promise.reject(new SpaceError('server')),
    avatar: () => Promise.reject(new SpaceError('server')),
    revokeCurrentToken: () => Promise.reject(new SpaceError('server')),
    get: (request) => {
      ops.add(request.op);
      return Promise.reject(new SpaceError('server'));
    },
  };
  await Promise.all(Object.values(CLIENT_CALLS).map((c) => c.call(recording).catch(() => undefined)));
  return [...calls.filter((name) => !Object.hasOwn(CLIENT_CALLS, name)), ...await uncoveredKindOperations(ops)];
}

const ORIGIN = 'https://space.example.com';
const TOKEN = 'tok_FUZZ_SENTINEL_42';

/**
 * The client's own calls and every kind's probes through the real client over a generated Space (fake-space.ts):
 * each resolves to its typed result or rejects with a SpaceError, whatever the status, headers or body.
 */
export async function clientProperty(): Promise<fc.IAsyncProperty<[ClientCall & { name: string }, fc.GeneratorValue]>> {
  await loadAnswers();
  const { probes } = await kindRecording();
  const calls = [
    ...Object.entries(CLIENT_CALLS).map(([name, c]) => ({ name, ...c })),
    ...probes.map((p): ClientCall & { name: string } => ({ name: p.name, call: (api) => p.run(api, new AbortController().signal), check: p.check })),
  ];
  return fc.asyncProperty(fc.constantFrom(...calls), fc.gen(), async (method, g) => {
    const space = generatedSpace(g, ORIGIN);
    const api = createSpaceClient({ origin: ORIGIN, token: TOKEN, fetch: space.fetch, retry: { retries: 0 }, timeoutMs: 5_000 });
    let out: unknown;
    try {
      out = await method.call(api);
    } catch (e) {
      if (!isSpaceError(e)) throw e;
      const details = JSON.stringify({ ...e, message: e.message });
      if (details.includes(TOKEN)) throw new Error(`${method.name}: the token is in a SpaceError`, { cause: e });
      // Every answer had a 2xx status: the only failure left is an answer we can't read.
      const allOk = space.calls.every((c) => c.status >= 200 && c.status < 300);
      if (allOk && e.code !== 'bad-response') {
        throw new Error(`${method.name}: 2xx answers failed as ${e.code}, not bad-response`, { cause: e });
      }
      return;
    }
    const wrong = method.check(ORIGIN)(out, method.name);
    if (wrong) throw new Error(`untyped result: ${wrong}`);
  });
}
