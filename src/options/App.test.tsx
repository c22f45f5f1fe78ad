// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus, ManagedPolicy, Request, Settings } from '../shared/protocol.ts';
import { fakeBrowser } from '../shared/test-support/fake-browser.ts';
import { App } from './App.tsx';

vi.mock('../shared/browser.ts', async () => (await import('../shared/test-support/fake-browser.ts')).polyfillModule());

const notConfigured: ConnectionStatus = {
  configured: false, origin: null, host: null, identity: null, method: 'token', clientId: null, tokenLast4: null, lastVerified: null, sessionOnly: false,
  auth: 'unverified', remembered: false,
};
const connectedTo = (origin: string, last4 = 'wxyz'): ConnectionStatus => ({
  configured: true, origin, host: new URL(origin).host, identity: { name: 'Ada Lovelace', username: 'ada' }, method: 'token', clientId: null,
  tokenLast4: last4, lastVerified: Date.now() - 3 * 60_000, sessionOnly: false, auth: 'ok', remembered: true,
});

type Handler = (req: Request) => unknown;
let requests: Request[];
let handlers: Partial<Record<Request['type'], Handler>>;
let host: HTMLElement;
let settings: Settings;

// happy-dom lacks the reflected `spellcheck` property that browsers have (HTML spec: boolean-ish
// enumerated attribute), so Preact would treat it as a plain attribute; give it the browser behaviour.
Object.defineProperty(HTMLElement.prototype, 'spellcheck', {
  configurable: true,
  get(this: HTMLElement) { return this.getAttribute('spellcheck') !== 'false'; },
  set(this: HTMLElement, v: boolean) { this.setAttribute('spellcheck', String(v)); },
});

beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
  settings = { searchProjects: [], showWaitingCount: false };
  handlers = {
    'status': () => ({ ok: true, value: notConfigured }),
    'settings-get': () => ({ ok: true, value: settings }),
    'settings-set': (req) => {
      settings = { ...settings, ...(req as Extract<Request, { type: 'settings-set' }>).settings };
      return { ok: true, value: settings };
    },
  };
  fakeBrowser.runtime.sendMessage.mockImplementation(async (raw: unknown) => {
    const req = raw as Request;
    requests.push(req);
    return handlers[req.type]?.(req) ?? { ok: false, error: { code: 'internal' } };
  });
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  render(null, host);
  host.remove();
});

const $ = <T extends HTMLElement = HTMLElement>(testId: string) => host.querySelector<T>(`[data-testid="${testId}"]`);

async function open() {
  render(<App />, host);
  await vi.waitFor(() => expect(host.querySelector('main')?.dataset.loaded).toBe('true'));
}

