/**
 * Incognito: queries and results from a private window never reach the normal profile's cache or last view
 * (with the default `incognito: "spanning"` one worker and one storage serve both). Decided per port or
 * message: the popup names its port `lookup-private` (Chrome's private-window popup has no tab in its sender),
 * a sender in an incognito tab counts as private too, and the omnibox asks which window has focus. The real
 * browser is checked in e2e/incognito.e2e.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { LAST_VIEW_KEY } from '../shared/storage-keys.ts';
import { LOOKUP_PORT, LOOKUP_PORT_PRIVATE, type GroupMessage, type LookupServerMessage } from '../shared/protocol.ts';
import { PENDING_QUERY_KEY } from '../shared/storage-keys.ts';
import { writesSettled } from './cache.ts';
import { handleContextMenuClick, MENU_ID } from './context-menu.ts';
import { handleOmniboxEnter, handleOmniboxInput } from './omnibox.ts';
import { validateRequest } from './schema.ts';
import { acceptLookupPort } from './search/port.ts';
import { isPrivateSender } from './sender.ts';
import { createPortPair } from '../shared/test-support/fake-ports.ts';
import { createRig, useConnectedRig, type Rig } from './test-support/harness.ts';

describe('the sender rule', () => {
  it.each([
    [{ id: 'x', tab: { id: 1, incognito: true } }, true],
    [{ id: 'x', tab: { id: 1, incognito: false } }, false],
    [{ id: 'x', tab: { id: 1 } }, false],
    [{ id: 'x', tab: { id: 1, incognito: 'true' } }, false],
    [{ id: 'x', tab: null }, false],
    [{ id: 'x' }, false],
    [null, false],
    ['incognito', false],
  ])('%j → private: %s', (sender, expected) => {
    expect(isPrivateSender(sender)).toBe(expected);
  });

  it('avatar requests may say they are private; nothing but a boolean is accepted', () => {
    expect(validateRequest({ type: 'avatar', id: 'abc', private: true })).toEqual({ type: 'avatar', id: 'abc', private: true });
    expect(validateRequest({ type: 'avatar', id: 'abc' })).toEqual({ type: 'avatar', id: 'abc' });
    expect(validateRequest({ type: 'avatar', id: 'abc', private: 'yes' })).toBeNull();
    expect(validateRequest({ type: 'avatar', id: 'abc', private: true, extra: 1 })).toBeNull();
  });
});

describe('searches and avatars from a private window', () => {
  const connected = useConnectedRig();
  let rig: Rig;
  beforeEach(() => { rig = connected.current; });

  async function lookup(name: string, sender: unknown, query: string) {
    const { client, server } = createPortPair(name, sender);
    acceptLookupPort(server, rig.deps);
    client.postMessage({ type: 'search', id: 1, query, filter: 'person' });
    const end = Date.now() + 8_000;
    while (!(client.received as LookupServerMessage[]).some((m) => m.type !== 'group') && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 5));
    }
    client.disconnect();
    await writesSettled();
    return client.received as LookupServerMessage[];
  }

  const session = () => rig.fake.storage.session.snapshot();

  it('the lookup-private port: results come back, nothing is read from or written to storage', async () => {
    await lookup(LOOKUP_PORT, rig.fake.popupSender(), 'jonathan'); // the normal profile's last search
    const before = session();
    expect(before[LAST_VIEW_KEY]).toMatchObject({ query: 'jonathan' });
    rig.server.clearRequests();

    const messages = await lookup(LOOKUP_PORT_PRIVATE, rig.fake.popupSender(), 'jonathan');
    const groups = messages.filter((m): m is GroupMessage => m.type === 'group');
    expect(messages.at(-1)).toMatchObject({ type: 'done' });
    expect(groups.length).toBeGreaterThan(0);
    // Not served from the normal profile's cache: asked Space, nothing marked cached.
    expect(groups.every((g) => !g.cached)).toBe(true);
    expect(rig.server.requests.length).toBeGreaterThan(0);

    await lookup(LOOKUP_PORT_PRIVATE, rig.fake.popupSender(), 'wojciech');
    await lookup(LOOKUP_PORT_PRIVATE, rig.fake.popupSender(), 'NOPE-T-1');
    expect(session()).toEqual(before);
    expect(JSON.stringify(session()).toLowerCase()).not.toContain('wojciech');
  });

  it('a lookup port from a sender in an incognito tab is private too', async () => {
    const sender = { ...rig.fake.popupSender(), tab: { id: 7, incognito: true } };
    await lookup(LOOKUP_PORT, sender, 'jonathan');
    expect(session()).toEqual({});
  });

  it('the same search from a normal window is cached and remembered (so the checks above can fail)', async () => {
    await lookup(LOOKUP_PORT, rig.fake.popupSender(), 'jonathan');
    expect(Object.keys(session()).some((k) => k.startsWith('cache:'))).toBe(true);
    expect(session()[LAST_VIEW_KEY]).toMatchObject({ query: 'jonathan' });
  });

  it('an avatar asked for a private window is neither cached nor served from the cache', async () => {
    const me = await rig.deps.createClient({ origin: rig.server.url, token: rig.server.token }).me();
    const id = me.avatarId ?? '';
    const first = await rig.ask<{ dataUrl: string }>({ type: 'avatar', id, private: true });
    expect(first.ok).toBe(true);
    await writesSettled();
    expect(session()).toEqual({});

    const incognitoTab = { ...rig.fake.popupSender(), tab: { id: 7, incognito: true } };
    await rig.route({ type: 'avatar', id }, incognitoTab);
    await writesSettled();
    expect(session()).toEqual({});

    await rig.ask({ type: 'avatar', id }); // normal: cached
    await writesSettled();
    rig.server.clearRequests();
    expect(await rig.ask({ type: 'avatar', id, private: true })).toEqual(first);
    expect(rig.server.requests).toHaveLength(1); // asked Space again instead of reading the normal cache
  });

  it('the omnibox typed in a private window leaves nothing; in a normal window it caches', async () => {
    rig.fake.focusedWindow.incognito = true;
    const suggestions: unknown[] = [];
    await handleOmniboxInput(rig.deps, 'jonathan', (s) => suggestions.push(s));
    await writesSettled();
    expect(suggestions.length).toBeGreaterThan(0);
    expect(session()).toEqual({});

    rig.fake.focusedWindow.incognito = false;
    await handleOmniboxInput(rig.deps, 'jonathan', () => undefined);
    await writesSettled();
    expect(Object.keys(session()).some((k) => k.startsWith('cache:'))).toBe(true);
  });

  it('Enter on free text in a private window opens no normal-window tab with the query', async () => {
    rig.fake.focusedWindow.incognito = true;
    await handleOmniboxEnter(rig.deps, 'secret query', 'newForegroundTab');
    expect(rig.fake.record.tabsCreated).toEqual([]);
    rig.fake.focusedWindow.incognito = false;
    await handleOmniboxEnter(rig.deps, 'normal query', 'newForegroundTab');
    expect(rig.fake.record.tabsCreated.map((t) => t.url)).toEqual([expect.stringContaining('?q=normal%20query')]);
  });
});

describe('the context menu in a private window', () => {
  it('without openPopup, opens no normal-window tab with the selection, and leaves no pending query', async () => {
    const rig = await createRig({ browser: { openPopup: 'rejects' } });
    try {
      await handleContextMenuClick(rig.deps, { menuItemId: MENU_ID, selectionText: 'private words' }, { incognito: true });
      expect(rig.fake.record.tabsCreated).toEqual([]);
      expect(rig.fake.storage.session.snapshot()[PENDING_QUERY_KEY]).toBeUndefined();

      await handleContextMenuClick(rig.deps, { menuItemId: MENU_ID, selectionText: 'normal words' }, { incognito: false });
      expect(rig.fake.record.tabsCreated.map((t) => t.url)).toEqual([expect.stringContaining('?q=normal%20words')]);
    } finally {
      await rig.close();
    }
  });
});
