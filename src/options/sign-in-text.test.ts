import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '../shared/test-support/fake-browser.ts';
import { POLICY_REASONS, SIGN_IN_REASONS, clientIdMissingText, signInErrorText } from './sign-in-text.ts';

vi.mock('../shared/browser.ts', async () => (await import('../shared/test-support/fake-browser.ts')).polyfillModule());

beforeEach(() => fakeBrowser.reset());

describe('sign-in errors on the options page', () => {
  it.each([...SIGN_IN_REASONS.map((r) => ['oauth', r] as const), ...POLICY_REASONS.map((r) => ['policy', r] as const)])(
    '%s %s has its own title and fix from messages.json, naming the host where it says one',
    (code, reason) => {
      const text = signInErrorText({ code, reason, host: 'space.example.com' });
      expect(text).not.toBeNull();
      expect(text!.title).not.toMatch(/^(signin|policy)_|\$/);
      expect(text!.fix).not.toMatch(/^(signin|policy)_|\$/);
      expect(text!.fix.length).toBeGreaterThan(10);
    },
  );

  it('every reason reads differently (each failure has its own fix)', () => {
    const titles = SIGN_IN_REASONS.filter((r) => r !== 'invalid-request').map((reason) => signInErrorText({ code: 'oauth', reason, host: 'h' })!.title);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('names the host, and the fix for the common setup mistakes says what to change in Space', () => {
    expect(signInErrorText({ code: 'oauth', reason: 'invalid-client', host: 'space.example.com' })!.title).toBe("space.example.com doesn't know this client ID");
    expect(signInErrorText({ code: 'oauth', reason: 'redirect-uri-mismatch', host: 'h' })!.fix).toMatch(/Redirect URIs/);
    expect(signInErrorText({ code: 'oauth', reason: 'pkce-required', host: 'h' })!.fix).toMatch(/Require PKCE.*public/);
    expect(signInErrorText({ code: 'oauth', reason: 'access-denied', host: 'h' })!.fix).toMatch(/Approve/);
    expect(signInErrorText({ code: 'oauth', reason: 'window-closed', host: 'h' })!.title).toMatch(/window was closed/);
    expect(signInErrorText({ code: 'oauth', reason: 'clock-skew', host: 'h' })!.fix).toMatch(/date, time and time zone/);
    expect(signInErrorText({ code: 'policy', reason: 'url', host: 'space.example.com' })!.title).toBe('Your organization allows only space.example.com');
  });

  it('an unknown reason still gets words; other codes are left to errorText', () => {
    expect(signInErrorText({ code: 'oauth', reason: 'something-new', host: 'h' })!.title).toBe('h could not complete the sign-in');
    expect(signInErrorText({ code: 'unauthorized' })).toBeNull();
    expect(clientIdMissingText().title).toBe('Enter the client ID');
  });
});
