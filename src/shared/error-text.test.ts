import { beforeEach, describe, expect, it, vi } from 'vitest';
import messages from '../../public/_locales/en/messages.json';
import { fakeBrowser } from './test-support/fake-browser.ts';
import { declinedText, errorLine, errorText, invalidUrlText, tokenMissingText, type ErrorPlace } from './error-text.ts';
import type { AppError, AppErrorCode } from './protocol.ts';

vi.mock('./browser.ts', async () => (await import('./test-support/fake-browser.ts')).polyfillModule());

/** Every code, as a Record so that a new AppErrorCode breaks this test's compilation until it is listed. */
const CODES: Record<AppErrorCode, true> = {
  'invalid-url': true, 'unauthorized': true, 'forbidden': true, 'not-found': true, 'invalid-request': true, 'unsupported': true,
  'rate-limited': true, 'server': true, 'unreachable': true, 'timeout': true, 'cancelled': true,
  'bad-response': true, 'not-configured': true, 'no-host-permission': true, 'bad-request': true, 'internal': true,
  'sign-in-again': true, 'oauth': true, 'policy': true,
};
const ALL = Object.keys(CODES) as AppErrorCode[];
const PLACES: ErrorPlace[] = ['popup', 'options'];

const err = (code: AppErrorCode, extra: Partial<AppError> = {}): AppError => ({ code, ...extra });

beforeEach(() => fakeBrowser.reset());

describe('errorText', () => {
  it.each(ALL.flatMap((code) => PLACES.flatMap((where) => [true, false].map((connecting) => [code, where, connecting] as const))))(
    '%s in %s (connecting: %s) has a real title and fix from messages.json',
    (code, where, connecting) => {
      for (const host of ['space.example.com', null]) {
        const text = errorText(err(code), { where, host, connecting });
        // A missing key would come back as the key itself ("err_…").
        expect(text.title).not.toMatch(/^(err|url)_/);
        expect(text.fix).not.toMatch(/^(err|url)_/);
        expect(text.title.length).toBeGreaterThan(3);
        expect(text.fix.length).toBeGreaterThan(3);
        expect(text.title).not.toContain('$');
      }
    },
  );

  it('names the missing permission', () => {
    expect(errorText(err('forbidden', { permission: 'Project.Issues.View' }), { where: 'popup' }).title)
      .toBe('The token lacks the permission Project.Issues.View');
    expect(errorText(err('forbidden'), { where: 'popup' }).title).toBe('The token lacks a permission');
  });

  it('names the host when it is known', () => {
    expect(errorText(err('unreachable'), { where: 'options', host: 'space.example.com' }).title).toBe('Cannot reach space.example.com');
    expect(errorText(err('no-host-permission'), { where: 'popup', host: 'space.example.com' }).title).toBe('No access to space.example.com');
    expect(errorText(err('no-host-permission'), { where: 'popup' }).title).toBe('No access to your Space server');
  });

  it('names the host the worker reported, before the page\'s own idea of it', () => {
    expect(errorText(err('no-host-permission', { host: 'space.example.com' }), { where: 'popup' }).title).toBe('No access to space.example.com');
    expect(errorText(err('unreachable', { host: 'new.example.com' }), { where: 'options', host: 'old.example.com' }).title)
      .toBe('Cannot reach new.example.com');
    expect(errorText(err('bad-response', { host: 'example.org' }), { where: 'options', connecting: true }).title)
      .toBe('example.org does not look like a Space server');
  });

  it('says how long to wait when Space said so', () => {
    expect(errorText(err('rate-limited', { retryAfterMs: 4200 }), { where: 'popup' }).fix).toBe('Try again in 5 s.');
    expect(errorText(err('rate-limited'), { where: 'popup' }).fix).toBe('Try again in a moment.');
  });

  it('sends the popup to Options for what is fixed there, and offers retry for transient failures', () => {
    const actions = Object.fromEntries(ALL.map((c) => [c, errorText(err(c), { where: 'popup' }).action]));
    expect(actions).toEqual({
      'invalid-url': null, 'unauthorized': 'open-options', 'forbidden': 'open-options', 'not-found': null, 'invalid-request': null,
      'unsupported': null, 'rate-limited': 'retry', 'server': 'retry', 'unreachable': 'retry', 'timeout': 'retry',
      'cancelled': 'retry', 'bad-response': 'retry', 'not-configured': 'open-options',
      'no-host-permission': 'open-options', 'bad-request': null, 'internal': 'retry',
      'sign-in-again': 'open-options', 'oauth': null, 'policy': null,
    });
    expect(errorText(err('unauthorized'), { where: 'options' }).action).toBeNull();
  });

  it('words the token fix for the page the user is on', () => {
    expect(errorText(err('unauthorized'), { where: 'popup' }).fix).toMatch(/Options/);
    expect(errorText(err('unauthorized'), { where: 'options' }).fix).toMatch(/paste it below/);
  });

  it('reads odd answers while connecting as "not a Space server"', () => {
    for (const code of ['not-found', 'unsupported', 'bad-response'] as const) {
      expect(errorText(err(code), { where: 'options', host: 'example.org', connecting: true }).title)
        .toBe('example.org does not look like a Space server');
    }
    expect(errorText(err('not-found'), { where: 'popup' }).title).toBe('Not found in Space');
  });

  it('says Space rejected the request for invalid-request, not "not available on this server"', () => {
    const text = errorText(err('invalid-request'), { where: 'popup', host: 'space.example.com' });
    expect(text.title).toBe('Space rejected the request');
    expect(text.fix).toMatch(/invalid/);
    expect(text.title).not.toBe(errorText(err('unsupported'), { where: 'popup' }).title);
  });

  it('treats an unknown code from a newer worker as internal, without throwing', () => {
    const text = errorText({ code: 'brand-new' as AppErrorCode }, { where: 'popup' });
    expect(text.title).toBe('Something went wrong inside the extension');
  });

  it('shows no detail but the host and the permission (an identifier or reason is not for display)', () => {
    for (const code of ALL) {
      const text = errorText(err(code, { subject: 'tok_SENTINEL_123', reason: 'tok_SENTINEL_123', op: 'issue' }), { where: 'popup' });
      expect(JSON.stringify(text)).not.toContain('tok_SENTINEL_123');
    }
  });
});

