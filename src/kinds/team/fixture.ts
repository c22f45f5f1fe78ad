/** Test fixture (test-support/fixtures.ts): a team whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'team'> = (s) => ({
  kind: 'team', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', name: s(2), description: s(3),
  parent: { id: 'p', name: s(4) }, lead: { id: 'lead', username: s(5), name: s(6) }, memberCount: 7,
});
