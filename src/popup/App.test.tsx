// @vitest-environment happy-dom
/**
 * The popup against a fake worker: the lookup port is driven by the test, one-shot requests answered by a
 * small router. Everything is done from the keyboard, as a user would.
 */
import { render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask } from '../shared/messaging.ts';
import { ALL_KINDS } from '../shared/kinds.ts';
import type { AppError, ConnectionStatus, Request, SearchMessage } from '../shared/protocol.ts';
import type { Entity } from '../shared/kinds.ts';
import type { Person } from '../space/types.ts';
import type { Team } from '../kinds/team/entity.ts';
import { fakeBrowser } from '../shared/test-support/fake-browser.ts';
import { App } from './App.tsx';
import { NO_HOME } from './home-lists.ts';
import { EMPTY_RESULTS, resultsFromLastView } from './results.ts';

vi.mock('../shared/browser.ts', async () => (await import('../shared/test-support/fake-browser.ts')).polyfillModule());

const ORIGIN = 'https://space.example.com';
const connected: ConnectionStatus = {
  configured: true, origin: ORIGIN, host: 'space.example.com', identity: { name: 'Me', username: 'me' },
  method: 'token', clientId: null, tokenLast4: 'abcd', lastVerified: Date.now(), sessionOnly: false, auth: 'ok', remembered: true,
};

const person = (id: string, name: string, webUrl = `${ORIGIN}/m/${id}`): Person => ({
  kind: 'person', id, title: name, webUrl, username: id, firstName: name.split(' ')[0]!, lastName: name.split(' ')[1] ?? '',
  avatarId: null, emails: [`${id}@example.com`], phones: [], positions: ['Engineer'], teams: [], locations: [], timeZone: 'UTC',
});
const team = (id: string, name: string): Team => ({
  kind: 'team', id, title: name, webUrl: `${ORIGIN}/team?team=${id}`, name, description: '', parent: null, lead: null, memberCount: 3,
});

// The popup loads its extras (cards, keys) right after its first frame; in a browser that takes milliseconds, here the
// first import compiles them. Warmed once, so keys pressed as soon as results show are acted on at once.
beforeAll(async () => {
  await import('./extras.ts');
});

let host: HTMLElement;
let requests: Request[];
let statusAnswer: ConnectionStatus;
let closeSpy: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
  statusAnswer = connected;
  fakeBrowser.runtime.sendMessage.mockImplementation(async (raw: unknown) => {
    const req = raw as Request;
    requests.push(req);
    if (req.type === 'status') return { ok: true, value: statusAnswer };
    if (req.type === 'details') return { ok: true, value: { ...person(req.id, 'Ada Lovelace'), emails: ['ada@example.com'] } };
    return { ok: false, error: { code: 'not-found' } };
  });
  closeSpy = vi.spyOn(window, 'close').mockImplementation(() => undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn(async () => undefined) }, configurable: true });
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  render(null, host);
  host.remove();
  closeSpy.mockRestore();
});

function start(boot: Partial<Parameters<typeof App>[0]['boot']> = {}) {
  render(<App boot={{ query: '', filter: 'all', results: EMPTY_RESULTS, status: ask({ type: 'status' }), home: NO_HOME, connection: 'c1', inTab: false, ...boot }} />, host);
}

const $ = (testId: string) => host.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
const input = () => $('search-input') as HTMLInputElement;
const searches = () => fakeBrowser.ports.flatMap((p) => p.sent as SearchMessage[]);
const lastSearch = () => searches().at(-1)!;

function type(text: string) {
  const el = input();
  el.value = text;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function press(key: string, init: KeyboardEventInit = {}) {
  const code = init.code ?? (key.length === 1 ? `Key${key.toUpperCase()}` : key);
  (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true, ...init }));
}

