/**
 * What a typed answer looks like, checked at run time: entities (every kind, from its fixture), the worker's
 * `ResponseMap`, an `AppError`, a `Batch`. Each table is typed over the project's own types, so a request type or an
 * error code added there without a check here is a compile error — the fuzz can't silently accept a shape it does
 * not know; an entity's fields are those of its kind's fixture (src/kinds/<kind>/fixture.ts).
 *
 * A check returns null when the value is fine, else what is wrong and where.
 */
import { DIRECTORY_KINDS, type DirectoryStatus } from '../../src/shared/directory.ts';
import { ALL_KINDS, type EntityKind } from '../../src/shared/kinds.ts';
import type { AppErrorCode, Request, RequestType, ResponseMap } from '../../src/shared/protocol.ts';
import type { SpaceErrorDetails } from '../../src/space/errors.ts';
import { fixtureOf } from '../../src/kinds/test-support/fixtures.ts';
import type { Batch, EntityBase, WorkingHours } from '../../src/space/types.ts';

export type Check = (value: unknown, path: string) => string | null;

const fail = (path: string, expected: string, value: unknown): string => {
  let shown: string;
  try {
    shown = JSON.stringify(value)?.slice(0, 120) ?? String(value);
  } catch {
    shown = String(value);
  }
  return `${path}: expected ${expected}, got ${shown}`;
};

export const str: Check = (v, p) => (typeof v === 'string' ? null : fail(p, 'a string', v));
export const nonEmptyStr: Check = (v, p) => (typeof v === 'string' && v !== '' ? null : fail(p, 'a non-empty string', v));
export const bool: Check = (v, p) => (typeof v === 'boolean' ? null : fail(p, 'a boolean', v));
export const finite: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) ? null : fail(p, 'a finite number', v));
export const atLeastZero: Check = (v, p) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : fail(p, 'a finite number ≥ 0', v));
export const int = (min = -Infinity, max = Infinity): Check => (v, p) =>
  (Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max ? null : fail(p, `an integer in [${min}, ${max}]`, v));
export const oneOf = (...values: unknown[]): Check => (v, p) => (values.includes(v) ? null : fail(p, `one of ${JSON.stringify(values)}`, v));
export const matches = (re: RegExp): Check => (v, p) => (typeof v === 'string' && re.test(v) ? null : fail(p, `a string matching ${re}`, v));
export const nullable = (c: Check): Check => (v, p) => (v === null ? null : c(v, p));
/** The key may be absent (never present holding undefined). */
export const optional = (c: Check): Check & { optional: true } => Object.assign((v: unknown, p: string) => c(v, p), { optional: true as const });

export const arrayOf = (c: Check): Check => (v, p) => {
  if (!Array.isArray(v)) return fail(p, 'an array', v);
  for (let i = 0; i < v.length; i++) {
    const e = c(v[i], `${p}[${i}]`);
    if (e) return e;
  }
  return null;
};

/** A plain object with exactly these keys (optional ones may be absent), each passing its check. */
export function exact(spec: Record<string, Check>): Check {
  return (v, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(p, 'an object', v);
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `${p}: not a plain object`;
    for (const key of Object.keys(v)) if (!Object.hasOwn(spec, key)) return `${p}: unexpected key ${JSON.stringify(key)}`;
    for (const [key, check] of Object.entries(spec)) {
      if (!Object.hasOwn(v, key)) {
        if ('optional' in check) continue;
        return `${p}: missing ${key}`;
      }
      const e = check((v as Record<string, unknown>)[key], `${p}.${key}`);
      if (e) return e;
    }
    return null;
  };
}

/** One check per property of T, optional ones included: a property added to T is a compile error here. */
type Spec<T> = { [K in keyof T]-?: Check };

export const workingHours = exact({
  days: arrayOf(exact({ weekday: int(0, 6), from: int(0, 24 * 60), to: int(0, 48 * 60) })),
} satisfies Spec<WorkingHours>);

/** `hidden`, `unreadable`: sorted, unique names. */
const names: Check = (v, p) => {
  const e = arrayOf(nonEmptyStr)(v, p);
  if (e) return e;
  const list = v as string[];
  return list.every((name, i) => i === 0 || list[i - 1]! < name) ? null : fail(p, 'sorted unique names', v);
};