function fill(testId: string, value: string) {
  const el = $<HTMLInputElement>(testId)!;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const connects = () => requests.filter((r) => r.type === 'connect');

describe('options: first connection', () => {
  it('offers a safe token field and the permissions to grant', async () => {
    await open();
    const token = $<HTMLInputElement>('token-input')!;
    expect(token.type).toBe('password');
    expect(token.getAttribute('autocomplete')).toBe('off');
    expect(token.getAttribute('spellcheck')).toBe('false');
    expect($<HTMLInputElement>('url-input')!.placeholder).toBe('http://127.0.0.1:8084');
    expect($('permission-list')?.textContent).toContain('Project.CodeReview.View');
    expect($('permission-list')?.textContent).toContain('View code reviews');
    // Absences on the person card need their own right (OAS x-rights of GET /absences).
    const absences = [...$('permission-list')!.querySelectorAll('li')].find((li) => li.textContent?.includes('Profile.Absences.View'));
    expect(absences?.textContent).toContain('View absences');
    for (const input of host.querySelectorAll('input')) {
      expect(host.querySelector(`label[for="${input.id}"]`), `label for #${input.id}`).not.toBeNull();
    }
  });

  it('links to Space\'s token page once the address is valid', async () => {
    await open();
    expect($('token-page-link')).toBeNull();
    fill('url-input', 'space.example.com/some/page');
    await vi.waitFor(() => expect($('token-page-link')).not.toBeNull());
    const link = $<HTMLAnchorElement>('token-page-link')!;
    expect(link.getAttribute('href')).toBe('https://space.example.com/m/me/authentication?tab=PermanentTokens');
    expect(link.rel).toBe('noopener noreferrer');
  });

  it('explains an invalid address without asking for any permission', async () => {
    await open();
    fill('url-input', 'http://space.example.com');
    fill('token-input', 'secret-token');
    $('connect')!.click();
    await vi.waitFor(() => expect($('form-error')).not.toBeNull());
    expect($('form-error')?.textContent).toMatch(/unencrypted/);
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    expect(connects()).toHaveLength(0);
    expect($<HTMLInputElement>('token-input')!.value).toBe('secret-token');
    expect($<HTMLInputElement>('url-input')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('asks for the token when it is missing', async () => {
    await open();
    fill('url-input', 'https://space.example.com');
    $('connect')!.click();
    await vi.waitFor(() => expect($('form-error')?.textContent).toMatch(/Paste your personal token/));
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
  });

  it('requests exactly the origin, synchronously in the click, then connects', async () => {
    handlers.connect = () => ({ ok: true, value: connectedTo('http://127.0.0.1:8084') });
    await open();
    fill('url-input', '127.0.0.1:8084/');
    fill('token-input', '  tok_SENTINEL_123\n');
    $('connect')!.click();
    // No await between the click and the request: the user gesture is still live.
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
    expect(connects()).toHaveLength(0);
    await vi.waitFor(() => expect(connects()).toEqual([{ type: 'connect', url: 'http://127.0.0.1:8084', token: 'tok_SENTINEL_123', sessionOnly: false }]));
    await vi.waitFor(() => expect($('connected-as')?.textContent).toBe('Connected to 127.0.0.1:8084 as Ada Lovelace (@ada)'));
    expect($('token-input')).toBeNull();
    expect(host.textContent).not.toContain('tok_SENTINEL_123');
    expect($('token-last4')?.textContent).toBe('Token ••••wxyz');
    expect($('last-verified')?.textContent).toBe('Last verified 3 minutes ago');
    expect($('options-status')?.textContent).toMatch(/^Connected\./);
  });

  it('passes the session-only choice', async () => {
    handlers.connect = () => ({ ok: true, value: { ...connectedTo('https://space.example.com'), sessionOnly: true } });
    await open();
    fill('url-input', 'https://space.example.com');
    fill('token-input', 'tok');
    $<HTMLInputElement>('session-only')!.click();
    $('connect')!.click();
    await vi.waitFor(() => expect(connects()[0]).toMatchObject({ sessionOnly: true }));
    await vi.waitFor(() => expect(host.textContent).toContain('Kept until the browser closes'));
  });

  it('says so when the permission prompt is declined, and does not connect', async () => {
    fakeBrowser.permissions.request.mockResolvedValue(false);
    await open();
    fill('url-input', 'https://space.example.com');
    fill('token-input', 'tok');
    $('connect')!.click();
    await vi.waitFor(() => expect($('form-error')?.textContent).toMatch(/Access to space.example.com was declined/));
    expect(connects()).toHaveLength(0);
  });

  it.each([
    [{ code: 'unauthorized' }, /Token rejected or revoked/],
    [{ code: 'forbidden', permission: 'Profile.View' }, /lacks the permission Profile.View/],
    [{ code: 'unreachable' }, /Cannot reach space.example.com/],
    [{ code: 'bad-response' }, /space.example.com does not look like a Space server/],
    [{ code: 'unsupported' }, /does not look like a Space server/],
    [{ code: 'no-host-permission' }, /No access to space.example.com/],
  ])('shows a specific, fixable message for %o and keeps what was typed', async (error, text) => {
    handlers.connect = () => ({ ok: false, error: { ...error } });
    await open();
    fill('url-input', 'https://space.example.com');
    fill('token-input', 'tok');
    $('connect')!.click();
    await vi.waitFor(() => expect($('form-error')?.textContent).toMatch(text));
    expect($<HTMLInputElement>('token-input')!.value).toBe('tok');
    expect($<HTMLInputElement>('url-input')!.value).toBe('https://space.example.com');
    expect($('form-error')?.getAttribute('role')).toBe('alert');
  });
});

describe('options: saved connection', () => {
  beforeEach(() => {
    handlers.status = () => ({ ok: true, value: connectedTo('https://space.example.com') });
  });

  it('the toolbar count switch is off by default; switching saves only it, says so, and goes back if refused', async () => {
    await open();
    await vi.waitFor(() => expect($<HTMLInputElement>('waiting-count')?.disabled).toBe(false));
    const box = $<HTMLInputElement>('waiting-count')!;
    expect(box.checked).toBe(false);
    expect(box.getAttribute('role')).toBe('switch');
    expect(host.querySelector('label[for="waiting-count"]')?.textContent).toBe('Show how many reviews wait for me');
    box.click();
    await vi.waitFor(() => expect($('options-status')?.textContent).toBe('The toolbar button now shows how many reviews wait for you.'));
    expect(requests).toContainEqual({ type: 'settings-set', settings: { showWaitingCount: true } });
    expect(settings).toEqual({ searchProjects: [], showWaitingCount: true });
    expect(box.checked).toBe(true);

    handlers['settings-set'] = () => ({ ok: false, error: { code: 'not-configured' } });
    box.click();
    await vi.waitFor(() => expect($('waiting-count-error')).not.toBeNull());
    expect(box.checked).toBe(true);
  });

  it('never shows the token, only its last four characters, even when a status carries it', async () => {
    // A real-looking personal token riding along with the status (as a leaky worker would send it): the page must
    // not render it anywhere — text, attributes, input values — on the card, in the replace form, after a check.
    const token = 'eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiIxMjM0NSIsImF1ZCI6ImNpcmNsZXQtd2ViLXVpIn0.Q2hlY2tUaGlzVG9rZW5OZXZlclNob3duwxyz';
    const leaky = { ...connectedTo('https://space.example.com', token.slice(-4)), token };
    handlers.status = () => ({ ok: true, value: leaky });
    handlers.verify = () => ({ ok: true, value: { ...leaky, lastVerified: Date.now() } });
    const shown = () => [
      host.textContent ?? '',
      ...[...host.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().map((name) => el.getAttribute(name) ?? '')),
      ...[...host.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement).value),
    ].join('\n');

    await open();
    expect($('connected-as')?.textContent).toBe('Connected to space.example.com as Ada Lovelace (@ada)');
    expect($('token-input')).toBeNull();
    expect($('token-last4')?.getAttribute('aria-label')).toBe('Token ending in wxyz');
    expect(shown()).not.toContain(token.slice(0, 12));
    $('verify')!.click();
    await vi.waitFor(() => expect($('options-status')?.textContent).toBe('Token verified: Space accepted it.'));
    expect(shown()).not.toContain(token.slice(0, 12));
    $('replace-token')!.click();
    await vi.waitFor(() => expect($<HTMLInputElement>('token-input')).not.toBeNull());
    expect($<HTMLInputElement>('token-input')!.value).toBe('');
    expect(shown()).not.toContain(token.slice(0, 12));
  });

  it('a bad new address while replacing leaves the saved connection as it was', async () => {
    await open();
    $('replace-token')!.click();
    await vi.waitFor(() => expect($<HTMLInputElement>('url-input')?.value).toBe('https://space.example.com'));
    fill('url-input', 'javascript:alert(1)');
    fill('token-input', 'new-token');
    $('connect')!.click();
    await vi.waitFor(() => expect($('form-error')).not.toBeNull());
    expect($('form-error')?.textContent).toMatch(/saved connection was not changed/);
    expect($('connected-as')?.textContent).toBe('Connected to space.example.com as Ada Lovelace (@ada)');
    expect(connects()).toHaveLength(0);
  });

  it('replaces the token for the same address', async () => {
    handlers.connect = () => ({ ok: true, value: connectedTo('https://space.example.com', '9876') });
    await open();
    $('replace-token')!.click();
    await vi.waitFor(() => expect($('token-input')).not.toBeNull());
    fill('token-input', 'fresh-token-9876');
    $('connect')!.click();
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://space.example.com/*'] });
    await vi.waitFor(() => expect($('token-last4')?.textContent).toBe('Token ••••9876'));
    expect($('token-input')).toBeNull();
  });

  it('checks the token again on request', async () => {
    handlers.verify = () => ({ ok: true, value: { ...connectedTo('https://space.example.com'), lastVerified: Date.now() } });
    await open();
    $('verify')!.click();
    await vi.waitFor(() => expect($('options-status')?.textContent).toBe('Token verified: Space accepted it.'));
    expect($('last-verified')?.textContent).toBe('Last verified now');
  });

  it('forgets, and reports whether Space confirmed the revoke', async () => {
    handlers.forget = () => {
      handlers.status = () => ({ ok: true, value: notConfigured });
      return { ok: true, value: { revoked: 'confirmed' } };
    };
    await open();
    $<HTMLInputElement>('revoke-too')!.click();
    $('forget')!.click();
    await vi.waitFor(() => expect(requests).toContainEqual({ type: 'forget', revoke: true }));
    await vi.waitFor(() => expect($('options-status')?.textContent).toMatch(/Space confirmed that the token is revoked/));
    expect($('connected-as')).toBeNull();
    expect($('token-input')).not.toBeNull();
  });

  it('still offers Forget while the remains of a session-only connection are stored (token gone with the session)', async () => {
    const remains: ConnectionStatus = {
      ...notConfigured, origin: 'https://space.example.com', host: 'space.example.com', sessionOnly: true, remembered: true,
    };
    handlers.status = () => ({ ok: true, value: remains });
    handlers.forget = () => {
      handlers.status = () => ({ ok: true, value: notConfigured });
      return { ok: true, value: { revoked: 'skipped' } };
    };
    await open();
    // Not connected: the form is there to connect again, prefilled — and Forget beside it.
    expect($('connected-as')).toBeNull();
    expect($<HTMLInputElement>('url-input')!.value).toBe('https://space.example.com');
    expect($('remains')?.textContent).toContain('the token itself is gone');
    $('forget-remains')!.click();
    await vi.waitFor(() => expect(requests).toContainEqual({ type: 'forget', revoke: false }));
    await vi.waitFor(() => expect($('options-status')?.textContent).toMatch(/were removed from the browser/));
    await vi.waitFor(() => expect($('remains')).toBeNull());
    expect($('token-input')).not.toBeNull();
  });

  it('offers no Forget when nothing is stored', async () => {
    handlers.status = () => ({ ok: true, value: notConfigured });
    await open();
    expect($('remains')).toBeNull();
    expect($('forget')).toBeNull();
  });

  it('tells the user to revoke by hand when Space did not confirm', async () => {
    handlers.forget = () => ({ ok: true, value: { revoked: 'failed', error: { code: 'unreachable' } } });
    await open();
    $<HTMLInputElement>('revoke-too')!.click();
    $('forget')!.click();
    await vi.waitFor(() => expect($('options-status')?.textContent).toMatch(/did not confirm the revoke \(Cannot reach space.example.com\)/));
    expect($('token-page-link')?.getAttribute('href')).toBe('https://space.example.com/m/me/authentication?tab=PermanentTokens');
  });

  it('chooses issue/review search projects, capped, saved through the worker', async () => {
    handlers.projects = () => ({ ok: true, value: [{ key: 'ABC', name: 'Alphabet' }, { key: 'ABD', name: 'Abduction' }] });
    await open();
    await vi.waitFor(() => expect($('scope-default')?.textContent).toBe('Now searching your starred and member projects.'));
    fill('project-search', 'ab');
    await vi.waitFor(() => expect(host.querySelectorAll('[data-testid="project-suggestion"]')).toHaveLength(2));
    expect($('options-status')?.textContent).toBe('2 matching projects below.');
    expect(requests).toContainEqual({ type: 'projects', query: 'ab' });
    (host.querySelector('[data-testid="project-suggestion"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(settings).toEqual({ searchProjects: ['ABC'], showWaitingCount: false }));
    expect(requests).toContainEqual({ type: 'settings-set', settings: { searchProjects: ['ABC'] } });
    await vi.waitFor(() => expect($('scope-chosen')?.textContent).toContain('ABC'));
    expect(host.querySelectorAll('[data-testid="project-suggestion"]')).toHaveLength(1);
    (host.querySelector('[aria-label="Remove ABC"]') as HTMLButtonElement).click();
    await vi.waitFor(() => expect(settings).toEqual({ searchProjects: [], showWaitingCount: false }));
  });
});

describe('options: sign in with Space', () => {
  const oauthStarts = () => requests.filter((r) => r.type === 'oauth-start');
  const signedIn = (origin: string, auth: ConnectionStatus['auth'] = 'ok'): ConnectionStatus => ({
    ...connectedTo(origin), method: 'oauth', clientId: 'space-lookup-demo', tokenLast4: null, auth,
  });
  const pickSignIn = () => $<HTMLInputElement>('method-oauth')!.click();

  it('offers the choice as a keyboard-friendly radio group (one name, a legend, labels)', async () => {
    await open();
    const radios = [...host.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.dataset.testid)).toEqual(['method-oauth', 'method-token']);
    expect(new Set(radios.map((r) => r.name)).size).toBe(1);
    expect(host.querySelector('fieldset legend')?.textContent).toBe('How to connect');
    expect(radios.find((r) => r.checked)?.dataset.testid).toBe('method-token');
    for (const radio of radios) expect(host.querySelector(`label[for="${radio.id}"]`)).not.toBeNull();
  });

  it('picking it asks Chrome for the optional identity permission in that gesture and shows what to set up in Space', async () => {
    await open();
    pickSignIn();
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ permissions: ['identity'] });
    await vi.waitFor(() => expect($('client-id-input')).not.toBeNull());
    expect($('token-input')).toBeNull();
    // No identity API in this page yet: Chrome's form, computed from the extension id.
    expect($<HTMLInputElement>('redirect-uri')!.value).toBe('https://test-extension.chromiumapp.org/');
    expect(host.textContent).toContain("Chrome's form");
    expect($('apps-link')).toBeNull();
    fill('url-input', 'space.example.com');
    await vi.waitFor(() => expect($('apps-link')?.getAttribute('href')).toBe('https://space.example.com/extensions/installed'));
    expect($('permission-list')?.textContent).toContain('global:Project.Issues.View');
    expect($('sign-in')?.textContent).toBe('Sign in with Space');
  });

  it('copies the redirect URI', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await open();
    pickSignIn();
    await vi.waitFor(() => expect($('copy-redirect-uri')).not.toBeNull());
    $('copy-redirect-uri')!.click();
    await vi.waitFor(() => expect($('copy-status')?.textContent).toBe('Redirect URI copied.'));
    expect(writeText).toHaveBeenCalledWith('https://test-extension.chromiumapp.org/');
  });

  it('signs in: identity and the exact origin in one request inside the click, then the worker runs the window', async () => {
    handlers['oauth-start'] = () => ({ ok: true, value: signedIn('https://space.example.com') });
    await open();
    pickSignIn();
    await vi.waitFor(() => expect($('client-id-input')).not.toBeNull());
    fakeBrowser.permissions.request.mockClear();
    fill('url-input', 'https://space.example.com/p/abc');
    fill('client-id-input', ' space-lookup-demo ');
    $('sign-in')!.click();
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ permissions: ['identity'], origins: ['https://space.example.com/*'] });
    await vi.waitFor(() => expect(oauthStarts()).toEqual([
      { type: 'oauth-start', url: 'https://space.example.com', clientId: 'space-lookup-demo', sessionOnly: false },
    ]));
    await vi.waitFor(() => expect($('connected-as')?.textContent).toBe('Connected to space.example.com as Ada Lovelace (@ada)'));
    expect($('signed-in-with')?.textContent).toBe('Signed in with Space');
    expect($('token-last4')).toBeNull();
    expect($('options-status')?.textContent).toMatch(/^Connected\./);
  });

  it('asks for the client ID before anything else', async () => {
    await open();
    pickSignIn();
    await vi.waitFor(() => expect($('client-id-input')).not.toBeNull());
    fakeBrowser.permissions.request.mockClear();
    fill('url-input', 'https://space.example.com');
    $('sign-in')!.click();
    await vi.waitFor(() => expect($('form-error')?.textContent).toMatch(/Enter the client ID/));
    expect(fakeBrowser.permissions.request).not.toHaveBeenCalled();
    expect($<HTMLInputElement>('client-id-input')!.getAttribute('aria-invalid')).toBe('true');
  });

  it.each([
    ['access-denied', /Access was not approved in space.example.com/],
    ['window-closed', /The sign-in window was closed/],
    ['invalid-client', /doesn't know this client ID/],
    ['redirect-uri-mismatch', /redirect URI.*Redirect URIs/s],
    ['pkce-required', /without a client secret.*Require PKCE/s],
    ['clock-skew', /disagree about the time/],
  ])('says what to fix when sign-in fails with %s', async (reason, text) => {
    handlers['oauth-start'] = () => ({ ok: false, error: { code: 'oauth', reason, host: 'space.example.com' } });
    await open();
    pickSignIn();
    await vi.waitFor(() => expect($('client-id-input')).not.toBeNull());
    fill('url-input', 'https://space.example.com');
    fill('client-id-input', 'app');
    $('sign-in')!.click();
    await vi.waitFor(() => expect($('form-error')?.textContent).toMatch(text));
    expect($<HTMLInputElement>('client-id-input')!.value).toBe('app');
  });

  it('a signed-in connection that Space ended says "sign in again"; Sign in again reopens the form prefilled', async () => {
    handlers.status = () => ({ ok: true, value: signedIn('https://space.example.com', 'sign-in-again') });
    await open();
    expect($('auth-warning')?.textContent).toMatch(/Sign in to space.example.com again/);
    expect($('auth-warning')?.textContent).toMatch(/settings and search scope are kept/);
    $('sign-in-again')!.click();
    await vi.waitFor(() => expect($<HTMLInputElement>('client-id-input')?.value).toBe('space-lookup-demo'));
    expect($<HTMLInputElement>('method-oauth')!.checked).toBe(true);
    expect($<HTMLInputElement>('url-input')!.value).toBe('https://space.example.com');
  });

  it('Sign out always asks Space to end the sign-in, and says what happened', async () => {
    handlers.status = () => ({ ok: true, value: signedIn('https://space.example.com') });
    handlers.forget = () => {
      handlers.status = () => ({ ok: true, value: { ...notConfigured, method: 'token' } });
      return { ok: true, value: { revoked: 'confirmed' } };
    };
    await open();
    expect($('forget')).toBeNull();
    expect($('revoke-too')).toBeNull();
    $('sign-out')!.click();
    await vi.waitFor(() => expect(requests).toContainEqual({ type: 'forget', revoke: true }));
    await vi.waitFor(() => expect($('options-status')?.textContent).toMatch(/^Signed out.*Space ended the sign-in\./));
  });
});

