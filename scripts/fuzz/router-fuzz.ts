/**
 * Messages against the worker's boundary:
 *
 *  - `schemaProperty`: `validateRequest` and `validateSearchMessage` alone. A valid message gives a fresh, plain
 *    copy of exactly its fields; an invalid one gives null.
 *  - `routerSuite`: the real router and handlers over the in-memory fake browser (src/shared/test-support/
 *    fake-browser.ts), one fresh fake per run in a generated state (connected or not, host access granted or
 *    not, a managed policy — junk included —, what the user does in the sign-in window), talking to the real
 *    demo Space server, or to a generated Space (fake-space.ts), or to none. Every answer is a typed success of
 *    its request type or a typed error; never `internal` (an exception nobody meant). A message from a foreign
 *    sender, or one schema.ts refuses, gets exactly `bad-request` and changes nothing: no handler, no request to
 *    Space, no storage write or removal, no tab, no permission change, no sign-in window, no badge.
 */
import fc from 'fast-check';
import { formatViolations, takeContractViolations } from '../contract/log.ts';
import { DEMO_CLIENT_ID, startDemoServer, type DemoServer } from '../demo-space/server.ts';
import { saveConnection } from '../../src/background/connection-store.ts';
import { handlers as realHandlers } from '../../src/background/handlers/index.ts';
import type { Deps } from '../../src/background/platform.ts';
import { createRouter, type Handlers, type RequestContext } from '../../src/background/router.ts';
import { validateRequest, validateSearchMessage } from '../../src/background/schema.ts';
import type { Request } from '../../src/shared/protocol.ts';
import type { AuthWindowAction } from '../../src/shared/test-support/fake-auth-window.ts';
import { createFakeBrowser } from '../../src/shared/test-support/fake-browser.ts';
import { originPattern } from '../../src/space/base-url.ts';
import { createSpaceClient } from '../../src/space/client.ts';
import { generatedSpace, loadAnswers } from './fake-space.ts';
import { junk } from './json.ts';
import {
  messageArbitrary, searchMessageArbitrary, senderArbitrary, type GeneratedMessage, type GeneratedSender, type MessageContext,
} from './messages.ts';
import { appError, responseValue, result } from './results.ts';
import type { Prepared } from './suites.ts';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);

/** Sorted-key JSON: equal for equal data whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
    : v));
}

/** Strings as schema.ts hands them on: lone surrogates replaced by U+FFFD (checked with the engine's own ES2024 method). */
function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return (value as string & { toWellFormed(): string }).toWellFormed();
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormedDeep(v)]));
  return value;
}

