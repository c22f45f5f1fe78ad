/**
 * Generated messages and senders for the worker's router, each knowing whether the router must take it:
 *
 *  - for every request type of the protocol, well-formed messages (every field valid, `null`-prototype objects
 *    too), and the same with one field of a wrong type or out of range, a field missing, an extra key
 *    (`__proto__`, `constructor`… as own properties), or in a container no page can send (an array, a class
 *    instance, an accessor, a symbol key, an inherited `type`);
 *  - unknown and prototype-named types, and arbitrary junk (expectation unknown);
 *  - senders: our pages (popup, options in a tab, private tab) and everyone else (another extension, a web page,
 *    a content script in a tab, a sub-frame, no sender at all).
 *
 * `FIELDS` is typed over the protocol: a request type or a field added there without a line here is a compile error.
 */
import fc from 'fast-check';
import { ALL_KINDS } from '../../src/shared/kinds.ts';
import { LIMITS, type Request, type RequestType } from '../../src/shared/protocol.ts';
import { PROTO_KEYS, weirdString } from './json.ts';

export type Expect = 'valid' | 'invalid' | 'unknown';

export interface GeneratedMessage {
  message: unknown;
  /** Whether schema.ts must accept it ('unknown' for junk: either way is fine, but it must be consistent). */
  expect: Expect;
  /** The request type it was built from (null for junk). */
  type: RequestType | null;
  /** How it was made, for the report. */
  how: string;
}

export interface GeneratedSender {
  sender: unknown;
  /** One of our own pages: the router must look at its message. */
  internal: boolean;
  how: string;
}

/** What the valid values are drawn from: the demo server's address, token and the ids it knows. */
export interface MessageContext {
  extensionId: string;
  extensionOrigin: string;
  serverUrl: string;
  token: string;
  clientId: string;
  /** Ids a card hands out (`details`), of every kind, from the demo organization. */
  detailsIds: readonly string[];
  /** The same ids with their kind, so a `details` request names something that exists. */
  details: readonly { kind: (typeof ALL_KINDS)[number]; id: string }[];
  /** Project keys of the demo organization. */
  projectKeys: readonly string[];
  attachmentIds: readonly string[];
}

interface FieldFuzz {
  valid: fc.Arbitrary<unknown>;
  invalid: fc.Arbitrary<unknown>;
  optional?: true;
}

const wrongTypes = fc.constantFrom<unknown>(null, undefined, 0, 1, -1, true, false, {}, [], ['x'], { length: 1, 0: 'x' }, new String('x'), NaN);

/** A string of length in [min, max] (UTF-16 units, as schema.ts counts), with a bias to hostile content. */
function stringIn(min: number, max: number, realistic: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    ...(realistic.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...realistic) }] : []),
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 40) }) },
    { weight: 3, arbitrary: weirdString.filter((s) => s.length >= min && s.length <= max) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: Math.max(min, 1), maxLength: Math.min(max, 20) }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(max), '😀'.repeat(Math.floor(max / 2))).filter((s) => s.length >= min) },
  );
}

/** Not a string of length in [min, max]: too long (by one, or by a megabyte), too short, or not a string. */
function notStringIn(min: number, max: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    wrongTypes,
    fc.constantFrom('x'.repeat(max + 1), '😀'.repeat(Math.floor(max / 2) + 1), 'y'.repeat(1_000_000)),
    ...(min > 0 ? [fc.constant('')] : []),
  );
}

const BOOLEAN: FieldFuzz = { valid: fc.boolean(), invalid: fc.oneof(wrongTypes.filter((v) => typeof v !== 'boolean'), fc.constantFrom('true', 'false', new Boolean(true))) };

/** Mostly one of `favored` (what a real page sends), else any string in range. */
function favoring(favored: readonly string[], min: number, max: number): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...favored) }, { weight: 2, arbitrary: stringIn(min, max) });
}

