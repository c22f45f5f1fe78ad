/**
 * The request core with a `TokenSource` (an expiring OAuth access token): asked before each attempt, renewed
 * once per call after 401 "Access token has expired", its own failures passed on unchanged. Scripted server:
 * it answers by the bearer it gets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { TokenSource } from './api.ts';
import { createSpaceClient } from './client.ts';
import { SpaceError } from './errors.ts';
import { useScriptedServer } from './test-support/scripted-server.ts';

const ME = { id: '1', username: 'ann', name: { firstName: 'Ann', lastName: 'Lee' } };
/** Bearer → how the server treats it. */
const tokens = new Map<string, 'ok' | 'expired' | 'revoked'>();
const seen: string[] = [];

const server = useScriptedServer((req: IncomingMessage, res: ServerResponse) => {
  const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  seen.push(`${req.method} ${bearer}`);
  const state = tokens.get(bearer);
  res.setHeader('content-type', 'application/json');
  if (state === 'ok') {
    res.statusCode = 200;
    res.end(req.method === 'DELETE' ? '' : JSON.stringify(ME));
    return;
  }
  res.statusCode = 401;
  res.end(JSON.stringify({
    error: 'authentication-required',
    error_description: state === 'expired' ? 'Access token has expired' : 'Refresh token associated with the access token is revoked',
  }));
});

function source(first: string, next: string[]): TokenSource & { renewals: string[] } {
  let current = first;
  const renewals: string[] = [];
  return {
    renewals,
    token: async () => current,
    renew: async (stale) => {
      renewals.push(stale);
      current = next.shift() ?? current;
      return current;
    },
  };
}

const client = (token: TokenSource) => createSpaceClient({ origin: server.origin, token, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 } });

describe('a token source', () => {
  it('is renewed once after "expired" and the request repeated with the new token', async () => {
    tokens.clear(); seen.length = 0;
    tokens.set('old', 'expired').set('new', 'ok');
    const s = source('old', ['new']);
    expect((await client(s).me()).username).toBe('ann');
    expect(s.renewals).toEqual(['old']);
    expect(seen).toEqual(['GET old', 'GET new']);
  });

  it('renews a DELETE too (Space did nothing with the refused request), once', async () => {
    tokens.clear(); seen.length = 0;
    tokens.set('old', 'expired').set('new', 'ok');
    const s = source('old', ['new']);
    await client(s).revokeCurrentToken();
    expect(seen).toEqual(['DELETE old', 'DELETE new']);
  });

  it('is renewed at most once per call: a token still "expired" after renewal ends as unauthorized', async () => {
    tokens.clear(); seen.length = 0;
    tokens.set('old', 'expired').set('new', 'expired');
    const s = source('old', ['new', 'newer']);
    await expect(client(s).me()).rejects.toMatchObject({ code: 'unauthorized', reason: 'expired' });
    expect(s.renewals).toEqual(['old']);
    expect(seen).toEqual(['GET old', 'GET new']);
  });

  it('is not renewed for any other 401 (a revoked sign-in)', async () => {
    tokens.clear(); seen.length = 0;
    tokens.set('old', 'revoked');
    const s = source('old', ['new']);
    await expect(client(s).me()).rejects.toBeInstanceOf(SpaceError);
    expect(s.renewals).toEqual([]);
  });

  it("passes the source's own failure on unchanged, without a request", async () => {
    tokens.clear(); seen.length = 0;
    const refused = new Error('sign in again');
    const failing: TokenSource = { token: () => Promise.reject(refused), renew: () => Promise.reject(refused) };
    await expect(client(failing).me()).rejects.toBe(refused);
    expect(seen).toEqual([]);
  });
});