/** The fixture of every kind, every string field `s<n>` (src/kinds/<kind>/fixture.ts): the shape of its entity. */
const fixtureShape = (kind: EntityKind): Record<string, unknown> => fixtureOf(kind, (n) => `s${n}`) as unknown as Record<string, unknown>;

/**
 * The check of a value shaped like `sample` (a field of a kind's fixture): a string, a finite number or a boolean as
 * there; an object with only its keys, each checked the same way; an array whose elements are shaped like the
 * sample's first. Any of them may be null (a fixture shows one value of a field, not whether Space may leave it
 * out), and an object's keys may be absent (optional fields) but never present holding `undefined`. A sample that is
 * null itself says nothing of the type: any JSON value passes.
 */
function like(sample: unknown): Check {
  let check: Check;
  if (sample === null || sample === undefined) return json;
  if (typeof sample === 'string') check = str;
  else if (typeof sample === 'number') check = finite;
  else if (typeof sample === 'boolean') check = bool;
  else if (Array.isArray(sample)) check = arrayOf(sample.length === 0 ? json : like(sample[0]));
  else {
    const spec = Object.fromEntries(Object.entries(sample as Record<string, unknown>).map(([k, v]) => [k, optional(like(v))]));
    check = exact(spec);
  }
  return nullable(check);
}

/** Plain JSON: no `undefined`, no function, no non-finite number, plain objects and arrays only. */
const json: Check = (v, p) => {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return finite(v, p);
  if (Array.isArray(v)) return arrayOf(json)(v, p);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, inner] of Object.entries(v)) {
      const e = json(inner, `${p}.${k}`);
      if (e) return e;
    }
    return null;
  }
  return fail(p, 'a JSON value', v);
};

/**
 * An entity of `kind` as the client builds it for `origin`: the fields every entity shares typed exactly (`kind`
 * its own, an `id`, a `title`, a `webUrl` on that origin — links are built from ids, never taken from an answer —,
 * sorted unique `hidden` / `unreadable` names), the kind's own fields shaped like its fixture's (`like`), and nothing
 * else. Derived from the kind's folder: a new kind needs no line here.
 */
export function entity(kind: EntityKind, origin: string): Check {
  const base: Spec<EntityBase> = {
    kind: oneOf(kind), id: str, title: str, webUrl: onOrigin(origin), hidden: optional(names), unreadable: optional(names),
  };
  const own = Object.entries(fixtureShape(kind)).filter(([key]) => !Object.hasOwn(base, key));
  return exact({ ...Object.fromEntries(own.map(([key, sample]) => [key, optional(like(sample))])), ...base } as Record<string, Check>);
}

/** An entity of any kind (a home list's item): checked as its own kind's. */
function anyEntity(origin: string): Check {
  return (v, p) => {
    const kind = typeof v === 'object' && v !== null ? (v as { kind?: unknown }).kind : undefined;
    return (ALL_KINDS as readonly unknown[]).includes(kind) ? entity(kind as EntityKind, origin)(v, p) : fail(p, 'an entity of a known kind', v);
  };
}

function onOrigin(origin: string): Check {
  const want = new URL(origin).origin;
  return (v, p) => {
    if (typeof v !== 'string' || !URL.canParse(v)) return fail(p, 'a URL', v);
    return new URL(v).origin === want ? null : fail(p, `a URL on ${want}`, v);
  };
}

export function batch(item: Check): Check {
  return exact({ items: arrayOf(item), next: nullable(str), totalCount: nullable(finite), unreadable: int(0) } satisfies Spec<Batch<unknown>>);
}

/** Every code a page can be told about, once: a code added to `AppErrorCode` must be added here. */
const APP_ERROR_CODES: Record<AppErrorCode, true> = {
  'invalid-url': true, unauthorized: true, forbidden: true, 'not-found': true, 'invalid-request': true, unsupported: true,
  'rate-limited': true, server: true, unreachable: true, timeout: true, cancelled: true, 'bad-response': true,
  'not-configured': true, 'no-host-permission': true, 'bad-request': true, internal: true, 'sign-in-again': true, oauth: true, policy: true,
};

