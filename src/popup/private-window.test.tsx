// @vitest-environment happy-dom
/**
 * A popup in a private window (Chrome's "spanning" mode reports it only through windows.getCurrent) searches
 * over the `lookup-private` port and asks for avatars with `private: true`, so the worker keeps both out of
 * storage; main.tsx also paints no last view there (prefill.test.ts).
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask } from '../shared/messaging.ts';
import { LOOKUP_PORT, LOOKUP_PORT_PRIVATE, type Request, type SearchMessage } from '../shared/protocol.ts';
import { fakeBrowser } from '../shared/test-support/fake-browser.ts';
import type { Person } from '../space/types.ts';
import { App } from './App.tsx';
import { NO_HOME } from './home-lists.ts';
import { detectPrivateWindow, isPrivateWindow } from './private-window.ts';
import { EMPTY_RESULTS } from './results.ts';

vi.mock('../shared/browser.ts', async () => (await import('../shared/test-support/fake-browser.ts')).polyfillModule());

type Extra = { windows?: unknown; extension?: unknown };
const extra = fakeBrowser as unknown as Extra;

// The popup keeps cards and avatars for its lifetime (module state), so each test uses its own person.
const personWith = (id: string): Person => ({
  kind: 'person', id, title: 'Ada Lovelace', webUrl: `https://space.example.com/m/${id}`, username: id, firstName: 'Ada',
  lastName: 'Lovelace', avatarId: `avatar-${id}`, emails: [], phones: [], positions: [], teams: [], locations: [], timeZone: 'UTC',
});
let person = personWith('ada');

let host: HTMLElement;
let requests: Request[];

beforeEach(() => {
  fakeBrowser.reset();
  delete extra.windows;
  delete extra.extension;
  requests = [];
  fakeBrowser.runtime.sendMessage.mockImplementation(async (raw: unknown) => {
    const req = raw as Request;
    requests.push(req);
    if (req.type === 'details') return { ok: true, value: person };
    return { ok: false, error: { code: 'not-found' } };
  });
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(async () => {
  render(null, host);
  host.remove();
  delete extra.windows;
  await detectPrivateWindow(); // back to "not private" for other files' modules
});

describe('detectPrivateWindow', () => {
  it.each([
    ['a private window (Chrome spanning: only the window says so)', { windows: { getCurrent: async () => ({ incognito: true }) } }, true],
    ['a normal window', { windows: { getCurrent: async () => ({ incognito: false }) } }, false],
    ['Firefox private context', { extension: { inIncognitoContext: true }, windows: { getCurrent: async () => ({ incognito: false }) } }, true],
    ['no windows API (Firefox for Android), not private', {}, false],
    ['getCurrent fails: counted as private', { windows: { getCurrent: async () => { throw new Error('no window'); } } }, true],
  ])('%s', async (_label, api, expected) => {
    Object.assign(extra, api);
    expect(await detectPrivateWindow()).toBe(expected);
    expect(isPrivateWindow()).toBe(expected);
  });
});

describe('a popup in a private window', () => {
  async function searchAndOpenCard() {
    const boot = { query: '', filter: 'all', results: EMPTY_RESULTS, status: ask({ type: 'status' }), home: NO_HOME, connection: null, inTab: false } as const;
    render(<App boot={boot} />, host);
    const el = host.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
    el.value = 'ada';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(fakeBrowser.ports.flatMap((p) => p.sent)).toHaveLength(1));
    const { id } = fakeBrowser.port.sent[0] as SearchMessage;
    fakeBrowser.port.deliver({ type: 'group', id, kind: 'person', state: 'ok', items: [person], cached: false });
    fakeBrowser.port.deliver({ type: 'done', id });
    await vi.waitFor(() => expect(requests.some((r) => r.type === 'avatar')).toBe(true));
  }

  it('searches over the private port and asks for avatars as private', async () => {
    extra.windows = { getCurrent: async () => ({ incognito: true }) };
    person = personWith('ada');
    await detectPrivateWindow();
    await searchAndOpenCard();
    expect(fakeBrowser.port.name).toBe(LOOKUP_PORT_PRIVATE);
    expect(requests.find((r) => r.type === 'avatar')).toEqual({ type: 'avatar', id: 'avatar-ada', private: true });
  });

  it('in a normal window: the usual port, avatars not private', async () => {
    extra.windows = { getCurrent: async () => ({ incognito: false }) };
    person = personWith('alan');
    await detectPrivateWindow();
    await searchAndOpenCard();
    expect(fakeBrowser.port.name).toBe(LOOKUP_PORT);
    expect(requests.find((r) => r.type === 'avatar')).toEqual({ type: 'avatar', id: 'avatar-alan', private: false });
  });
});
