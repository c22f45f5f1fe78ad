/** Test fixture (test-support/fixtures.ts): a project document whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'document'> = (s) => ({
  kind: 'document', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', projectKey: s(2),
  folder: { id: 'folder', name: s(3) }, author: { id: 'author', username: s(4), name: s(5) }, updatedAt: Date.UTC(2024, 5, 10, 10),
});
