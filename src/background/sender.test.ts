import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isInternalSender } from './sender.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const FIREFOX_ID = 'space-lookup@space-lookup.invalid';
const FIREFOX_ORIGIN = 'moz-extension://0b6e2f8c-5c1e-4c7a-9a53-2f1f5c0c9d11';

describe('isInternalSender', () => {
  const table: [string, unknown, boolean][] = [
    ['popup (Chrome: id + origin + url)', { id: ID, origin: ORIGIN, url: `${ORIGIN}/src/popup/index.html` }, true],
    ['popup with documentId/lifecycle and frameId 0', { id: ID, origin: ORIGIN, frameId: 0, documentId: 'x', documentLifecycle: 'active' }, true],
    ['options page in a tab, origin vouched for', { id: ID, origin: ORIGIN, tab: { id: 7, url: `${ORIGIN}/src/options/index.html` }, frameId: 0 }, true],
    ['Firefox < 126: no origin, no tab', { id: ID, url: `${ORIGIN}/src/popup/index.html` }, true],
    ['foreign extension id', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', origin: ORIGIN }, false],
    ['missing id', { origin: ORIGIN }, false],
    ['id of another type', { id: 42, origin: ORIGIN }, false],
    ['content-script shape: tab + page origin', { id: ID, origin: 'https://evil.example', tab: { id: 1 }, frameId: 0, url: 'https://evil.example/' }, false],
    ['tab sender without origin (Firefox < 126 content script)', { id: ID, tab: { id: 1 }, frameId: 0, url: `${ORIGIN}/src/options/index.html` }, false],
    ['hostile url claiming our page, wrong origin', { id: ID, origin: 'https://evil.example', url: `${ORIGIN}/src/popup/index.html` }, false],
    ['origin with trailing slash', { id: ID, origin: `${ORIGIN}/` }, false],
    ['origin "null" (what new URL() says for extension URLs)', { id: ID, origin: 'null' }, false],
    ['origin of another extension', { id: ID, origin: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, false],
    ['origin differing in case only', { id: ID, origin: ORIGIN.toUpperCase() }, false],
    ['origin as an object', { id: ID, origin: { toString: () => ORIGIN } }, false],
    ['subframe of our own page', { id: ID, origin: ORIGIN, frameId: 3 }, false],
    ['frameId as a string', { id: ID, origin: ORIGIN, frameId: '0' }, false],
    ['null tab counts as a tab', { id: ID, tab: null }, false],
    ['null sender', null, false],
    ['string sender', ID, false],
  ];

  it.each(table)('%s', (_name, sender, expected) => {
    expect(isInternalSender(sender, ID, ORIGIN)).toBe(expected);
  });

  it('treats Chrome and Firefox shapes alike', () => {
    expect(isInternalSender({ id: FIREFOX_ID, origin: FIREFOX_ORIGIN }, FIREFOX_ID, FIREFOX_ORIGIN)).toBe(true);
    expect(isInternalSender({ id: FIREFOX_ID, url: 'https://evil.example/' }, FIREFOX_ID, FIREFOX_ORIGIN)).toBe(true);
    expect(isInternalSender({ id: FIREFOX_ID, origin: ORIGIN }, FIREFOX_ID, FIREFOX_ORIGIN)).toBe(false);
    expect(isInternalSender({ id: FIREFOX_ID, tab: { id: 1 } }, FIREFOX_ID, FIREFOX_ORIGIN)).toBe(false);
  });

  it('never trusts an empty own id or origin', () => {
    expect(isInternalSender({ id: '' }, '', ORIGIN)).toBe(false);
    expect(isInternalSender({ id: ID, origin: '' }, ID, '')).toBe(false);
  });

  it('accepts only senders that carry our id, and never one with a foreign origin (property)', () => {
    fc.assert(fc.property(
      fc.record({
        id: fc.oneof(fc.constant(ID), fc.string(), fc.anything()),
        origin: fc.oneof(fc.constant(ORIGIN), fc.constant(undefined), fc.webUrl(), fc.string()),
        tab: fc.oneof(fc.constant(undefined), fc.record({ id: fc.nat() })),
        frameId: fc.oneof(fc.constant(undefined), fc.constant(0), fc.integer()),
        url: fc.oneof(fc.constant(`${ORIGIN}/src/popup/index.html`), fc.webUrl()),
      }, { requiredKeys: [] }),
      (sender) => {
        const ok = isInternalSender(sender, ID, ORIGIN);
        if (ok) {
          expect(sender.id).toBe(ID);
          if (sender.origin !== undefined) expect(sender.origin).toBe(ORIGIN);
          if (sender.tab !== undefined) expect(sender.origin).toBe(ORIGIN);
          expect(sender.frameId === undefined || sender.frameId === 0).toBe(true);
        }
      },
    ), { numRuns: 500 });
  });
});
