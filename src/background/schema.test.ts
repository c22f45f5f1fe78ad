import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../shared/protocol.ts';
import { validateRequest, validateSearchMessage } from './schema.ts';

const valid = [
  { type: 'status' },
  { type: 'connect', url: 'https://space.example.com', token: 'tok', sessionOnly: false },
  { type: 'oauth-start', url: 'https://space.example.com', clientId: 'space-lookup', sessionOnly: true },
  { type: 'policy' },
  { type: 'verify' },
  { type: 'forget', revoke: true },
  { type: 'details', kind: 'issue', id: 'ABC-T-1' },
  { type: 'avatar', id: 'a1B2' },
  { type: 'settings-get' },
  { type: 'settings-set', settings: { searchProjects: ['ABC', 'DEF'] } },
  { type: 'settings-set', settings: { showWaitingCount: true } },
  { type: 'settings-set', settings: { searchProjects: [], showWaitingCount: false } },
  { type: 'projects', query: '' },
  { type: 'directory-status' },
  { type: 'directory-refresh' },
];

describe('validateRequest', () => {
  it.each(valid)('accepts %j and returns a fresh copy', (message) => {
    const out = validateRequest(message);
    expect(out).toEqual(message);
    expect(out).not.toBe(message);
  });

  it('makes every string well-formed: a lone surrogate becomes U+FFFD (encodeURIComponent would throw on it)', () => {
    expect(validateRequest({ type: 'projects', query: 'al\ud800' })).toEqual({ type: 'projects', query: 'al\ufffd' });
    expect(validateRequest({ type: 'details', kind: 'person', id: '\udc00x' })).toEqual({ type: 'details', kind: 'person', id: '\ufffdx' });
    expect(validateRequest({ type: 'settings-set', settings: { searchProjects: ['A\ud800'] } }))
      .toEqual({ type: 'settings-set', settings: { searchProjects: ['A\ufffd'] } });
    expect(validateSearchMessage({ type: 'search', id: 1, query: '\ud83d', filter: 'all' })).toEqual({ type: 'search', id: 1, query: '\ufffd', filter: 'all' });
    // A surrogate pair is a character, kept as it is.
    expect(validateRequest({ type: 'projects', query: '😀' })).toEqual({ type: 'projects', query: '😀' });
  });

  const rejects: [string, unknown][] = [
    ['unknown type', { type: 'delete-everything' }],
    ['__proto__ as type', { type: '__proto__' }],
    ['constructor as type', { type: 'constructor' }],
    ['toString as type', { type: 'toString' }],
    ['hasOwnProperty as type', { type: 'hasOwnProperty' }],
    ['type missing', {}],
    ['type not a string', { type: 1 }],
    ['extra key', { type: 'status', extra: 1 }],
    ['own __proto__ key (JSON)', JSON.parse('{"type":"status","__proto__":{"x":1}}')],
    ['url on a message that carries none', { type: 'verify', url: 'https://evil.example' }],
    ['missing field', { type: 'connect', url: 'https://a.example', token: 't' }],
    ['wrong type: sessionOnly as string', { type: 'connect', url: 'https://a.example', token: 't', sessionOnly: 'false' }],
    ['wrong type: revoke as number', { type: 'forget', revoke: 1 }],
    ['empty token', { type: 'connect', url: 'https://a.example', token: '', sessionOnly: false }],
    ['sign-in without a client ID', { type: 'oauth-start', url: 'https://a.example', sessionOnly: false }],
    ['sign-in with an empty client ID', { type: 'oauth-start', url: 'https://a.example', clientId: '', sessionOnly: false }],
    ['sign-in with an oversized client ID', { type: 'oauth-start', url: 'https://a.example', clientId: 'c'.repeat(LIMITS.clientId + 1), sessionOnly: false }],
    ['sign-in with a token (no message carries both)', { type: 'oauth-start', url: 'https://a.example', clientId: 'c', token: 't', sessionOnly: false }],
    ['sign-in with a redirect URI of its own', { type: 'oauth-start', url: 'https://a.example', clientId: 'c', sessionOnly: false, redirectUri: 'https://evil.example/' }],
    ['sign-in with sessionOnly as string', { type: 'oauth-start', url: 'https://a.example', clientId: 'c', sessionOnly: 'true' }],
    ['sign-in with an oversized url', { type: 'oauth-start', url: `https://a.example/${'x'.repeat(LIMITS.url)}`, clientId: 'c', sessionOnly: false }],
    ['policy with a value (pages cannot set policy)', { type: 'policy', spaceUrl: 'https://evil.example' }],
    ['oversized token', { type: 'connect', url: 'https://a.example', token: 'x'.repeat(LIMITS.token + 1), sessionOnly: false }],
    ['oversized url', { type: 'connect', url: `https://a.example/${'x'.repeat(LIMITS.url)}`, token: 't', sessionOnly: false }],
    ['oversized id', { type: 'details', kind: 'person', id: 'x'.repeat(LIMITS.id + 1) }],
    ['empty id', { type: 'avatar', id: '' }],
    ['unknown kind', { type: 'details', kind: 'no-such-kind', id: '1' }],
    ['inherited kind name', { type: 'details', kind: 'constructor', id: '1' }],
    ['oversized query', { type: 'projects', query: 'q'.repeat(LIMITS.query + 1) }],
    ['settings with extra key', { type: 'settings-set', settings: { searchProjects: [], token: 'x' } }],
    ['settings naming nothing', { type: 'settings-set', settings: {} }],
    ['settings count not a boolean', { type: 'settings-set', settings: { showWaitingCount: 'true' } }],
    ['settings count null beside a scope', { type: 'settings-set', settings: { searchProjects: [], showWaitingCount: null } }],
    ['settings list too long', { type: 'settings-set', settings: { searchProjects: Array.from({ length: LIMITS.projects + 1 }, (_, i) => `P${i}`) } }],
    ['settings list with a number', { type: 'settings-set', settings: { searchProjects: ['ABC', 1] } }],
    // eslint-disable-next-line no-sparse-arrays
    ['settings list sparse', { type: 'settings-set', settings: { searchProjects: ['ABC', , 'DEF'] } }],
    ['settings list with extra property', { type: 'settings-set', settings: { searchProjects: Object.assign(['A'], { x: 1 }) } }],
    ['array', [{ type: 'status' }]],
    ['null', null],
    ['string', 'status'],
    ['class instance', new (class { type = 'status'; })()],
    ['object with a prototype', Object.create({ type: 'status' })],
    ['getter', Object.defineProperty({}, 'type', { get: () => 'status', enumerable: true })],
    ['symbol key', { type: 'status', [Symbol('x')]: 1 }],
  ];

  it.each(rejects)('rejects %s', (_name, message) => {
    expect(validateRequest(message)).toBeNull();
  });

  it('accepts an object without a prototype (structured clone may produce one)', () => {
    const m = Object.assign(Object.create(null) as object, { type: 'status' });
    expect(validateRequest(m)).toEqual({ type: 'status' });
  });

  it('never throws, and anything it accepts has a known type and only known keys (property)', () => {
    const known: Record<string, string[]> = Object.fromEntries(valid.map((v) => [v.type, Object.keys(v).sort()]));
    fc.assert(fc.property(
      fc.oneof(
        fc.anything({ withObjectString: true, withNullPrototype: true }),
        fc.record({ type: fc.constantFrom(...Object.keys(known), '__proto__', 'constructor'), url: fc.string(), token: fc.string(), clientId: fc.string({ maxLength: 250 }), sessionOnly: fc.boolean(), revoke: fc.boolean(), id: fc.string(), kind: fc.string(), query: fc.string() }, { requiredKeys: ['type'] }),
      ),
      (message) => {
        const out = validateRequest(message);
        if (out) expect(Object.keys(out).sort()).toEqual(known[out.type]);
      },
    ), { numRuns: 2000 });
  });
});

