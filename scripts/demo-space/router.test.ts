import { describe, expect, it } from 'vitest';
import { matchRoute, route, type Route } from './router.ts';

const ok = () => null;
const routes: Route[] = [
  route('GET', '/projects/{project}', ok),
  route('GET', '/projects/{member}', ok, { constraints: { member: /^member:/ } }),
  route('GET', '/projects/source-search', ok),
  route('DELETE', '/projects/{project}/tokens', ok),
];
const found = (list: readonly Route[], method: string, path: string): string | null => {
  const match = matchRoute(list, method, path.split('/').filter(Boolean));
  return match.kind === 'found' ? match.route.pattern + (match.route.segments.some((s) => 'param' in s && s.constraint) ? ' (constrained)' : '') : match.kind;
};

describe('the router: the most specific route wins, whatever the order kind modules come in', () => {
  it.each([{ order: 'as listed', list: routes }, { order: 'reversed', list: [...routes].reverse() }])('$order', ({ list }) => {
    expect(found(list, 'GET', '/projects/source-search')).toBe('/projects/source-search');
    expect(found(list, 'GET', '/projects/member:alex')).toBe('/projects/{member} (constrained)');
    expect(found(list, 'GET', '/projects/key:ABC')).toBe('/projects/{project}');
  });

  it('answers 405 with the methods the path has, 404 for a path it lacks', () => {
    const match = matchRoute(routes, 'GET', ['projects', 'key:ABC', 'tokens']);
    expect(match).toEqual({ kind: 'method-not-allowed', allowed: ['DELETE'] });
    expect(found(routes, 'GET', '/blog')).toBe('not-found');
  });
});
