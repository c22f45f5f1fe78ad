/** The kinds' Space calls without a server: what input can name nothing, and the paths the others ask for. */
import { describe, expect, it } from 'vitest';
import { createSpaceClient } from '../space/client.ts';
import { issueByKey, issueByNumber } from './issue/space.ts';
import { location } from './location/space.ts';
import { person } from './person/space.ts';
import { reviewByKey } from './review/space.ts';
import { team } from './team/space.ts';

// Every call below must fail before fetching; a fetch that throws proves it was never reached.
const noFetch: typeof fetch = () => {
  throw new Error('fetch must not be called');
};

describe('input that can name nothing fails without a request', () => {
  const api = createSpaceClient({ origin: 'https://space.example.com', token: 't', fetch: noFetch });
  it.each([
    ['issueByKey("ABC")', () => issueByKey(api, 'ABC')],
    ['issueByKey("ABC-MR-1")', () => issueByKey(api, 'ABC-MR-1')],
    ['issueByNumber("ABC", 0)', () => issueByNumber(api, 'ABC', 0)],
    ['issueByNumber("ABC", 1.5)', () => issueByNumber(api, 'ABC', 1.5)],
    ['reviewByKey("ABC-T-1")', () => reviewByKey(api, 'ABC-T-1')],
    ['reviewByKey("ABC-MR-0")', () => reviewByKey(api, 'ABC-MR-0')],
    ['reviewByKey("ABC-CR-0000")', () => reviewByKey(api, 'ABC-CR-0000')],
    ['reviewByKey("ABC-MR-2147483648")', () => reviewByKey(api, 'ABC-MR-2147483648')],
    ['reviewByKey("ABC-CR-99999999999")', () => reviewByKey(api, 'ABC-CR-99999999999')],
    ['issueByKey("ABC-T-2147483648")', () => issueByKey(api, 'ABC-T-2147483648')],
    ['issueByNumber("ABC", 2147483648)', () => issueByNumber(api, 'ABC', 2_147_483_648)],
    ['team("..")', () => team(api, '..')],
    ['location("")', () => location(api, '')],
    ['person("")', () => person(api, '')],
  ])('%s → not-found (a rejected promise, never a synchronous throw)', async (_name, call) => {
    const pending = call();
    expect(pending).toBeInstanceOf(Promise);
    await expect(pending).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('paths', () => {
  /** The path each call asks for (the answer, a 418, fails the call; nothing is retried). */
  async function pathOf(call: (api: ReturnType<typeof createSpaceClient>) => Promise<unknown>): Promise<string> {
    let asked = '';
    const fetch: typeof globalThis.fetch = async (input) => {
      asked = new URL(String(input instanceof Request ? input.url : input)).pathname;
      return new Response('{}', { status: 418 });
    };
    await call(createSpaceClient({ origin: 'https://space.example.com', token: 't', fetch, retry: { retries: 0 } })).catch(() => undefined);
    return asked;
  }

  it('keep identifier prefixes literal and encode the values', async () => {
    expect(await pathOf((api) => issueByKey(api, 'abc-t-12'))).toBe('/api/http/projects/key:ABC/planning/issues/key:ABC-T-12');
    expect(await pathOf((api) => issueByNumber(api, 'ABC', 7))).toBe('/api/http/projects/key:ABC/planning/issues/number:7');
    expect(await pathOf((api) => reviewByKey(api, 'ABC-CR-3'))).toBe('/api/http/projects/key:ABC/code-reviews/number:3');
  });
});