describe('validateSearchMessage', () => {
  it('accepts a search', () => {
    expect(validateSearchMessage({ type: 'search', id: 3, query: 'jo', filter: 'all' })).toEqual({ type: 'search', id: 3, query: 'jo', filter: 'all' });
    expect(validateSearchMessage({ type: 'search', id: 0, query: '', filter: 'review' })).not.toBeNull();
    expect(validateSearchMessage({ type: 'search', id: 4, query: 'jo', filter: 'all', typing: true })).toEqual({ type: 'search', id: 4, query: 'jo', filter: 'all', typing: true });
  });

  it.each([
    { type: 'search', id: -1, query: 'jo', filter: 'all' },
    { type: 'search', id: 1.5, query: 'jo', filter: 'all' },
    { type: 'search', id: Number.MAX_SAFE_INTEGER + 1, query: 'jo', filter: 'all' },
    { type: 'search', id: '1', query: 'jo', filter: 'all' },
    { type: 'search', id: 1, query: 'q'.repeat(LIMITS.query + 1), filter: 'all' },
    { type: 'search', id: 1, query: 'jo', filter: 'documents' },
    { type: 'search', id: 1, query: 'jo', filter: '__proto__' },
    { type: 'search', id: 1, query: 'jo', filter: 'all', url: 'https://evil.example' },
    { type: 'search', id: 1, query: 'jo' },
    { type: 'search', id: 1, query: 'jo', filter: 'all', typing: 'yes' },
    { type: 'search', id: 1, query: 'jo', filter: 'all', typing: null },
    { type: 'status' },
  ])('rejects %j', (message) => {
    expect(validateSearchMessage(message)).toBeNull();
  });
});