function fieldsFor(ctx: MessageContext): { [T in RequestType]: { [F in Exclude<keyof Extract<Request, { type: T }>, 'type'>]-?: FieldFuzz } } {
  const url = {
    valid: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(ctx.serverUrl, `${ctx.serverUrl}/p/ABC/issues/1`, `${ctx.serverUrl}/`) },
      { weight: 2, arbitrary: stringIn(0, LIMITS.url, ['https://space.example.com', 'http://localhost:1', 'http://127.0.0.2', 'ftp://x', 'https://user:pw@host']) },
    ),
    invalid: notStringIn(0, LIMITS.url),
  };
  const id = { valid: stringIn(1, LIMITS.id, [...ctx.detailsIds, '.', '..', '/', 'A/', '/b', 'ABC-T-0', 'abc-mr-1', '%2F']), invalid: notStringIn(1, LIMITS.id) };
  const projectKey = stringIn(1, LIMITS.id, [...ctx.projectKeys, 'abc', 'NOPE', 'A B', 'AB\ud800']);
  const kindField = { valid: fc.constantFrom(...ALL_KINDS), invalid: fc.oneof(wrongTypes, fc.constantFrom('all', 'Person', 'people', '', ...PROTO_KEYS)) };
  return {
    status: {},
    verify: {},
    'settings-get': {},
    policy: {},
    'directory-status': {},
    'directory-refresh': {},
    connect: {
      url,
      token: { valid: favoring([ctx.token, ctx.token, `${ctx.token} `, 'wrong-token', 'a\nb'], 1, LIMITS.token), invalid: notStringIn(1, LIMITS.token) },
      sessionOnly: BOOLEAN,
    },
    'oauth-start': {
      url,
      clientId: { valid: favoring([ctx.clientId, ctx.clientId, 'unknown-client', 'a b'], 1, LIMITS.clientId), invalid: notStringIn(1, LIMITS.clientId) },
      sessionOnly: BOOLEAN,
    },
    forget: { revoke: BOOLEAN },
    details: {
      kind: { valid: fc.constantFrom(...ALL_KINDS), invalid: fc.oneof(wrongTypes, fc.constantFrom('all', 'Person', 'people', '', ...PROTO_KEYS)) },
      id,
    },
    avatar: {
      id: { valid: stringIn(1, LIMITS.id, [...ctx.attachmentIds, '../x', 'a/b']), invalid: notStringIn(1, LIMITS.id) },
      private: { ...BOOLEAN, optional: true },
    },
    'settings-set': {
      settings: {
        // A SettingsUpdate: either setting or both (the scope editor and the count switch save apart).
        valid: fc.record({ searchProjects: fc.array(projectKey, { maxLength: LIMITS.projects }), showWaitingCount: fc.boolean() }, { requiredKeys: [] })
          .filter((update) => Object.keys(update).length > 0)
          .chain((update) => fc.boolean().map((nullProto) => container(update, nullProto ? 'null-proto' : 'plain'))),
        invalid: fc.oneof(
          wrongTypes,
          fc.constant({ searchProjects: Array.from({ length: LIMITS.projects + 1 }, (_, i) => `P${i}`) }),
          fc.constant({ searchProjects: ['ok', 3] }),
          fc.constant({ searchProjects: [''] }),
          fc.constant({ searchProjects: ['x'.repeat(LIMITS.id + 1)] }),
          // eslint-disable-next-line no-sparse-arrays
          fc.constant({ searchProjects: [, 'ABC'] }),
          fc.constant({ searchProjects: Object.assign(['ABC'], { extra: 1 }) }),
          fc.constant({ searchProjects: Object.setPrototypeOf(['ABC'], null) as unknown }),
          fc.constant({ searchProjects: 'ABC' }),
          fc.constant({ searchProjects: ['ABC'], extra: true }),
          fc.constant({}),
          fc.constant({ showWaitingCount: 'true' }),
          fc.constant({ showWaitingCount: 1, searchProjects: [] }),
          fc.constant({ searchProjects: [], showWaitingCount: null }),
          fc.constant(JSON.parse('{"__proto__":{"searchProjects":["ABC"]}}') as unknown),
        ),
      },
    },
    projects: { query: { valid: stringIn(0, LIMITS.query, ['', 'al', 'ABC', '  ', '@x', 'al\ud800', '\udc00x']), invalid: notStringIn(0, LIMITS.query) } },
    // Home lists (issue 14): an item by kind + Entity.id, mostly one of the demo organization's.
    remember: { kind: kindField, id, private: { ...BOOLEAN, optional: true } },
    pin: { kind: kindField, id, pinned: BOOLEAN, private: { ...BOOLEAN, optional: true } },
    waiting: { private: { ...BOOLEAN, optional: true } },
  };
}

type Container = 'plain' | 'null-proto';

