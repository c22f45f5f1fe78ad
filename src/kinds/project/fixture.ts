/** Test fixture (test-support/fixtures.ts): a project whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'project'> = (s) => ({
  kind: 'project', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', key: s(2), name: s(3), description: s(4),
  private: true, repositories: [s(5), s(6)],
});
