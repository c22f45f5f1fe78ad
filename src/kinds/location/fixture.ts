/** Test fixture (test-support/fixtures.ts): a location whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'location'> = (s) => ({
  kind: 'location', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', name: s(2), type: s(3),
  parent: { id: 'p', name: s(4) }, timeZone: 'Asia/Kolkata', address: s(5),
});
