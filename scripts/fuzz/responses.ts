/**
 * Space answers against the code that reads them, at two levels:
 *
 *  - `mapperProperty`: one mapper target (mapper-targets.ts) called directly with generated JSON. It returns its
 *    typed result or throws a `ShapeError` (the "unexpected answer" error, which the HTTP layer turns into
 *    `bad-response`) whose path names only our own fields — never a TypeError, a RangeError or a stack overflow.
 *  - `clientProperty`: every call of the real client and of each kind's Space side over a generated Space (fake-space.ts): it
 *    resolves to its typed result or rejects with a `SpaceError`, whatever the status, headers or body.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { article, searchArticles } from '../../src/kinds/article/space.ts';
import { searchChannels } from '../../src/kinds/channel/space.ts';
import { searchCode } from '../../src/kinds/code/space.ts';
import { issueByKey, issueByNumber, searchIssues } from '../../src/kinds/issue/space.ts';
import { location, searchLocations } from '../../src/kinds/location/space.ts';
import { person, searchPeople } from '../../src/kinds/person/space.ts';
import { myProjects, project, searchProjects } from '../../src/kinds/project/space.ts';
import { repository, searchRepositories } from '../../src/kinds/repository/space.ts';
import { reviewByKey, searchReviews } from '../../src/kinds/review/space.ts';
import { searchTeams, team } from '../../src/kinds/team/space.ts';
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

interface ClientCall { call: (api: SpaceApi) => Promise<unknown>; check: (origin: string) => Check }

/**
 * Every call of the client's own (`SpaceApi`, but `get`, which serves all the kinds' calls) and of each kind's Space
 * side (src/kinds/<kind>/space.ts, as `<kind>.<export>`), and what it resolves to. `uncoveredClientMethods` names
 * any the table lacks.
 */
const CLIENT_CALLS: Record<string, ClientCall> = {
  me: { call: (api) => api.me(), check: (o) => entity('person', o) },
  'person.searchPeople': { call: (api) => searchPeople(api, 'jo'), check: (o) => batch(entity('person', o)) },
  'person.person': { call: (api) => person(api, 'John.Doe'), check: (o) => entity('person', o) },
  'location.searchLocations': { call: (api) => searchLocations(api, 'am', { top: 2, skip: '1' }), check: (o) => batch(entity('location', o)) },
  'location.location': { call: (api) => location(api, 'l1'), check: (o) => entity('location', o) },
  'team.searchTeams': { call: (api) => searchTeams(api, 'web'), check: (o) => batch(entity('team', o)) },
  'team.team': { call: (api) => team(api, 't1'), check: (o) => entity('team', o) },
  'project.searchProjects': { call: (api) => searchProjects(api, 'al', { starred: true }), check: (o) => batch(entity('project', o)) },
  'project.myProjects': { call: (api) => myProjects(api), check: (o) => batch(entity('project', o)) },
  'project.project': { call: (api) => project(api, 'ABC'), check: (o) => entity('project', o) },
  'issue.searchIssues': { call: (api) => searchIssues(api, 'ABC', 'login'), check: (o) => batch(entity('issue', o)) },
  'issue.issueByKey': { call: (api) => issueByKey(api, 'ABC-T-123'), check: (o) => entity('issue', o) },
  'issue.issueByNumber': { call: (api) => issueByNumber(api, 'ABC', 123), check: (o) => entity('issue', o) },
  'repository.searchRepositories': { call: (api) => searchRepositories(api, 'back'), check: (o) => batch(entity('repository', o)) },
  'repository.repository': { call: (api) => repository(api, 'ABC', 'backend'), check: (o) => entity('repository', o) },
  'review.searchReviews': { call: (api) => searchReviews(api, 'ABC', 'fix'), check: (o) => batch(entity('review', o)) },
  'review.reviewByKey': { call: (api) => reviewByKey(api, 'ABC-MR-188'), check: (o) => entity('review', o) },
  'channel.searchChannels': { call: (api) => searchChannels(api, ''), check: (o) => batch(entity('channel', o)) },
  'article.searchArticles': { call: (api) => searchArticles(api, ''), check: (o) => batch(entity('article', o)) },
  'article.article': { call: (api) => article(api, 'a1'), check: (o) => entity('article', o) },
  'code.searchCode': { call: (api) => searchCode(api, 'albedo'), check: (o) => batch(entity('code', o)) },
  avatar: {
    call: (api) => api.avatar('vYK0b1Qisdf2C').then((a) => ({ contentType: a.contentType, bytes: a.bytes instanceof Uint8Array })),
    check: () => exact({ contentType: matches(/^image\/(?:png|jpeg|gif|webp)$/), bytes: oneOf(true) }),
  },
  revokeCurrentToken: { call: (api) => api.revokeCurrentToken().then((v) => v ?? null), check: () => oneOf(null) },
};

export const CLIENT_METHODS = Object.keys(CLIENT_CALLS);

/** Exports of a kind's space.ts that are no call: paths, its permission, the project-scoped 404 reading. */
const NOT_A_CALL = /^(?:PERMISSION|\w+Path|inProject)$/;
const KINDS_DIR = fileURLToPath(new URL('../../src/kinds/', import.meta.url));

/** Calls the table lacks: a method of the real client (but `get`), or an export of a kind's space.ts. */
export async function uncoveredClientMethods(): Promise<string[]> {
  const api = createSpaceClient({ origin: 'https://space.example.com', token: 't', fetch: (() => Promise.reject(new Error('unused'))) as typeof fetch });
  const calls = Object.keys(api).filter((k) => k !== 'origin' && k !== 'get');
  for (const kind of readdirSync(KINDS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)) {
    if (!readdirSync(`${KINDS_DIR}${kind}`).includes('space.ts')) continue;
    // A file of our own src/kinds folder, listed just above.
    // eslint-disable-next-line no-unsanitized/method
    const exports = await import(pathToFileURL(`${KINDS_DIR}${kind}/space.ts`).href) as Record<string, unknown>;
    calls.push(...Object.keys(exports).filter((name) => !NOT_A_CALL.test(name)).map((name) => `${kind}.${name}`));
  }
  return calls.filter((name) => !Object.hasOwn(CLIENT_CALLS, name));
}

const ORIGIN = 'https://space.example.com';
const TOKEN = 'tok_FUZZ_SENTINEL_42';

export function clientProperty(): fc.IAsyncProperty<[string, fc.GeneratorValue]> {
  return fc.asyncProperty(fc.constantFrom(...CLIENT_METHODS), fc.gen(), async (method, g) => {
    const space = generatedSpace(g, ORIGIN);
    const api = createSpaceClient({ origin: ORIGIN, token: TOKEN, fetch: space.fetch, retry: { retries: 0 }, timeoutMs: 5_000 });
    let out: unknown;
    try {
      out = await CLIENT_CALLS[method]!.call(api);
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
    const wrong = CLIENT_CALLS[method]!.check(ORIGIN)(out, method);
    if (wrong) throw new Error(`untyped result: ${wrong}`);
  });
}