describe('options: settings the organization manages', () => {
  const managed = (p: Partial<ManagedPolicy>): ManagedPolicy => ({
    origin: null, methods: 'both', clientId: null, sessionOnly: false, invalid: [], ...p,
  });

  it('shows them locked, "set by your organization", and sends them', async () => {
    handlers.policy = () => ({ ok: true, value: managed({
      origin: 'https://space.example.com', methods: 'oauth', clientId: 'org-app', sessionOnly: true,
    }) });
    handlers['oauth-start'] = () => ({ ok: false, error: { code: 'oauth', reason: 'window-closed', host: 'space.example.com' } });
    await open();
    expect(host.querySelector('input[type="radio"]')).toBeNull();
    expect($('managed-method')?.textContent).toMatch(/Sign in with Space.*Set by your organization/);
    const url = $<HTMLInputElement>('url-input')!;
    expect(url.value).toBe('https://space.example.com');
    expect(url.readOnly).toBe(true);
    expect($('managed-url')?.textContent).toBe('Set by your organization');
    expect($<HTMLInputElement>('client-id-input')!.readOnly).toBe(true);
    expect($<HTMLInputElement>('client-id-input')!.value).toBe('org-app');
    const sessionOnly = $<HTMLInputElement>('session-only')!;
    expect(sessionOnly.checked).toBe(true);
    expect(sessionOnly.disabled).toBe(true);
    expect($('managed-session-only')).not.toBeNull();
    $('sign-in')!.click();
    await vi.waitFor(() => expect(requests).toContainEqual({ type: 'oauth-start', url: 'https://space.example.com', clientId: 'org-app', sessionOnly: true }));
  });

  it('tokens only: no choice, the token form; an unusable managed value is reported', async () => {
    handlers.policy = () => ({ ok: true, value: managed({ methods: 'token', invalid: ['oauthClientId'] }) });
    await open();
    expect($('managed-method')?.textContent).toMatch(/Personal token/);
    expect($('token-input')).not.toBeNull();
    expect($('policy-invalid')?.textContent).toContain('oauthClientId');
  });

  it('a refusal by policy names what the organization allows', async () => {
    handlers.connect = () => ({ ok: false, error: { code: 'policy', reason: 'url', host: 'space.example.com' } });
    await open();
    fill('url-input', 'https://other.example.com');
    fill('token-input', 'tok');
    $('connect')!.click();
    await vi.waitFor(() => expect($('form-error')?.textContent).toMatch(/Your organization allows only space.example.com/));
  });
});
