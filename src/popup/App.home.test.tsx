// @vitest-environment happy-dom
/**
 * The popup's empty box against a fake worker: Pinned, Waiting for you and Recent from what main.tsx read of
 * storage, the one Waiting refresh, opening and copying (remembered first), pinning, and the context menu's
 * hand-over left alone by a page in a tab.
 */
import { render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureOf } from '../kinds/test-support/fixtures.ts';
import type { PinnedList, WaitingList } from '../shared/home.ts';
import type { Entity } from '../shared/kinds.ts';
import { ask } from '../shared/messaging.ts';
import type { ConnectionStatus, Request } from '../shared/protocol.ts';
import { fakeBrowser } from '../shared/test-support/fake-browser.ts';
import { PENDING_QUERY_KEY } from '../shared/storage-keys.ts';
import { App, type Boot } from './App.tsx';
import { NO_HOME, type HomeLists } from './home-lists.ts';
import { EMPTY_RESULTS } from './results.ts';

vi.mock('../shared/browser.ts', async () => (await import('../shared/test-support/fake-browser.ts')).polyfillModule());

const ORIGIN = 'https://space.example.com';
const connected: ConnectionStatus = {
  configured: true, origin: ORIGIN, host: 'space.example.com', identity: { name: 'Me', username: 'me' },
  method: 'token', clientId: null, tokenLast4: 'abcd', lastVerified: 1, sessionOnly: false, auth: 'ok', remembered: true,
};
const person = (id: string): Entity => ({ ...fixtureOf('person', (n) => `${id}${n}`), id, title: `Person ${id}`, webUrl: `${ORIGIN}/m/${id}` });
const review = (n: number): Entity => ({
  ...fixtureOf('review', (i) => `r${i}`), id: `r${n}`, key: `ABC-MR-${n}`, title: `Fix [it] (${n})`, webUrl: `${ORIGIN}/p/ABC/reviews/${n}`,
});
const waiting = (items: WaitingList['items'], extra: Partial<WaitingList> = {}): WaitingList => ({ connection: 'c1', items, at: 1, notes: [], ...extra });

let host: HTMLElement;
let requests: Request[];
let pinAnswer: PinnedList;
let waitingAnswer: WaitingList;
const written = vi.fn(async (_text: string) => undefined);

beforeAll(async () => {
  await import('./extras.ts');
});

beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
  pinAnswer = { connection: 'c1', items: [] };
  waitingAnswer = waiting([]);
  fakeBrowser.runtime.sendMessage.mockImplementation(async (raw: unknown) => {
    const req = raw as Request;
    requests.push(req);
    if (req.type === 'status') return { ok: true, value: connected };
    if (req.type === 'waiting') return { ok: true, value: waitingAnswer };
    if (req.type === 'pin') return { ok: true, value: pinAnswer };
    if (req.type === 'remember') return { ok: true, value: { remembered: true } };
    if (req.type === 'details') return { ok: false, error: { code: 'not-found' } };
    return { ok: false, error: { code: 'internal' } };
  });
  vi.spyOn(window, 'close').mockImplementation(() => undefined);
  written.mockClear();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: written }, configurable: true });
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

function start(home: HomeLists, boot: Partial<Boot> = {}) {
  render(<App boot={{ query: '', filter: 'all', results: EMPTY_RESULTS, status: ask({ type: 'status' }), home, connection: 'c1', inTab: false, ...boot }} />, host);
}

