/**
 * Zero-dependency validators for everything a page can send the worker. Strict: a message must be a plain
 * object with exactly the keys of its type (no extras, nothing inherited), every value of the right type and
 * every string within LIMITS. Anything else is invalid and the router answers `bad-request` without acting.
 *
 * The type → validator table is looked up with `Object.hasOwn`, so `"__proto__"`, `"constructor"` or
 * `"toString"` as a type are simply unknown.
 *
 * Every string comes out well-formed: a lone UTF-16 surrogate (structured clone carries one) is replaced by U+FFFD
 * (`text`), so no handler can trip over it later — `encodeURIComponent` throws on one (found by `npm run fuzz`).
 */
import { ALL_KINDS, type EntityKind, type Filter } from '../shared/kinds.ts';
import { LIMITS, type Request, type RequestType, type SearchMessage, type SettingsUpdate } from '../shared/protocol.ts';
import { wellFormed as text } from '../space/uri-component.ts';

type Validator<T> = (message: Record<string, unknown>) => T | null;

/** A plain data object as structured clone delivers it: no prototype tricks, no symbol keys, no accessors. */
function asPlainObject(value: unknown): Record<string, unknown> | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return null;
  if (Object.getOwnPropertySymbols(value).length > 0) return null;
  for (const name of Object.getOwnPropertyNames(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, name);
    if (!descriptor || !('value' in descriptor) || !descriptor.enumerable) return null;
  }
  return value as Record<string, unknown>;
}

function hasExactKeys(obj: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.getOwnPropertyNames(obj);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(obj, k));
}

function isString(value: unknown, max: number, min = 0): value is string {
  return typeof value === 'string' && value.length >= min && value.length <= max;
}

function isKind(value: unknown): value is EntityKind {
  return typeof value === 'string' && (ALL_KINDS as readonly string[]).includes(value);
}

function isFilter(value: unknown): value is Filter {
  return value === 'all' || isKind(value);
}

/** A `SettingsUpdate`: at least one setting, nothing else. */
function validateSettings(value: unknown): SettingsUpdate | null {
  const obj = asPlainObject(value);
  if (!obj) return null;
  const keys = Object.keys(obj);
  if (keys.length === 0 || !keys.every((k) => k === 'searchProjects' || k === 'showWaitingCount')) return null;
  const out: SettingsUpdate = {};
  if (Object.hasOwn(obj, 'showWaitingCount')) {
    if (typeof obj.showWaitingCount !== 'boolean') return null;
    out.showWaitingCount = obj.showWaitingCount;
  }
  if (!Object.hasOwn(obj, 'searchProjects')) return out;
  const searchProjects = validateScope(obj.searchProjects);
  return searchProjects ? { ...out, searchProjects } : null;
}

function validateScope(list: unknown): string[] | null {
  if (!Array.isArray(list) || Object.getPrototypeOf(list) !== Array.prototype) return null;
  if (list.length > LIMITS.projects) return null;
  // Sparse arrays and extra own properties would slip past a plain loop.
  if (Object.getOwnPropertyNames(list).length !== list.length + 1) return null;
  const out: string[] = [];
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!isString(item, LIMITS.id, 1)) return null;
    out.push(text(item));
  }
  return out;
}