/** `entries` as an object of that kind; keys are defined (so `__proto__` is an own key, as structured clone makes it). */
function container(entries: Record<string, unknown>, kind: Container): Record<string, unknown> {
  const out: Record<string, unknown> = kind === 'null-proto' ? Object.create(null) as Record<string, unknown> : {};
  for (const [k, v] of Object.entries(entries)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** The same entries in something that is not a plain data object. */
const BAD_CONTAINERS: Record<string, (entries: Record<string, unknown>) => unknown> = {
  array: (e) => Object.assign([], e),
  'class instance': (e) => Object.assign(new (class Message {})(), e),
  'inherited fields': (e) => Object.create(e) as unknown,
  accessor: (e) => Object.defineProperty({ ...e }, 'type', { get: () => e.type, enumerable: true }),
  'non-enumerable': (e) => Object.defineProperty({ ...e }, 'hidden', { value: 1, enumerable: false }),
  'symbol key': (e) => ({ ...e, [Symbol('x')]: 1 }),
  map: (e) => new Map(Object.entries(e)),
  date: (e) => Object.assign(new Date(0), e),
  'proto key holding it': (e) => container(Object.fromEntries([['__proto__', e]]) as Record<string, unknown>, 'plain'),
};

export function messageArbitrary(ctx: MessageContext): fc.Arbitrary<GeneratedMessage> {
  const fields = fieldsFor(ctx);
  const types = Object.keys(fields) as RequestType[];

  const perType = types.map((type) => {
    const spec = fields[type] as Record<string, FieldFuzz>;
    const names = Object.keys(spec);
    const required = names.filter((n) => !spec[n]!.optional);
    const independent = fc.tuple(...names.map((n) => (spec[n]!.optional ? fc.option(spec[n]!.valid, { nil: undefined }) : spec[n]!.valid)))
      .map((values) => {
        const entries: Record<string, unknown> = { type };
        names.forEach((n, i) => {
          if (values[i] !== undefined || !spec[n]!.optional) entries[n] = values[i];
        });
        return entries;
      });
    // A `details` request mostly names something that exists: the kind and id of one item of the demo organization.
    const validEntries = type === 'details' && ctx.details.length > 0
      ? fc.oneof(independent, fc.constantFrom(...ctx.details).map((d): Record<string, unknown> => ({ type, kind: d.kind, id: d.id })))
      : independent;
    const variants: fc.Arbitrary<GeneratedMessage>[] = [
      fc.tuple(validEntries, fc.constantFrom<Container>('plain', 'plain', 'plain', 'null-proto'))
        .map(([e, kind]) => ({ message: container(e, kind), expect: 'valid' as const, type, how: `valid ${type} (${kind})` })),
      fc.tuple(validEntries, fc.oneof(fc.constantFrom(...PROTO_KEYS, 'x', 'Type', 'TYPE', 'id', 'private', 'settings'), fc.string({ maxLength: 10 })), fc.anything())
        .filter(([e, key]) => !Object.hasOwn(spec, key) && key !== 'type' && !Object.hasOwn(e, key))
        .map(([e, key, v]) => ({ message: container({ ...e, [key]: v }, 'plain'), expect: 'invalid' as const, type, how: `${type} with extra key ${JSON.stringify(key)}` })),
      fc.tuple(validEntries, fc.constantFrom(...Object.keys(BAD_CONTAINERS)))
        .map(([e, kind]) => ({ message: BAD_CONTAINERS[kind]!(e), expect: 'invalid' as const, type, how: `${type} in a ${kind}` })),
    ];
    if (names.length > 0) {
      variants.push(fc.tuple(validEntries, fc.constantFrom(...names)).chain(([e, name]) =>
        spec[name]!.invalid.map((bad) => ({ message: container({ ...e, [name]: bad }, 'plain'), expect: 'invalid' as const, type, how: `${type} with a bad ${name}` }))));
    }
    if (required.length > 0) {
      variants.push(fc.tuple(validEntries, fc.constantFrom(...required)).map(([e, name]) => {
        const rest = { ...e };
        delete rest[name];
        return { message: container(rest, 'plain'), expect: 'invalid' as const, type, how: `${type} without ${name}` };
      }));
    }
    return fc.oneof({ weight: 6, arbitrary: variants[0]! }, ...variants.slice(1).map((arbitrary) => ({ weight: 1, arbitrary })));
  });

  const badType = fc.oneof(
    fc.constantFrom<unknown>(...PROTO_KEYS, 'search', 'Status', 'STATUS', ' status', 'status ', '', 'fetch', 'eval', 'settings', 'oauth', 'revoke'),
    fc.string({ maxLength: 12 }).filter((s) => !(types as string[]).includes(s)),
    wrongTypes,
    fc.constantFrom<unknown>(['status'], { toString: () => 'status' }),
  ).map((type): GeneratedMessage => ({ message: container({ type }, 'plain'), expect: 'invalid', type: null, how: 'unknown type' }));

  const junk = fc.oneof(
    fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
    fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"type":"status"}}'), JSON.parse('{"type":"status","__proto__":{"x":1}}'), JSON.parse('{"constructor":{"prototype":{"polluted":1}},"type":"status"}')),
  ).map((message): GeneratedMessage => ({ message, expect: 'unknown', type: null, how: 'junk' }));

  return fc.oneof(
    { weight: 10, arbitrary: fc.oneof(...perType) },
    { weight: 1, arbitrary: badType },
    { weight: 1, arbitrary: junk },
  );
}

