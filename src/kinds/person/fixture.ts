/** Test fixture (test-support/fixtures.ts): a person whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'person'> = (s) => ({
  kind: 'person', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', username: s(2), firstName: s(3), lastName: s(4),
  avatarId: null, emails: [s(5)], phones: [s(6)], positions: [s(7)], teams: [{ id: 't', name: s(8) }],
  locations: [{ id: 'l', name: s(9) }], timeZone: 'Europe/Berlin', absence: { reason: s(10), until: '2030-01-02' },
  workingHours: { days: [{ weekday: 1, from: 540, to: 1020 }] },
});