/** One validator per request type; each returns a fresh object holding only the validated fields. */
const requestValidators: { [T in RequestType]: Validator<Extract<Request, { type: T }>> } = {
  status: (m) => (hasExactKeys(m, ['type']) ? { type: 'status' } : null),
  verify: (m) => (hasExactKeys(m, ['type']) ? { type: 'verify' } : null),
  'settings-get': (m) => (hasExactKeys(m, ['type']) ? { type: 'settings-get' } : null),
  connect: (m) => {
    if (!hasExactKeys(m, ['type', 'url', 'token', 'sessionOnly'])) return null;
    const { url, token, sessionOnly } = m;
    if (!isString(url, LIMITS.url) || !isString(token, LIMITS.token, 1) || typeof sessionOnly !== 'boolean') return null;
    return { type: 'connect', url: text(url), token: text(token), sessionOnly };
  },
  'oauth-start': (m) => {
    if (!hasExactKeys(m, ['type', 'url', 'clientId', 'sessionOnly'])) return null;
    const { url, clientId, sessionOnly } = m;
    if (!isString(url, LIMITS.url) || !isString(clientId, LIMITS.clientId, 1) || typeof sessionOnly !== 'boolean') return null;
    return { type: 'oauth-start', url: text(url), clientId: text(clientId), sessionOnly };
  },
  policy: (m) => (hasExactKeys(m, ['type']) ? { type: 'policy' } : null),
  forget: (m) => {
    if (!hasExactKeys(m, ['type', 'revoke']) || typeof m.revoke !== 'boolean') return null;
    return { type: 'forget', revoke: m.revoke };
  },
  details: (m) => {
    if (!hasExactKeys(m, ['type', 'kind', 'id'])) return null;
    const { kind, id } = m;
    if (!isKind(kind) || !isString(id, LIMITS.id, 1)) return null;
    return { type: 'details', kind, id: text(id) };
  },
  avatar: (m) => {
    if (Object.hasOwn(m, 'private')) {
      if (!hasExactKeys(m, ['type', 'id', 'private']) || typeof m.private !== 'boolean' || !isString(m.id, LIMITS.id, 1)) return null;
      return { type: 'avatar', id: text(m.id), private: m.private };
    }
    if (!hasExactKeys(m, ['type', 'id']) || !isString(m.id, LIMITS.id, 1)) return null;
    return { type: 'avatar', id: text(m.id) };
  },
  'settings-set': (m) => {
    if (!hasExactKeys(m, ['type', 'settings'])) return null;
    const settings = validateSettings(m.settings);
    return settings ? { type: 'settings-set', settings } : null;
  },
  'directory-status': (m) => (hasExactKeys(m, ['type']) ? { type: 'directory-status' } : null),
  'directory-refresh': (m) => (hasExactKeys(m, ['type']) ? { type: 'directory-refresh' } : null),
  projects: (m) => {
    if (!hasExactKeys(m, ['type', 'query']) || !isString(m.query, LIMITS.query)) return null;
    return { type: 'projects', query: text(m.query) };
  },
  remember: (m) => {
    const flag = privateFlag(m, ['type', 'kind', 'id']);
    if (!flag || !isKind(m.kind) || !isString(m.id, LIMITS.id, 1)) return null;
    return { type: 'remember', kind: m.kind, id: text(m.id), ...flag.value };
  },
  pin: (m) => {
    const flag = privateFlag(m, ['type', 'kind', 'id', 'pinned']);
    if (!flag || !isKind(m.kind) || !isString(m.id, LIMITS.id, 1) || typeof m.pinned !== 'boolean') return null;
    return { type: 'pin', kind: m.kind, id: text(m.id), pinned: m.pinned, ...flag.value };
  },
  waiting: (m) => {
    const flag = privateFlag(m, ['type']);
    return flag ? { type: 'waiting', ...flag.value } : null;
  },
};

/**
 * The optional `private` of a message whose other keys are `keys`: exactly those keys (plus `private`, a boolean,
 * if present). `{value: {}}` or `{value: {private}}` to spread into the validated request; null when the keys are wrong.
 */
function privateFlag(m: Record<string, unknown>, keys: readonly string[]): { value: { private?: boolean } } | null {
  if (!Object.hasOwn(m, 'private')) return hasExactKeys(m, keys) ? { value: {} } : null;
  if (!hasExactKeys(m, [...keys, 'private']) || typeof m.private !== 'boolean') return null;
  return { value: { private: m.private } };
}

/** The validated request (a fresh object), or null when the message is not exactly one of ours. */
export function validateRequest(message: unknown): Request | null {
  const obj = asPlainObject(message);
  if (!obj) return null;
  const type = obj.type;
  if (typeof type !== 'string' || !Object.hasOwn(requestValidators, type)) return null;
  const validator = requestValidators[type as RequestType] as Validator<Request>;
  return validator(obj);
}

/** The lookup port's only client message. `id` is a non-negative safe integer (monotonic per port). */
export function validateSearchMessage(message: unknown): SearchMessage | null {
  const obj = asPlainObject(message);
  if (!obj || obj.type !== 'search') return null;
  const typing = obj.typing;
  if (!hasExactKeys(obj, typing === undefined ? ['type', 'id', 'query', 'filter'] : ['type', 'id', 'query', 'filter', 'typing'])) return null;
  const { id, query, filter } = obj;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return null;
  if (!isString(query, LIMITS.query) || !isFilter(filter)) return null;
  if (typing !== undefined && typeof typing !== 'boolean') return null;
  return { type: 'search', id, query: text(query), filter, ...(typing !== undefined ? { typing } : {}) };
}
