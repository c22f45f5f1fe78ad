/** Test fixture (test-support/fixtures.ts): a blog article whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'article'> = (s) => ({
  kind: 'article', id: s(0), title: s(1), webUrl: 'https://space.example.com/x',
  author: { id: 'author', username: s(2), name: s(3) }, createdAt: Date.UTC(2024, 5, 1), preview: s(4),
  teams: [{ id: 't', name: s(5) }], locations: [{ id: 'l', name: s(6) }],
});