/** `request` is a fresh plain object (nested ones too) holding exactly what `message` held, its strings well-formed. */
function checkCopy(request: unknown, message: unknown): string | null {
  if (request === message) return 'the validated request is the message object itself';
  if (Object.getPrototypeOf(request) !== Object.prototype) return 'the validated request is not a plain object';
  const settings = (request as { settings?: { searchProjects?: unknown } }).settings;
  const sent = (message as { settings?: { searchProjects?: unknown } }).settings;
  // An update names only what it changes (SettingsUpdate): the array, when sent, must be a copy too.
  if (settings !== undefined && (settings === sent || (Array.isArray(sent?.searchProjects) && settings.searchProjects === sent.searchProjects))) return 'settings are not copied';
  const expected = canonical(wellFormedDeep({ ...(message as object) }));
  return canonical(request) === expected ? null : `validated ${canonical(request)} ≠ sent ${expected}`;
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join();
function checkNoPollution(): string | null {
  if (Object.getOwnPropertyNames(Object.prototype).sort().join() !== PROTOTYPE_NAMES) return 'Object.prototype gained a property';
  const probe = {} as Record<string, unknown>;
  return probe.type === undefined && probe.polluted === undefined && probe.searchProjects === undefined ? null : 'Object.prototype was polluted';
}

function schemaContext(): MessageContext {
  return {
    extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, serverUrl: 'http://127.0.0.1:8084', token: 'tok_FUZZ', clientId: DEMO_CLIENT_ID,
    detailsIds: ['alex.demo', 'ABC-T-1', 'ABC/backend'], details: [{ kind: 'person', id: 'alex.demo' }], projectKeys: ['ABC'], attachmentIds: ['vYK0b1Qisdf2C'],
  };
}

export function schemaProperty(): fc.IProperty<[{ kind: 'request'; g: GeneratedMessage } | { kind: 'port'; g: { message: unknown; expect: string } }]> {
  const ctx = schemaContext();
  return fc.property(fc.oneof(
    { weight: 3, arbitrary: messageArbitrary(ctx).map((g) => ({ kind: 'request' as const, g })) },
    { weight: 1, arbitrary: searchMessageArbitrary().map((g) => ({ kind: 'port' as const, g })) },
  ), (input) => {
    const { message, expect } = input.g;
    const validated = input.kind === 'request' ? validateRequest(message) : validateSearchMessage(message);
    const how = input.kind === 'request' ? input.g.how : 'port message';
    if (expect === 'valid' && validated === null) throw new Error(`refused a valid message (${how})`);
    if (expect === 'invalid' && validated !== null) throw new Error(`accepted an invalid message (${how}): ${canonical(validated)}`);
    if (validated !== null) {
      const wrong = checkCopy(validated, message);
      if (wrong) throw new Error(`${how}: ${wrong}`);
    }
    const polluted = checkNoPollution();
    if (polluted) throw new Error(polluted);
  });
}

interface RunState {
  connection: 'none' | 'token' | 'token-session';
  granted: boolean;
  managed: Record<string, unknown> | null;
  authWindow: AuthWindowAction;
  identity: boolean;
  space: 'demo' | 'generated' | 'down';
}

function stateArbitrary(serverUrl: string): fc.Arbitrary<RunState> {
  const managedValue = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    {
      weight: 2, arbitrary: fc.record({
        spaceUrl: fc.constantFrom<unknown>(serverUrl, 'https://space.example.com', 'not a url', 3, ''),
        signInMethods: fc.constantFrom<unknown>('both', 'token', 'oauth', 'neither', null),
        oauthClientId: fc.constantFrom<unknown>(DEMO_CLIENT_ID, 'other', ' ', 42),
        forceSessionOnly: fc.constantFrom<unknown>(true, false, 'yes'),
      }, { requiredKeys: [] }),
    },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 16 }), junk, { maxKeys: 4 }) as fc.Arbitrary<Record<string, unknown>> },
  );
  return fc.record({
    connection: fc.constantFrom<RunState['connection']>('token', 'token', 'token-session', 'none'),
    granted: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    managed: managedValue,
    authWindow: fc.constantFrom<AuthWindowAction>('approve', 'approve', 'deny', 'close'),
    identity: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    space: fc.constantFrom<RunState['space']>('demo', 'demo', 'generated', 'down'),
  });
}

/** Everything a run could change in the fake browser, as text. */
function effects(fake: ReturnType<typeof createFakeBrowser>): string {
  return JSON.stringify({
    local: fake.storage.local.dump(), session: fake.storage.session.dump(), sync: fake.storage.sync.dump(),
    writes: fake.storage.local.writes.length + fake.storage.session.writes.length + fake.storage.sync.writes.length,
    granted: fake.granted(), record: { ...fake.record, menus: [...fake.record.menus] }, authWindows: fake.auth.windows.length,
  });
}