export function senderArbitrary(ctx: MessageContext): fc.Arbitrary<GeneratedSender> {
  const { extensionId: id, extensionOrigin: origin } = ctx;
  const popup = `${origin}/src/popup/index.html`;
  const options = `${origin}/src/options/index.html`;
  // Fields a real MessageSender has that the gate ignores.
  const noise = fc.option(fc.record({ documentId: fc.string({ maxLength: 8 }), documentLifecycle: fc.constantFrom('active', 'prerender') }), { nil: undefined });
  const ours = fc.tuple(fc.constantFrom<[string, Record<string, unknown>]>(
    ['popup', { id, origin, url: popup }],
    ['popup without origin (Firefox < 126)', { id, url: popup }],
    ['options in a tab', { id, origin, tab: { id: 4, incognito: false }, frameId: 0, url: options }],
    ['private tab', { id, origin, tab: { id: 5, incognito: true }, frameId: 0, url: popup }],
    ['top frame', { id, origin, frameId: 0 }],
  ), noise).map(([[how, s], extra]): GeneratedSender => ({ sender: { ...s, ...extra }, internal: true, how }));
  const theirs = fc.oneof(
    fc.constantFrom<[string, unknown]>(
      ['other extension', { id: 'otherextensionidotherextensionid', origin: 'chrome-extension://otherextensionidotherextensionid' }],
      ['web page', { id, origin: 'https://evil.example', url: 'https://evil.example/' }],
      ['content script in a tab', { id, tab: { id: 3 }, url: 'https://evil.example/', frameId: 0 }],
      ['sub-frame', { id, origin, frameId: 2, url: popup }],
      ['origin with a slash', { id, origin: `${origin}/` }],
      ['Firefox origin', { id, origin: `moz-extension://${id}` }],
      ['id in upper case', { id: id.toUpperCase(), origin }],
      ['no id', { origin, url: popup }],
      ['empty', {}],
      ['null', null],
      ['undefined', undefined],
      ['a string', id],
    ),
    fc.tuple(fc.string({ maxLength: 32 }).filter((s) => s !== id), fc.constantFrom(origin, undefined)).map(([other, o]): [string, unknown] => ['random id', { id: other, origin: o }]),
    fc.tuple(fc.webUrl(), fc.nat()).map(([o, tab]): [string, unknown] => ['web origin in a tab', { id, origin: o, tab: { id: tab } }]),
    fc.anything().filter((s) => typeof s !== 'object' || s === null || (s as { id?: unknown }).id !== id).map((s): [string, unknown] => ['junk', s]),
  ).map(([how, sender]): GeneratedSender => ({ sender, internal: false, how }));
  return fc.oneof({ weight: 4, arbitrary: ours }, { weight: 1, arbitrary: theirs });
}

/** Values each field of a port message must not have. */
const SEARCH_INVALID = {
  type: fc.oneof(wrongTypes, fc.constantFrom('Search', 'status', ...PROTO_KEYS)),
  id: fc.oneof(wrongTypes.filter((v) => typeof v !== 'number' || Number.isNaN(v)), fc.constantFrom(-1, 1.5, 2 ** 53, -0.5, Infinity)),
  query: fc.oneof(wrongTypes, fc.constantFrom('x'.repeat(LIMITS.query + 1))),
  filter: fc.oneof(wrongTypes, fc.constantFrom('people', 'All', '', ...PROTO_KEYS)),
  typing: fc.oneof(wrongTypes.filter((v) => v !== undefined && typeof v !== 'boolean'), fc.constantFrom('true', 1, 0, null)),
};

/** Port messages for `validateSearchMessage` (the lookup port's only client message). */
export function searchMessageArbitrary(): fc.Arbitrary<{ message: unknown; expect: Expect }> {
  const valid = fc.record({
    type: fc.constant('search'),
    id: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
    query: stringIn(0, LIMITS.query, ['jo', 'ABC-T-1', '@al']),
    filter: fc.constantFrom('all', ...ALL_KINDS),
    typing: fc.boolean(),
  }, { requiredKeys: ['type', 'id', 'query', 'filter'] });
  return fc.oneof(
    { weight: 4, arbitrary: valid.map((message) => ({ message: container(message, 'plain'), expect: 'valid' as const })) },
    {
      weight: 4, arbitrary: fc.tuple(valid, fc.constantFrom(...(Object.keys(SEARCH_INVALID) as (keyof typeof SEARCH_INVALID)[])))
        .chain(([m, key]) => SEARCH_INVALID[key].map((bad) => ({ message: container({ ...m, [key]: bad }, 'plain'), expect: 'invalid' as const }))),
    },
    { weight: 1, arbitrary: valid.map((m) => ({ message: container({ ...m, extra: 1 }, 'plain'), expect: 'invalid' as const })) },
    { weight: 1, arbitrary: fc.anything().map((message) => ({ message, expect: 'unknown' as const })) },
  );
}