describe('invalid URL reasons', () => {
  it.each(['empty', 'unsupported-scheme', 'credentials', 'invalid-host', 'insecure-http'])('%s has its own localized reason', (reason) => {
    const text = invalidUrlText(reason);
    expect(text.title).toBe('That is not a usable Space address');
    expect(text.fix).not.toMatch(/url_/);
    expect(text.fix).toContain('https://space.example.com');
  });

  it('gives different texts for different reasons', () => {
    const fixes = new Set(['empty', 'unsupported-scheme', 'credentials', 'invalid-host', 'insecure-http'].map((r) => invalidUrlText(r).fix));
    expect(fixes.size).toBe(5);
  });

  it('falls back to the given text, or a generic reason, for a reason it does not know', () => {
    expect(invalidUrlText('future-rule', 'Some new rule.').fix).toMatch(/^Some new rule\./);
    expect(errorText(err('invalid-url', { reason: 'insecure-http' }), { where: 'options' }).fix).toMatch(/unencrypted/);
    expect(errorText(err('invalid-url', { reason: 'not-canonical' }), { where: 'options' }).fix).toBe(invalidUrlText('invalid-host').fix);
  });
});

describe('page-only texts', () => {
  it('explains a declined permission with the host and the way out', () => {
    const text = declinedText('space.example.com');
    expect(text.title).toBe('Access to space.example.com was declined');
    expect(text.fix).toMatch(/Connect again/);
    expect(tokenMissingText().title).toBe('Paste your personal token');
  });

  it('errorLine joins title and fix', () => {
    expect(errorLine(err('timeout'), { where: 'popup' })).toBe('Space did not answer in time. Try again; the server or the network may be slow right now.');
  });
});

describe('messages.json', () => {
  it('defines every placeholder it uses (a typo would print $NAME$ literally)', () => {
    for (const [key, entry] of Object.entries(messages as Record<string, { message: string; placeholders?: Record<string, unknown> }>)) {
      for (const [, name] of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(entry.placeholders?.[name!.toLowerCase()], `${key} uses $${name}$`).toBeDefined();
      }
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
    }
  });
});
