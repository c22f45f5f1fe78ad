/** Test fixture (test-support/fixtures.ts): a source-search match whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'code'> = (s) => ({
  kind: 'code', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', projectKey: s(2), repository: s(3),
  path: s(4), commit: s(5), line: 6,
  lines: [{ number: 5, text: s(6), match: false }, { number: 6, text: s(7), match: true }, { number: null, text: s(8), match: false }],
});
