/** Test fixture (test-support/fixtures.ts): a issue whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'issue'> = (s) => ({
  kind: 'issue', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', projectKey: s(2), number: 42, key: s(3),
  status: { name: s(4), resolved: false, color: '#ff0000' }, assignee: { id: 'assignee', username: s(5), name: s(6) },
  dueDate: '2030-05-10', createdAt: 0,
});
