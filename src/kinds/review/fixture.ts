/** Test fixture (test-support/fixtures.ts): a review whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'review'> = (s) => ({
  kind: 'review', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', projectKey: s(2), number: 12, key: s(3),
  state: s(4), type: 'merge-request', branches: { source: s(5), target: s(6), repository: s(7) },
  author: { id: 'author', username: s(8), name: s(9) }, createdAt: 0,
});
