/**
 * The bench counts a kind's requests by endpoint: every kind's real search request, sent by the kind itself
 * through the client to the demo server, must be classified as that kind (so a new kind, or a moved endpoint,
 * can't silently drop out of the request counts).
 */
import { describe, expect, it } from 'vitest';
import { issuesAssignedToMe } from '../../src/kinds/issue/waiting.ts';
import { reviewsWaitingFor } from '../../src/kinds/review/waiting.ts';
import { createSpaceClient } from '../../src/space/client.ts';
import { kindSearch } from '../../src/kinds/search-registry.ts';
import { ALL_KINDS } from '../../src/shared/kinds.ts';
import { parseQuery } from '../../src/shared/query.ts';
import { useDemoServer } from '../demo-space/use-demo-server.ts';
import { isSearch, kindOf, kindOfUrl, searchedText } from './request-kind.ts';

const demo = useDemoServer();

describe('kindOf', () => {
  it.each(ALL_KINDS)('classifies the search request the %s kind sends as its own', async (kind) => {
    const server = demo.current;
    const api = createSpaceClient({ origin: server.url, token: server.token });
    await kindSearch(kind).search(api, parseQuery('alpha'), {
      signal: new AbortController().signal, top: 5, scopeProjects: async () => ['ABC'],
    });
    const sent = server.requests.filter((r) => !r.path.startsWith('/d/'));
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map((r) => kindOf(r))).toEqual(sent.map(() => kind));
    expect(sent.map((r) => searchedText(r))).toEqual(sent.map(() => 'alpha'));
  });

  it('tells the Waiting for you lists from the review and issue searches on the same endpoints', async () => {
    const server = demo.current;
    const api = createSpaceClient({ origin: server.url, token: server.token });
    server.clearRequests();
    await reviewsWaitingFor(api, 'ABC', 'alex.demo');
    await issuesAssignedToMe(api, 'ABC');
    const sent = server.requests.filter((r) => !r.path.startsWith('/d/'));
    expect(sent.map((r) => kindOf(r))).toEqual(['waiting', 'waiting']);
    expect(isSearch('waiting')).toBe(false);
  });

  it('tells the scope, a card and an avatar from searches', () => {
    expect(kindOf({ path: '/api/http/projects/member:me', query: {} })).toBe('scope');
    expect(kindOf({ path: '/api/http/projects', query: { starred: ['true'] } })).toBe('scope');
    expect(kindOf({ path: '/api/http/team-directory/profiles/username:ada', query: {} })).toBe('details');
    expect(kindOf({ path: '/api/http/blog/42', query: {} })).toBe('details');
    expect(kindOf({ path: '/d/abc', query: {} })).toBe('avatar');
    expect(isSearch('scope')).toBe(false);
    expect(isSearch('code')).toBe(true);
  });

  it('reads a worker fetch URL the same way as a recorded request', () => {
    expect(kindOfUrl('http://127.0.0.1:1/api/http/projects/key:ABC/code-reviews?text=x')).toBe('review');
    expect(kindOfUrl('http://127.0.0.1:1/api/http/chats/channels/all-channels?query=x')).toBe('channel');
  });
});