export const appError = exact({
  code: oneOf(...Object.keys(APP_ERROR_CODES)),
  host: optional(str), op: optional(str), subject: optional(str), status: optional(int(100, 599)), permission: optional(str),
  retryAfterMs: optional(int(0)), reason: optional(str),
} satisfies Spec<SpaceErrorDetails & { code: unknown }>);

const connectionStatus = exact({
  configured: bool, origin: nullable(str), host: nullable(str), identity: nullable(exact({ name: str, username: str })),
  method: oneOf('token', 'oauth'), clientId: nullable(str), tokenLast4: nullable(str), lastVerified: nullable(finite),
  sessionOnly: bool, auth: oneOf('ok', 'rejected', 'sign-in-again', 'no-host-permission', 'unverified'), remembered: bool,
  refused: optional(appError),
} satisfies Spec<ResponseMap['status']>);

const directoryKindCounts = exact(Object.fromEntries(DIRECTORY_KINDS.map((k) => [k, int(0)])));
const directoryStatus = exact({
  enabled: bool, offByPolicy: bool, state: oneOf('empty', 'syncing', 'ready', 'error'), counts: directoryKindCounts,
  bytes: int(0), syncedAt: nullable(finite), storage: oneOf('disk', 'session', 'none'), error: optional(appError),
  progress: optional(exact({ kind: oneOf(...DIRECTORY_KINDS), fetched: int(0), total: nullable(int(0)), kindsDone: int(0) })),
} satisfies Spec<DirectoryStatus>);

const settings = exact({ searchProjects: arrayOf(nonEmptyStr), showWaitingCount: bool } satisfies Spec<ResponseMap['settings-get']>);

/** The success value of each request type (for `details`, an entity of the kind asked for). */
export function responseValue(request: Request, origin: string): Check {
  const checks: { [T in RequestType]: () => Check } = {
    status: () => connectionStatus,
    connect: () => connectionStatus,
    'oauth-start': () => connectionStatus,
    verify: () => connectionStatus,
    policy: () => exact({
      origin: nullable(str), methods: oneOf('token', 'oauth', 'both'), clientId: nullable(str), sessionOnly: bool, invalid: arrayOf(str),
    } satisfies Spec<ResponseMap['policy']>),
    forget: () => exact({ revoked: oneOf('confirmed', 'failed', 'skipped'), error: optional(appError) } satisfies Spec<ResponseMap['forget']>),
    details: () => entity((request as Extract<Request, { type: 'details' }>).kind, origin),
    avatar: () => exact({ dataUrl: matches(/^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/) } satisfies Spec<ResponseMap['avatar']>),
    'settings-get': () => settings,
    'settings-set': () => settings,
    projects: () => arrayOf(exact({ key: str, name: str })),
    'directory-status': () => directoryStatus,
    'directory-refresh': () => directoryStatus,
    remember: () => exact({ remembered: bool } satisfies Spec<ResponseMap['remember']>),
    pin: () => exact({
      connection: nonEmptyStr, items: arrayOf(exact({ entity: anyEntity(origin), at: finite, gone: optional(oneOf(true)) })),
    } satisfies Spec<ResponseMap['pin']>),
    waiting: () => exact({
      connection: nonEmptyStr,
      items: arrayOf(exact({ entity: anyEntity(origin), reason: oneOf('your-turn', 'assigned'), project: str, since: nullable(finite) })),
      at: finite, notes: arrayOf(exact({ project: str, error: appError })), stale: optional(appError),
    } satisfies Spec<ResponseMap['waiting']>),
  };
  return checks[request.type]();
}

/** A `Result`: `{ok: true, value}` passing `value`, or `{ok: false, error}` with a typed AppError. */
export function result(value: Check): Check {
  return (v, p) => {
    if (typeof v === 'object' && v !== null && (v as { ok?: unknown }).ok === true) return exact({ ok: oneOf(true), value })(v, p);
    return exact({ ok: oneOf(false), error: appError })(v, p);
  };
}
