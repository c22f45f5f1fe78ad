import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../shared/protocol.ts';
import { PENDING_QUERY_KEY } from '../shared/storage-keys.ts';
import { saveConnection } from './connection-store.ts';
import { MENU_ID, createContextMenu, handleContextMenuClick } from './context-menu.ts';
import { onInstalled } from './install.ts';
import type { Deps } from './platform.ts';
import { createFakeBrowser, type FakeBrowserOptions } from '../shared/test-support/fake-browser.ts';

const ORIGIN = 'https://space.example.com';
const NOW = 1_736_931_600_000;

async function setup(opts: FakeBrowserOptions & { connected?: boolean } = {}) {
  const fake = createFakeBrowser(opts);
  const deps: Deps = {
    platform: fake.platform,
    createClient: () => { throw new Error('the context menu never calls Space'); },
    now: () => NOW,
  };
  if (opts.connected !== false) {
    await saveConnection(fake.platform, {
      origin: ORIGIN, token: 'secret-token-value-1234', identity: { name: 'A', username: 'a' }, sessionOnly: false, now: NOW,
    });
  }
  const click = (selectionText: unknown, menuItemId: unknown = MENU_ID) => handleContextMenuClick(deps, { menuItemId, selectionText });
  const popupPage = fake.platform.runtime.getURL('src/popup/index.html');
  return { fake, click, popupPage };
}

describe('context menu', () => {
  it('is created in onInstalled after removeAll, with a %s title for selections; a fresh install opens Options', async () => {
    const { fake } = await setup();
    await onInstalled(fake.platform, { reason: 'install' });
    expect(fake.record.menuRemoveAlls).toBe(1);
    expect([...fake.record.menus.values()]).toEqual([{ id: MENU_ID, title: 'Search Space for “%s”', contexts: ['selection'] }]);
    expect(fake.record.optionsOpens).toBe(1);
    // An update runs it again: no duplicate-id failure, no options page.
    await onInstalled(fake.platform, { reason: 'update' });
    expect(fake.record.menus.size).toBe(1);
    expect(fake.record.optionsOpens).toBe(1);
  });

  it('recreates the menu over an existing one (removeAll first: menus outlive the worker, ids are unique)', async () => {
    const { fake } = await setup();
    await createContextMenu(fake.platform);
    await createContextMenu(fake.platform);
    expect(fake.record.menuRemoveAlls).toBe(2);
    expect([...fake.record.menus.keys()]).toEqual([MENU_ID]);
  });

  it('opens the popup in the same task as the click, before anything is awaited (Firefox allows it only then)', async () => {
    const { fake, click } = await setup();
    const handled = click('Jonathan Whitaker');
    // Nothing awaited yet: a handler that waited for storage (or anything) first would not have opened it.
    expect(fake.record.popupOpens).toBe(1);
    await handled;
    expect(fake.storage.session.snapshot()[PENDING_QUERY_KEY]).toEqual({ query: 'Jonathan Whitaker', at: NOW });
  });

  it('opens an issue key in the selection directly, built against the stored origin', async () => {
    const { fake, click } = await setup();
    await click('  see ABC-T-42 for details\n');
    expect(fake.record.tabsCreated).toEqual([{ url: `${ORIGIN}/p/ABC/issues/42`, active: true }]);
    expect(fake.record.popupOpens).toBe(0);
  });

  it('opens a review key directly', async () => {
    const { fake, click } = await setup();
    await click('branch abc-mr-7-fix');
    expect(fake.record.tabsCreated).toEqual([{ url: `${ORIGIN}/p/ABC/reviews/7`, active: true }]);
  });

  it('with a key but no connection, falls back to the prefilled search', async () => {
    const { fake, click } = await setup({ connected: false });
    await click('ABC-T-42');
    expect(fake.record.tabsCreated).toEqual([]);
    expect(fake.record.popupOpens).toBe(1);
    expect(fake.storage.session.snapshot()[PENDING_QUERY_KEY]).toEqual({ query: 'ABC-T-42', at: NOW });
  });

  it('otherwise leaves the cleaned query for the popup and opens it', async () => {
    const { fake, click } = await setup();
    await click('\u202e  Jonathan\u0000\n Whitaker\u200b ');
    expect(fake.storage.session.snapshot()[PENDING_QUERY_KEY]).toEqual({ query: 'Jonathan Whitaker', at: NOW });
    expect(fake.record.popupOpens).toBe(1);
    expect(fake.record.tabsCreated).toEqual([]);
  });

  it.each(['missing', 'rejects'] as const)('where openPopup is %s, opens the popup page in a tab with ?q=', async (openPopup) => {
    const { fake, click, popupPage } = await setup({ openPopup });
    await click('jo & ann?#x');
    expect(fake.record.tabsCreated).toEqual([{ url: `${popupPage}?q=${encodeURIComponent('jo & ann?#x')}`, active: true }]);
    expect(fake.storage.session.snapshot()[PENDING_QUERY_KEY]).toBeUndefined();
  });

  it('ignores other menu ids and non-string selections safely', async () => {
    const { fake, click } = await setup();
    await click('jo', 'something-else');
    expect(fake.record.popupOpens).toBe(0);
    await click({ toString: () => 'ABC-T-1' });
    expect(fake.storage.session.snapshot()[PENDING_QUERY_KEY]).toEqual({ query: '', at: NOW });
  });

  it('for any selection, opens only a Space URL on the stored origin or our own popup page (property)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 800 }),
        fc.constantFrom('@evil.com', '//evil.com', '../../etc', '%2F..%2F', 'javascript:alert(1)', 'https://evil.com/p/ABC/issues/1',
          'ABC-T-1@evil.com', 'ABC-T-1/../../x', 'x'.repeat(5000) + ' ABC-T-9', '😀'.repeat(300)),
      ),
      fc.constantFrom('ok', 'missing') as fc.Arbitrary<'ok' | 'missing'>,
      async (selection, openPopup) => {
        const { fake, click, popupPage } = await setup({ openPopup });
        await click(selection);
        for (const { url } of fake.record.tabsCreated) {
          const u = new URL(url);
          if (u.origin === ORIGIN) {
            expect(u.pathname).toMatch(/^\/p\/[A-Z][A-Z0-9_-]*\/(issues|reviews)\/\d+$/);
            expect(u.search + u.hash).toBe('');
          } else {
            expect(url.startsWith(`${popupPage}?q=`) || url === popupPage).toBe(true);
            const q = u.searchParams.get('q') ?? '';
            expect(q.length).toBeLessThanOrEqual(LIMITS.query);
            expect(q).not.toMatch(/\p{Cc}/u);
          }
        }
        const pending = fake.storage.session.snapshot()[PENDING_QUERY_KEY] as { query: string } | undefined;
        if (pending) expect(pending.query.length).toBeLessThanOrEqual(LIMITS.query);
      },
    ), { numRuns: 300 });
  });
});