async function answer(items: Entity[], kind: Entity['kind'] = 'person', done = true) {
  const id = lastSearch().id;
  fakeBrowser.port.deliver({ type: 'group', id, kind, state: 'ok', items, cached: false });
  if (done) fakeBrowser.port.deliver({ type: 'done', id });
  await vi.waitFor(() => expect(host.querySelectorAll('[data-testid="result"]').length).toBeGreaterThan(0));
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('popup', () => {
  it('focuses the search box and marks its first frame', async () => {
    start();
    await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
    expect(document.activeElement).toBe(input());
    expect(typeof window.__firstRenderMs).toBe('number');
    expect(input().getAttribute('role')).toBe('combobox');
    expect(input().getAttribute('aria-expanded')).toBe('false');
  });

  it('sends every keystroke at once, each a newer search (the worker answers the directory from its copy and debounces Space)', () => {
    start();
    type('j');
    type('jo');
    type('jon');
    expect(searches().map((m) => m.query)).toEqual(['j', 'jo', 'jon']);
    expect(new Set(searches().map((m) => m.id)).size).toBe(3);
    expect(lastSearch()).toMatchObject({ type: 'search', query: 'jon', filter: 'all' });
    // Keystrokes: the worker waits for a pause before asking Space.
    expect(searches().map((m) => m.typing)).toEqual([true, true, true]);
  });

  it('opens the lookup port right after the first frame, before any search, so the worker loads its directory early', async () => {
    start();
    await vi.waitFor(() => expect(fakeBrowser.ports).toHaveLength(1));
    expect(searches()).toHaveLength(0);
  });

  it('renders groups as they arrive, first result active, and moves with ↓/↑ across groups', async () => {
    start();
    type('a');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    await answer([person('ada', 'Ada Lovelace'), person('alan', 'Alan Turing')], 'person', false);
    expect($('group-person')?.getAttribute('role')).toBe('group');
    await answer([team('t1', 'Analytics')], 'team');
    const options = [...host.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.getAttribute('data-kind'))).toEqual(['person', 'person', 'team']);
    expect(input().getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');

    press('ArrowDown');
    press('ArrowDown');
    await vi.waitFor(() => expect(input().getAttribute('aria-activedescendant')).toBe(options[2]!.id));
    press('ArrowDown'); // wraps
    await vi.waitFor(() => expect(input().getAttribute('aria-activedescendant')).toBe(options[0]!.id));
    press('ArrowUp');
    await vi.waitFor(() => expect(input().getAttribute('aria-activedescendant')).toBe(options[2]!.id));
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Results: 3');
  });

  it('Enter opens the active result in a new tab and closes the popup', async () => {
    start();
    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    await answer([person('ada', 'Ada Lovelace'), person('bob', 'Bob Bobson')]);
    press('ArrowDown');
    press('Enter');
    await vi.waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: `${ORIGIN}/m/bob`, active: true }));
    expect(closeSpy).toHaveBeenCalled();
  });

  it('Ctrl+Enter opens in the background and keeps the popup open', async () => {
    start();
    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    await answer([person('ada', 'Ada Lovelace')]);
    press('Enter', { ctrlKey: true });
    await vi.waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: `${ORIGIN}/m/ada`, active: false }));
    expect(closeSpy).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(host.querySelector('[role="status"]')?.textContent).toMatch(/background tab/));
  });

  it('never opens a link that is not on the configured Space', async () => {
    start();
    type('evil');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    await answer([person('x', 'Mallory', 'javascript:alert(1)'), person('y', 'Eve', 'https://evil.example/m/y')]);
    press('Enter');
    press('ArrowDown');
    press('Enter');
    await vi.waitFor(() => expect(host.querySelector('[role="status"]')?.textContent).toMatch(/not opened/));
    expect(fakeBrowser.tabs.create).not.toHaveBeenCalled();
  });

  it('Enter on a keystroke not answered yet sends it again whole, so the worker asks Space without the typing pause', async () => {
    start();
    await vi.waitFor(() => expect(document.activeElement).toBe(input()));
    type('ada');
    await settle();
    expect(searches()).toHaveLength(1);
    press('Enter');
    await vi.waitFor(() => expect(searches()).toHaveLength(2));
    expect(lastSearch()).toMatchObject({ query: 'ada', filter: 'all' });
    expect(lastSearch().typing).toBeUndefined();
    await answer([person('ada', 'Ada Lovelace')]);
    await vi.waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: `${ORIGIN}/m/ada`, active: true }));
  });

  it('Enter pressed before the results arrive opens the top result once they do', async () => {
    start();
    await vi.waitFor(() => expect(document.activeElement).toBe(input()));
    type('ABC-T-42');
    press('Enter'); // before any answer: the open waits for the search's
    expect(searches()).toHaveLength(1);
    const id = lastSearch().id;
    const issue = { ...person('i', 'x'), kind: 'issue', id: 'i1', title: 'Crash', webUrl: `${ORIGIN}/p/ABC/issues/42`, projectKey: 'ABC', number: 42, key: 'ABC-T-42', status: { name: 'Open', resolved: false, color: null }, assignee: null, dueDate: null, createdAt: null } as unknown as Entity;
    fakeBrowser.port.deliver({ type: 'group', id, kind: 'issue', state: 'ok', items: [issue], cached: false });
    expect(fakeBrowser.tabs.create).not.toHaveBeenCalled();
    fakeBrowser.port.deliver({ type: 'done', id, exact: issue });
    await vi.waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: `${ORIGIN}/p/ABC/issues/42`, active: true }));
  });

  it('Enter on a row held from the previous query waits for this query’s answer, then opens its top result', async () => {
    start();
    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    await answer([person('ada', 'Ada Lovelace')], 'person');
    type('adam');
    await vi.waitFor(() => expect(searches()).toHaveLength(2));
    const id = lastSearch().id;
    // The directory answers teams at once: the people row of "ada" stays on screen, held, and is the active one.
    fakeBrowser.port.deliver({ type: 'group', id, kind: 'team', state: 'ok', items: [team('t1', 'Adam’s team')], cached: false });
    await vi.waitFor(() => expect(host.querySelectorAll('[data-testid="result"]')).toHaveLength(2));
    press('Enter');
    await settle();
    expect(fakeBrowser.tabs.create).not.toHaveBeenCalled();
    fakeBrowser.port.deliver({ type: 'group', id, kind: 'person', state: 'ok', items: [person('adam', 'Adam Smith')], cached: false });
    fakeBrowser.port.deliver({ type: 'done', id });
    await vi.waitFor(() => expect(fakeBrowser.tabs.create).toHaveBeenCalledWith({ url: `${ORIGIN}/m/adam`, active: true }));
  });

  it('Alt+digit picks a filter chip and searches again at once; ←/→ move within the chips', async () => {
    start();
    type('an');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    press('3', { altKey: true, code: 'Digit3' });
    await vi.waitFor(() => expect(lastSearch()).toMatchObject({ query: 'an', filter: 'team' }));
    expect($('chip-team')?.getAttribute('aria-checked')).toBe('true');
    $('chip-team')!.focus();
    press('ArrowRight');
    await vi.waitFor(() => expect(lastSearch().filter).toBe('location'));
    expect(document.activeElement).toBe($('chip-location'));
    expect($('chip-location')?.tabIndex).toBe(0);
    expect($('chip-team')?.tabIndex).toBe(-1);
  });

  it('"@jo" searches people and shows the People chip', async () => {
    start();
    type('@jo');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    expect(lastSearch().filter).toBe('person');
    expect($('chip-person')?.getAttribute('aria-checked')).toBe('true');
  });

  it('Esc clears the box, a second Esc closes the popup', async () => {
    start();
    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    await answer([person('ada', 'Ada Lovelace')]);
    press('Escape');
    await vi.waitFor(() => expect(input().value).toBe(''));
    expect(host.querySelectorAll('[data-testid="result"]')).toHaveLength(0);
    expect(lastSearch().query).toBe('');
    expect(closeSpy).not.toHaveBeenCalled();
    press('Escape');
    expect(closeSpy).toHaveBeenCalled();
  });

  it('shows a card for the active result with details from the worker, and copies from the keyboard', async () => {
    start();
    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    await answer([person('ada', 'Ada Lovelace')]);
    await vi.waitFor(() => expect($('card')).not.toBeNull());
    await vi.waitFor(() => expect(requests).toContainEqual({ type: 'details', kind: 'person', id: 'ada' }));
    await vi.waitFor(() => expect($('card')?.textContent).toContain('ada@example.com'));

    press('c', { altKey: true, code: 'KeyC' });
    await vi.waitFor(() => expect(navigator.clipboard.writeText).toHaveBeenCalledWith(`${ORIGIN}/m/ada`));
    press('k', { altKey: true, code: 'KeyK' });
    await vi.waitFor(() => expect(navigator.clipboard.writeText).toHaveBeenCalledWith('ada'));
    press('e', { altKey: true, code: 'KeyE' });
    await vi.waitFor(() => expect(navigator.clipboard.writeText).toHaveBeenCalledWith('ada@example.com'));
  });

  it('the card’s Copy link checks the origin like Alt+C: a link off the configured Space is never copied', async () => {
    const evil = 'https://evil.example/m/eve';
    const base = fakeBrowser.runtime.sendMessage.getMockImplementation()!;
    fakeBrowser.runtime.sendMessage.mockImplementation(async (raw: unknown) => {
      const req = raw as Request;
      if (req.type === 'details') return { ok: true, value: person(req.id, 'Eve', evil) };
      return base(raw);
    });
    start();
    type('eve');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    await answer([person('eve', 'Eve', evil)]);
    await vi.waitFor(() => expect($('card')?.textContent).toContain('Copy link'));
    const copyLink = () => [...$('card')!.querySelectorAll('button')].find((b) => b.textContent === 'Copy link')!;
    copyLink().click();
    await vi.waitFor(() => expect(host.querySelector('[role="status"]')?.textContent).toBe('Nothing to copy for this result.'));
    expect(navigator.clipboard.writeText).not.toHaveBeenCalled();

    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(2));
    await answer([person('ada', 'Ada Lovelace')]);
    await vi.waitFor(() => expect($('card')?.getAttribute('aria-label')).toContain('Ada'));
    copyLink().click();
    await vi.waitFor(() => expect(navigator.clipboard.writeText).toHaveBeenCalledWith(`${ORIGIN}/m/ada`));
  });

  it('paints the last view in the first frame, then refreshes it', async () => {
    const results = resultsFromLastView({ groups: { person: [person('ada', 'Ada Lovelace')] } });
    start({ query: 'ada', results });
    expect(input().value).toBe('ada');
    expect(host.querySelectorAll('[data-testid="result"]')).toHaveLength(1);
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    expect(lastSearch().query).toBe('ada');
    // A query given whole: Space is asked at once, not after a typing pause.
    expect(lastSearch().typing).toBeUndefined();
  });

  it('takes a context-menu query that arrives after opening', async () => {
    start();
    await settle();
    await vi.waitFor(() => expect(fakeBrowser.storage.onChanged.hasListeners()).toBe(true));
    fakeBrowser.emitSession('pendingQuery', { query: 'Grace Hopper', at: Date.now() });
    await vi.waitFor(() => expect(input().value).toBe('Grace Hopper'));
    expect(lastSearch().query).toBe('Grace Hopper');
    // Used once: the hand-over is gone, so the next popup does not take it again.
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get('pendingQuery')).toEqual({}));
  });

  it('explains when nothing is configured and opens Options in one click', async () => {
    statusAnswer = { ...connected, configured: false, origin: null, host: null, identity: null, tokenLast4: null };
    start();
    await vi.waitFor(() => expect($('not-configured')).not.toBeNull());
    (host.querySelector('[data-testid="not-configured"] button') as HTMLButtonElement).click();
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalled();
  });

  it('shows a rejected token with its fix and a way to Options', async () => {
    start();
    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    fakeBrowser.port.deliver({ type: 'fail', id: lastSearch().id, error: { code: 'unauthorized' } });
    await vi.waitFor(() => expect($('error')).not.toBeNull());
    expect($('error')?.textContent).toContain('Token rejected or revoked');
    expect($('error')?.getAttribute('role')).toBe('alert');
    ($('error')!.querySelector('button') as HTMLButtonElement).click();
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalled();
  });

  it('an ended "Sign in with Space" says sign in again, with a way to Options', async () => {
    start();
    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    fakeBrowser.port.deliver({ type: 'fail', id: lastSearch().id, error: { code: 'sign-in-again', host: 'space.example.com' } });
    await vi.waitFor(() => expect($('error')).not.toBeNull());
    expect($('error')?.textContent).toContain('Sign in to space.example.com again');
    expect($('error')?.textContent).toContain('your settings are kept');
    ($('error')!.querySelector('button') as HTMLButtonElement).click();
    expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalled();
  });

  it('says sign in again as soon as it opens when the status already knows', async () => {
    statusAnswer = { ...connected, method: 'oauth', clientId: 'app', tokenLast4: null, auth: 'sign-in-again' };
    start();
    await vi.waitFor(() => expect($('error')?.textContent).toContain('Sign in to space.example.com again'));
  });

  it('notes a kind the server cannot search without hiding the others', async () => {
    start();
    type('ada');
    await vi.waitFor(() => expect(searches()).toHaveLength(1));
    const id = lastSearch().id;
    fakeBrowser.port.deliver({ type: 'group', id, kind: 'issue', state: 'error', items: [], cached: false, error: { code: 'forbidden', permission: 'Project.Issues.View' } });
    fakeBrowser.port.deliver({ type: 'group', id, kind: 'review', state: 'unsupported', items: [], cached: false });
    await answer([person('ada', 'Ada Lovelace')]);
    await vi.waitFor(() => expect($('note-issue')?.textContent).toBe('Issues: no permission: Project.Issues.View'));
    expect($('note-review')?.textContent).toBe('Reviews: not available on this server');
    expect(host.querySelectorAll('[data-testid="result"]')).toHaveLength(1);
  });

  describe('a search that could not run', () => {
    const deliverErrors = (error: (kind: Entity['kind']) => AppError, kinds: readonly Entity['kind'][] = ALL_KINDS, done = true) => {
      const id = lastSearch().id;
      for (const kind of kinds) fakeBrowser.port.deliver({ type: 'group', id, kind, state: 'error', items: [], cached: false, error: error(kind) });
      if (done) fakeBrowser.port.deliver({ type: 'done', id });
    };
    const status = () => host.querySelector('[role="status"]')?.textContent ?? '';

    it('says one cause once, with a Retry that runs the same query and filter again', async () => {
      start();
      type('ada');
      await vi.waitFor(() => expect(searches()).toHaveLength(1));
      press('2', { altKey: true, code: 'Digit2' }); // People, searched at once
      press('1', { altKey: true, code: 'Digit1' }); // back to All
      await vi.waitFor(() => expect(searches()).toHaveLength(3));
      deliverErrors(() => ({ code: 'unreachable' }));
      await vi.waitFor(() => expect($('search-failure')).not.toBeNull());
      expect(host.querySelectorAll('[data-testid="search-failure"]')).toHaveLength(1);
      expect($('search-failure')?.getAttribute('role')).toBe('alert');
      expect($('search-failure')?.textContent).toContain('Cannot reach space.example.com');
      expect($('search-failure')?.textContent).toContain('Check the address');
      expect(host.querySelectorAll('[data-testid^="note-"]')).toHaveLength(0);
      expect(status()).toBe('The search could not run.');
      expect(status()).not.toMatch(/Nothing found/);

      const retry = $('search-retry') as HTMLButtonElement;
      expect(retry.tagName).toBe('BUTTON');
      expect(retry.textContent).toBe('Try again');
      retry.click();
      await vi.waitFor(() => expect(searches()).toHaveLength(4));
      expect(lastSearch()).toMatchObject({ query: 'ada', filter: 'all' });
      expect(document.activeElement).toBe(input());
      // The old failure is not shown while the new search runs.
      expect($('search-failure')).toBeNull();
    });

    it('Enter in the box retries a search that could not run', async () => {
      start();
      type('ada');
      await vi.waitFor(() => expect(searches()).toHaveLength(1));
      deliverErrors(() => ({ code: 'server' }));
      await vi.waitFor(() => expect($('search-failure')?.textContent).toContain('Space had an internal error'));
      press('Enter');
      await vi.waitFor(() => expect(searches()).toHaveLength(2));
      expect(lastSearch().query).toBe('ada');
      expect(fakeBrowser.tabs.create).not.toHaveBeenCalled();
    });

    it('names Space rejecting the request, and offers Options for a missing permission', async () => {
      start();
      type('ada');
      await vi.waitFor(() => expect(searches()).toHaveLength(1));
      deliverErrors(() => ({ code: 'invalid-request' }));
      await vi.waitFor(() => expect($('search-failure')?.textContent).toContain('Space rejected the request'));
      expect($('search-retry')).not.toBeNull();

      type('bob');
      await vi.waitFor(() => expect(searches()).toHaveLength(2));
      deliverErrors(() => ({ code: 'forbidden', permission: 'Profile.View' }), ['person']);
      await vi.waitFor(() => expect($('search-failure')?.textContent).toContain('Profile.View'));
      const options = [...$('search-failure')!.querySelectorAll('button')].find((b) => b.textContent === 'Open Options')!;
      options.click();
      expect(fakeBrowser.runtime.openOptionsPage).toHaveBeenCalled();
    });

    it('mixed causes keep a note per kind; failures with empty kinds never read "Nothing found"', async () => {
      start();
      type('ada');
      await vi.waitFor(() => expect(searches()).toHaveLength(1));
      const id = lastSearch().id;
      fakeBrowser.port.deliver({ type: 'group', id, kind: 'person', state: 'ok', items: [], cached: false });
      fakeBrowser.port.deliver({ type: 'group', id, kind: 'review', state: 'unsupported', items: [], cached: false });
      deliverErrors((kind) => ({ code: kind === 'team' ? 'timeout' : 'server' }), ['team', 'issue']);
      await vi.waitFor(() => expect(status()).toBe('Some kinds could not be searched; the others found nothing.'));
      expect($('search-failure')).toBeNull();
      expect($('note-team')?.textContent).toContain('Space did not answer in time');
      expect($('note-issue')?.textContent).toContain('Space had an internal error');
      expect($('note-review')?.textContent).toBe('Reviews: not available on this server');
    });

    it('only unsupported kinds and empty answers is an honest "Nothing found"', async () => {
      start();
      type('zzz');
      await vi.waitFor(() => expect(searches()).toHaveLength(1));
      const id = lastSearch().id;
      fakeBrowser.port.deliver({ type: 'group', id, kind: 'person', state: 'ok', items: [], cached: false });
      fakeBrowser.port.deliver({ type: 'group', id, kind: 'review', state: 'unsupported', items: [], cached: false });
      fakeBrowser.port.deliver({ type: 'done', id });
      await vi.waitFor(() => expect(status()).toBe('Nothing found for “zzz”.'));
      expect($('search-failure')).toBeNull();
    });
  });

  describe('a typed key that names nothing', () => {
    it.each([
      [{ kind: 'issue', key: 'ABC-T-99999' }, 'No such issue ABC-T-99999.'],
      [{ kind: 'review', key: 'ABC-MR-0' }, 'No such review ABC-MR-0.'],
      [{ kind: 'project', key: 'NOPE' }, 'No project NOPE in this Space.'],
    ] as const)('%o reads "%s", not "Nothing found"', async (missing, text) => {
      start();
      type(missing.kind === 'project' ? 'NOPE-T-1' : missing.key);
      await vi.waitFor(() => expect(searches()).toHaveLength(1));
      const id = lastSearch().id;
      const kind = missing.kind === 'review' ? 'review' : 'issue';
      fakeBrowser.port.deliver({ type: 'group', id, kind, state: 'ok', items: [], cached: false });
      fakeBrowser.port.deliver({ type: 'done', id, missing: { ...missing } });
      await vi.waitFor(() => expect($('status')?.textContent).toBe(text));
    });
  });
});