export async function routerSuite(): Promise<Prepared> {
  await loadAnswers();
  const server: DemoServer = await startDemoServer();
  const serverOrigin = new URL(server.url).origin;
  // The sign-in window of the fake browser fetches with the global fetch: it may reach the demo server, nothing else.
  const realFetch = globalThis.fetch;
  const guardedFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== serverOrigin) return Promise.reject(new TypeError('fetch failed'));
    return realFetch(input, init);
  }) as typeof fetch;
  globalThis.fetch = guardedFetch;

  const dataset = server.dataset;
  const details: MessageContext['details'] = [
    ...dataset.profiles.slice(0, 3).map((p) => ({ kind: 'person' as const, id: p.username })),
    ...dataset.teams.slice(0, 2).map((t) => ({ kind: 'team' as const, id: t.id })),
    ...dataset.locations.slice(0, 2).map((l) => ({ kind: 'location' as const, id: l.id })),
    ...dataset.projects.slice(0, 2).map((p) => ({ kind: 'project' as const, id: p.key.key })),
    ...dataset.issues.slice(0, 3).map((i) => ({ kind: 'issue' as const, id: `${i.projectRef.key.key}-T-${i.number}` })),
    ...dataset.reviews.slice(0, 2).map((r) => ({
      kind: 'review' as const, id: `${r.review.project.key}-${r.review.className === 'MergeRequestRecord' ? 'MR' : 'CR'}-${r.review.number}`,
    })),
    ...dataset.projects.slice(0, 2).flatMap((p) => p.repos.slice(0, 1).map((repo) => ({ kind: 'repository' as const, id: `${p.key.key}/${repo.name}` }))),
    ...dataset.articles.slice(0, 2).map((a) => ({ kind: 'article' as const, id: a.id })),
  ];
  const ctx: MessageContext = {
    extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, serverUrl: server.url, token: 'tok_FUZZ_0', clientId: server.oauthClientId,
    detailsIds: details.map((d) => d.id),
    details,
    projectKeys: dataset.projects.slice(0, 4).map((p) => p.key.key),
    attachmentIds: dataset.profiles.slice(0, 3).flatMap((p) => (p.smallAvatar ? [p.smallAvatar] : [])),
  };
  let runNo = 0;
  /** `type: outcome` → count, outcome being `refused`, `ok` or the error code. */
  const tally = new Map<string, number>();
  const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

  const property = fc.asyncProperty(
    messageArbitrary(ctx), senderArbitrary(ctx), stateArbitrary(server.url), fc.gen(),
    async (generated: GeneratedMessage, from: GeneratedSender, state: RunState, g: fc.GeneratorValue) => {
      runNo += 1;
      const token = `tok_FUZZ_${runNo}`;
      server.addToken(token);
      const fake = createFakeBrowser({ id: EXTENSION_ID, managed: state.managed });
      fake.auth.action = state.authWindow;
      fake.auth.granted = state.identity;
      if (state.connection !== 'none') {
        await saveConnection(fake.platform, {
          origin: server.url, token, identity: { name: 'Alex Demo', username: dataset.demoUser.username }, sessionOnly: state.connection === 'token-session', now: T0,
        });
      }
      if (state.granted) fake.grant(originPattern(server.url));
      // The message's token: the run's own when it asked for the demo one (a revoke must not end the next run's).
      const message = retoken(generated.message, ctx.token, token);

      const spaceCalls: string[] = [];
      const generatedFetch = generatedSpace(g, serverOrigin).fetch;
      const spaceFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
        spaceCalls.push(String(input instanceof Request ? input.url : input));
        if (state.space === 'down') return Promise.reject(new TypeError('fetch failed'));
        return state.space === 'generated' ? generatedFetch(input, init) : guardedFetch(input, init);
      }) as typeof fetch;
      const deps: Deps = {
        platform: fake.platform,
        createClient: (o) => createSpaceClient({ ...o, fetch: spaceFetch, retry: { retries: 0 }, timeoutMs: 3_000 }),
        now: () => T0,
      };
      const calls: Request[] = [];
      const thrown: unknown[] = [];
      const handlers = Object.fromEntries(Object.entries(realHandlers).map(([type, handler]) => [type, async (request: never, d: Deps, c: RequestContext) => {
        calls.push(request);
        try {
          return await (handler as (r: never, d: Deps, c: RequestContext) => Promise<unknown>)(request, d, c);
        } catch (e) {
          thrown.push(e);
          throw e;
        }
      }])) as unknown as Handlers;
      const route = createRouter(handlers, deps);

      takeContractViolations();
      server.clearRequests();
      const before = effects(fake);
      const answer: unknown = await route(message, from.sender);

      const fail = (what: string) => {
        throw new Error(`${what}\n  message: ${generated.how}; sender: ${from.how}; state: ${canonical(state)}\n  answer: ${canonical(answer)?.slice(0, 600)}`);
      };
      const shape = result(() => null)(answer, 'answer');
      if (shape) fail(`not a Result: ${shape}`);
      const text = JSON.stringify(answer);
      for (const secret of [token, ...Object.values(server.issuedOAuthTokens()).flat()]) {
        if (text.includes(secret)) fail('a token is in the answer');
      }
      const polluted = checkNoPollution();
      if (polluted) fail(polluted);

      const outcome = (answer as { ok: boolean; error?: { code: string } }).error?.code ?? 'ok';
      count(calls.length === 0 ? 'refused' : `${calls[0]!.type}: ${outcome}`);
      if (calls.length === 0) {
        if (from.internal && generated.expect === 'valid') fail('a valid message from our page was refused');
        if (canonical(answer) !== canonical({ ok: false, error: { code: 'bad-request' } })) fail('a refused message did not get exactly bad-request');
        if (spaceCalls.length > 0 || server.requests.length > 0) fail(`a refused message reached Space: ${spaceCalls.join(', ')}`);
        if (effects(fake) !== before) fail('a refused message changed the browser state');
        return;
      }
      if (calls.length > 1) fail(`${calls.length} handlers ran`);
      if (!from.internal) fail('a foreign sender reached a handler');
      if (generated.expect === 'invalid') fail('an invalid message reached a handler');
      const request = calls[0]!;
      const copy = checkCopy(request, message);
      if (copy) fail(copy);
      const typed = (answer as { ok: boolean }).ok
        ? responseValue(request, server.url)((answer as { value: unknown }).value, `${request.type}.value`)
        : appError((answer as { error: unknown }).error, `${request.type}.error`);
      if (typed) fail(`untyped answer: ${typed}`);
      if ((answer as { ok: boolean; error?: { code: string } }).error?.code === 'internal') {
        const cause = thrown[0];
        fail(`answered internal: ${cause instanceof Error ? cause.stack : String(cause)}`);
      }
      const violations = takeContractViolations();
      if (violations.length > 0) fail(`requests Space's API does not allow:\n${formatViolations(violations)}`);
    },
  );

  return {
    property: property as never,
    async close() {
      globalThis.fetch = realFetch;
      await server.close();
    },
    summary() {
      const byType = new Map<string, string[]>();
      for (const [key, n] of [...tally].sort()) {
        const [type, outcome] = key.includes(': ') ? key.split(': ') as [string, string] : [key, ''];
        byType.set(type, [...(byType.get(type) ?? []), outcome === '' ? String(n) : `${outcome} ${n}`]);
      }
      return [...byType].map(([type, outcomes]) => `${type}: ${outcomes.join(', ')}`).join('\n');
    },
  };
}

/**
 * The message with the placeholder token replaced by the run's, in a copy of the same kind of object (generated
 * values are never mutated: fast-check replays and shrinks them).
 */
function retoken(message: unknown, placeholder: string, token: string): unknown {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return message;
  const proto: unknown = Object.getPrototypeOf(message);
  if (proto !== Object.prototype && proto !== null) return message;
  const descriptors = Object.getOwnPropertyDescriptors(message);
  const held = descriptors.token;
  if (!held || !('value' in held) || typeof held.value !== 'string' || !held.value.includes(placeholder)) return message;
  descriptors.token = { ...held, value: held.value.replace(placeholder, token) };
  return Object.create(proto as object | null, descriptors) as unknown;
}