const $ = (testId: string) => host.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const rows = (group: string) => [...host.querySelectorAll(`[data-testid="group-${group}"] [data-testid="result"]`)].map((r) => r.getAttribute('data-url'));
const press = (key: string, init: KeyboardEventInit = {}) =>
  (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
const extrasIn = () => vi.waitFor(() => expect($('card')).not.toBeNull());

describe('the empty box', () => {
  it('paints Pinned, Waiting for you and Recent in its first render, then refreshes Waiting once', async () => {
    start({
      pinned: [{ entity: person('p'), at: 1 }],
      waiting: waiting([{ entity: review(5), reason: 'your-turn', project: 'ABC', since: null }]),
      recent: [{ entity: person('r'), at: 2 }],
    });
    // Synchronously, before any answer: the lists come from what main.tsx read of storage.
    expect([...host.querySelectorAll('[data-testid^="group-"]')].map((g) => g.getAttribute('data-testid'))).toEqual(['group-pinned', 'group-waiting', 'group-recent']);
    expect(rows('waiting')).toEqual([`${ORIGIN}/p/ABC/reviews/5`]);
    expect(host.querySelector('[data-testid="group-waiting"] .row-mark')?.textContent).toBe('your turn\nABC');
    expect(host.querySelector('[role="listbox"]')?.querySelectorAll('[role="option"]')).toHaveLength(3);

    waitingAnswer = waiting([{ entity: review(7), reason: 'your-turn', project: 'ABC', since: null }]);
    await vi.waitFor(() => expect(rows('waiting')).toEqual([`${ORIGIN}/p/ABC/reviews/7`]));
    expect(requests.filter((r) => r.type === 'waiting')).toEqual([{ type: 'waiting' }]);
  });

  it('a popup opened on a query asks for Waiting for you only once its box is emptied, and once only', async () => {
    start({ ...NO_HOME, waiting: waiting([]) }, { query: 'ada' });
    await extrasIn().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(requests.filter((r) => r.type === 'waiting')).toEqual([]);
    press('Escape');
    await vi.waitFor(() => expect(requests.filter((r) => r.type === 'waiting')).toHaveLength(1));
    const input = host.querySelector<HTMLInputElement>('[data-testid="search-input"]')!;
    input.value = 'b';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    press('Escape');
    await new Promise((r) => setTimeout(r, 20));
    expect(requests.filter((r) => r.type === 'waiting')).toHaveLength(1);
  });

  it('nothing waiting is one calm line; a failed refresh keeps the rows, marked, with a note why', async () => {
    start({ ...NO_HOME, waiting: waiting([]) });
    expect($('waiting-aside')?.textContent).toBe(' · nothing right now');
    render(null, host);
    waitingAnswer = waiting([{ entity: review(5), reason: 'your-turn', project: 'ABC', since: null }], { stale: { code: 'unreachable' }, notes: [{ project: 'WEB', error: { code: 'forbidden' } }] });
    start(NO_HOME);
    await vi.waitFor(() => expect($('waiting-aside')?.textContent).toBe(' · not up to date'));
    expect(rows('waiting')).toHaveLength(1);
    expect($('group-waiting')?.className).toContain('cached');
    await vi.waitFor(() => expect($('home-notes')?.querySelectorAll('li')).toHaveLength(2));
    expect($('home-notes')?.textContent).toContain('Waiting for you could not be refreshed');
    expect($('home-notes')?.textContent).toContain('WEB: ');
  });

  it('no refresh and nothing remembered without a connection or in a private window (connection null)', async () => {
    start({ ...NO_HOME, recent: [{ entity: person('r'), at: 1 }] }, { connection: null });
    await extrasIn();
    press('Enter');
    await vi.waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenCalled());
    expect(requests.map((r) => r.type).filter((t) => t !== 'status' && t !== 'details')).toEqual([]);
  });

  it('Enter opens the active item of the lists, and it is remembered before the tab opens', async () => {
    start({ ...NO_HOME, recent: [{ entity: person('a'), at: 1 }, { entity: person('b'), at: 2 }] });
    await extrasIn();
    press('ArrowDown');
    press('Enter');
    await vi.waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: `${ORIGIN}/m/b`, active: true }));
    const remembered = requests.findIndex((r) => r.type === 'remember');
    expect(requests[remembered]).toEqual({ type: 'remember', kind: 'person', id: 'b' });
  });

  it('Alt+M copies [KEY Title](url), escaped; it is remembered', async () => {
    waitingAnswer = waiting([{ entity: review(5), reason: 'your-turn', project: 'ABC', since: null }]);
    start({ ...NO_HOME, waiting: waitingAnswer });
    await extrasIn();
    press('µ', { altKey: true, code: 'KeyM' });
    await vi.waitFor(() => expect(written).toHaveBeenCalledWith(`[ABC-MR-5 Fix \\[it\\] \\(5\\)](${ORIGIN}/p/ABC/reviews/5)`));
    expect(requests).toContainEqual({ type: 'remember', kind: 'review', id: 'r5' });
  });

  it('Alt+P pins the active item and the list changes at once from the answer; the card\'s button unpins', async () => {
    start({ ...NO_HOME, recent: [{ entity: person('a'), at: 1 }] });
    await extrasIn();
    expect($('pin')?.textContent).toBe('Pin');
    pinAnswer = { connection: 'c1', items: [{ entity: person('a'), at: 5 }] };
    press('π', { altKey: true, code: 'KeyP' });
    await vi.waitFor(() => expect(rows('pinned')).toEqual([`${ORIGIN}/m/a`]));
    expect(requests).toContainEqual({ type: 'pin', kind: 'person', id: 'a', pinned: true });
    expect(rows('recent')).toEqual([]);
    expect($('status')?.textContent).toBe('Pinned Person a');
    expect($('pin')?.textContent).toBe('Unpin');

    pinAnswer = { connection: 'c1', items: [] };
    $('pin')!.click();
    await vi.waitFor(() => expect($('group-pinned')).toBeNull());
    expect(requests).toContainEqual({ type: 'pin', kind: 'person', id: 'a', pinned: false });
    expect(rows('recent')).toEqual([`${ORIGIN}/m/a`]);
  });

  it('a full Pinned list says so without asking; a pin that Space no longer finds says so on its row', async () => {
    const pins = Array.from({ length: 20 }, (_, i) => ({ entity: person(`p${i}`), at: i, ...(i === 0 ? { gone: true } : {}) }));
    start({ ...NO_HOME, pinned: pins, recent: [{ entity: person('new'), at: 1 }] });
    expect(host.querySelector('[data-testid="group-pinned"] .row-mark')?.textContent).toBe('no longer found');
    await extrasIn();
    press('End', { ctrlKey: true });
    await vi.waitFor(() => expect($('card')?.getAttribute('aria-label')).toContain('Person new'));
    press('π', { altKey: true, code: 'KeyP' });
    await vi.waitFor(() => expect($('status')?.textContent).toBe('At most 20 pins: unpin one first'));
    expect(requests.some((r) => r.type === 'pin')).toBe(false);
  });

  it('a stored entity its row cannot draw (an older shape) shows its title; the list and the popup stand', async () => {
    const broken = { ...review(3), status: undefined, state: undefined, author: { name: 5 } } as unknown as Entity;
    const odd = { kind: 'issue', id: 'i1', title: 'Old issue', webUrl: `${ORIGIN}/p/ABC/issues/1` } as unknown as Entity;
    start({ ...NO_HOME, recent: [{ entity: odd, at: 1 }, { entity: broken, at: 2 }, { entity: person('ok'), at: 3 }] });
    expect(rows('recent')).toHaveLength(3);
    // The row that threw is drawn again with its title (Preact re-renders a boundary after the error).
    await vi.waitFor(() => expect(host.querySelector('[data-testid="group-recent"] [data-testid="result"]')?.textContent).toBe('Old issue'));
    expect(host.querySelectorAll('[data-testid="group-recent"] [data-testid="result"]')[2]?.textContent).toContain('Person ok');
    await extrasIn();
    expect($('card')?.textContent).toContain('Old issue');
  });

  it('a popup page in a tab leaves the context menu\'s hand-over to the toolbar popup', async () => {
    start(NO_HOME, { inTab: true });
    await extrasIn().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    await fakeBrowser.storage.session.set({ [PENDING_QUERY_KEY]: { query: 'Anna', at: Date.now() } });
    await new Promise((r) => setTimeout(r, 20));
    expect((host.querySelector('[data-testid="search-input"]') as HTMLInputElement).value).toBe('');
    expect((await fakeBrowser.storage.session.get(PENDING_QUERY_KEY))[PENDING_QUERY_KEY]).toBeDefined();
  });
});
