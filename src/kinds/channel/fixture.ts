/** Test fixture (test-support/fixtures.ts): a chat channel whose every string field is `s(n)`. */
import type { Fixture } from '../test-support/fixtures.ts';

export const fixture: Fixture<'channel'> = (s) => ({
  kind: 'channel', id: s(0), title: s(1), webUrl: 'https://space.example.com/x', name: s(2), description: s(3),
  subscribers: 12, subscribed: true, lastMessageTime: Date.UTC(2024, 5, 12, 9), archived: false,
});
