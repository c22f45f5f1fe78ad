/** Test fixture (test-support/fixtures.ts): a repository whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'repository'> = (s) => ({
  kind: 'repository', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', projectKey: s(2), name: s(3),
  description: s(4), defaultBranch: s(5), latestActivity: Date.UTC(2024, 0, 1),
});
