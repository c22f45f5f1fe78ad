/**
 * Space answers against the code that reads them, at two levels:
 *
 *  - `mapperProperty`: one mapper target (mapper-targets.ts) called directly with generated JSON. It returns its
 *    typed result or throws a `ShapeError` (the "unexpected answer" error, which the HTTP layer turns into
 *    `bad-response`) whose path names only our own fields — never a TypeError, a RangeError or a stack overflow.
 *  - `clientProperty`: every `SpaceApi` method of the real client over a generated Space (fake-space.ts): it
 *    resolves to its typed result or rejects with a `SpaceError`, whatever the status, headers or body.
 */
import fc from 'fast-check';
import type { SpaceApi } from '../../src/space/api.ts';
import { createSpaceClient } from '../../src/space/client.ts';
import { isSpaceError } from '../../src/space/errors.ts';
import { ShapeError } from '../../src/space/parse.ts';
import { POOL, generatedSpace } from './fake-space.ts';
import { parseFields } from './fields-shape.ts';
import { answers } from './json.ts';
import type { MapContext, MapperTarget } from './mapper-targets.ts';
import { batch, entity, exact, matches, oneOf, type Check } from './results.ts';

const CONTEXTS: readonly MapContext[] = [
  { origin: 'https://space.example.com', today: '2024-05-10' },
  { origin: 'http://127.0.0.1:8084', today: '2030-01-01' },
  { origin: 'https://space.example.com:8443', today: '1999-12-31' },
];

/** A ShapeError's path: `$`, then our field names and indexes (space-api field names are plain identifiers). */
const SHAPE_PATH = /^\$(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/;

export function mapperProperty(target: MapperTarget): fc.IProperty<[unknown, MapContext]> {
  const arb = answers(target.template, target.fields === null ? null : parseFields(target.fields), POOL);
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

type Method = Exclude<keyof SpaceApi, 'origin'>;

/** Every method of SpaceApi (typed: a method added to SpaceApi must be added here) and what it resolves to. */
const CLIENT_CALLS: { [M in Method]: { call: (api: SpaceApi) => Promise<unknown>; check: (origin: string) => Check } } = {
  me: { call: (api) => api.me(), check: (o) => entity('person', o) },
  searchPeople: { call: (api) => api.searchPeople('jo'), check: (o) => batch(entity('person', o)) },
  person: { call: (api) => api.person('John.Doe'), check: (o) => entity('person', o) },
  searchLocations: { call: (api) => api.searchLocations('am', { top: 2, skip: '1' }), check: (o) => batch(entity('location', o)) },
  location: { call: (api) => api.location('l1'), check: (o) => entity('location', o) },
  searchTeams: { call: (api) => api.searchTeams('web'), check: (o) => batch(entity('team', o)) },
  team: { call: (api) => api.team('t1'), check: (o) => entity('team', o) },
  searchProjects: { call: (api) => api.searchProjects('al', { starred: true }), check: (o) => batch(entity('project', o)) },
  myProjects: { call: (api) => api.myProjects(), check: (o) => batch(entity('project', o)) },
  project: { call: (api) => api.project('ABC'), check: (o) => entity('project', o) },
  searchIssues: { call: (api) => api.searchIssues('ABC', 'login'), check: (o) => batch(entity('issue', o)) },
  issueByKey: { call: (api) => api.issueByKey('ABC-T-123'), check: (o) => entity('issue', o) },
  issueByNumber: { call: (api) => api.issueByNumber('ABC', 123), check: (o) => entity('issue', o) },
  searchRepositories: { call: (api) => api.searchRepositories('back'), check: (o) => batch(entity('repository', o)) },
  repository: { call: (api) => api.repository('ABC', 'backend'), check: (o) => entity('repository', o) },
  searchReviews: { call: (api) => api.searchReviews('ABC', 'fix'), check: (o) => batch(entity('review', o)) },
  reviewByKey: { call: (api) => api.reviewByKey('ABC-MR-188'), check: (o) => entity('review', o) },
  searchChannels: { call: (api) => api.searchChannels(''), check: (o) => batch(entity('channel', o)) },
  searchArticles: { call: (api) => api.searchArticles(''), check: (o) => batch(entity('article', o)) },
  article: { call: (api) => api.article('a1'), check: (o) => entity('article', o) },
  searchCode: { call: (api) => api.searchCode('albedo'), check: (o) => batch(entity('code', o)) },
  avatar: {
    call: (api) => api.avatar('vYK0b1Qisdf2C').then((a) => ({ contentType: a.contentType, bytes: a.bytes instanceof Uint8Array })),
    check: () => exact({ contentType: matches(/^image\/(?:png|jpeg|gif|webp)$/), bytes: oneOf(true) }),
  },
  revokeCurrentToken: { call: (api) => api.revokeCurrentToken().then((v) => v ?? null), check: () => oneOf(null) },
};

export const CLIENT_METHODS = Object.keys(CLIENT_CALLS) as Method[];

/** Methods the real client has that the table lacks (a method added at run time only, say). */
export function uncoveredClientMethods(): string[] {
  const api = createSpaceClient({ origin: 'https://space.example.com', token: 't', fetch: (() => Promise.reject(new Error('unused'))) as typeof fetch });
  return Object.keys(api).filter((k) => k !== 'origin' && !Object.hasOwn(CLIENT_CALLS, k));
}

const ORIGIN = 'https://space.example.com';
const TOKEN = 'tok_FUZZ_SENTINEL_42';

export function clientProperty(): fc.IAsyncProperty<[Method, fc.GeneratorValue]> {
  return fc.asyncProperty(fc.constantFrom(...CLIENT_METHODS), fc.gen(), async (method, g) => {
    const space = generatedSpace(g, ORIGIN);
    const api = createSpaceClient({ origin: ORIGIN, token: TOKEN, fetch: space.fetch, retry: { retries: 0 }, timeoutMs: 5_000 });
    let out: unknown;
    try {
      out = await CLIENT_CALLS[method].call(api);
    } catch (e) {
      if (!isSpaceError(e)) throw e;
      const details = JSON.stringify({ ...e, message: e.message });
      if (details.includes(TOKEN)) throw new Error(`${method}: the token is in a SpaceError`, { cause: e });
      // Every answer had a 2xx status: the only failure left is an answer we can't read.
      const allOk = space.calls.every((c) => c.status >= 200 && c.status < 300);
      if (allOk && e.code !== 'bad-response') {
        throw new Error(`${method}: 2xx answers failed as ${e.code}, not bad-response`, { cause: e });
      }
      return;
    }
    const wrong = CLIENT_CALLS[method].check(ORIGIN)(out, method);
    if (wrong) throw new Error(`untyped result: ${wrong}`);
  });
}
