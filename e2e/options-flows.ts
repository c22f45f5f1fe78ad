/** The options page driven like a user: connecting with a token, signing in with Space. */
import type { Page } from 'playwright-core';
import type { Harness } from './harness.ts';

export interface ConnectOptions {
  sessionOnly?: boolean;
  /** Grant the host permission first (default true); without it the permission prompt would never answer. */
  grant?: boolean;
  /** Wait for "Connected to …" (default) or for the form's error message. */
  expect?: 'connected' | 'error';
}

export interface SignInOptions {
  /** What the user does in Space's window: Approve (default), Deny, or close the window. */
  action?: 'approve' | 'deny' | 'close';
  /** Default: the demo server's application. */
  clientId?: string;
  sessionOnly?: boolean;
  /** Continue on this options page (e.g. after "Sign in again"); default a fresh one. */
  page?: Page;
  /** Grant the host permission first (default true), as `connect` does. */
  grant?: boolean;
}

export interface SignInResult {
  /** The options page, left open. */
  page: Page;
  /** The auth window (closed by now). */
  authPage: Page;
  /** Sign-in click → Space's consent page ready in the auth window. */
  clickToConsentMs: number;
  /** Sign-in click → "Connected" on the options page (approve), or → the error shown (deny, close). */
  clickToOutcomeMs: number;
}

/**
 * Connects through the real options page: fills the form, clicks Connect (whose handler requests the
 * host permission), waits for the outcome. Returns the options page, left open.
 */
export async function connectInOptions(h: Harness, url: string, token: string, opts: ConnectOptions = {}): Promise<Page> {
  if (opts.grant !== false && /^https?:\/\//i.test(url)) {
    try {
      await h.grantHost(new URL(url).origin);
    } catch {
      // Not a grantable origin (e.g. non-loopback http): the form must reject it before asking.
    }
  }
  const page = await h.openOptions();
  const replace = page.getByTestId('replace-token');
  if (await replace.isVisible()) await replace.click();
  // The form comes in its own chunk, imported when it is shown (src/options/App.tsx).
  await page.locator('form.connect-form').waitFor();
  // The choice of method is there unless the organization allows only one.
  const method = page.getByTestId('method-token');
  if (await method.isVisible()) await method.check();
  // Fields the organization manages are read-only (e2e/managed.e2e.ts).
  const urlInput = page.getByTestId('url-input');
  if (await urlInput.isEditable()) await urlInput.fill(url);
  await page.getByTestId('token-input').fill(token);
  const sessionOnly = page.getByTestId('session-only');
  if (await sessionOnly.isEnabled()) await sessionOnly.setChecked(opts.sessionOnly === true);
  await page.getByTestId('connect').click();
  if ((opts.expect ?? 'connected') === 'connected') {
    // The form closes once the new connection is stored (a saved one's card may have been showing all along).
    await page.getByTestId('connect').waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('connected-as').waitFor({ timeout: 20_000 });
  } else {
    await page.getByTestId('form-error').waitFor({ timeout: 20_000 });
  }
  return page;
}

/**
 * "Sign in with Space" through the real options page and the browser's real auth window
 * (`identity.launchWebAuthFlow`, which Playwright sees as a page): picks sign-in (Chrome grants the optional
 * `identity` permission in that click, without a prompt), fills the form, clicks Sign in, then Approve or Deny on
 * the demo server's consent page, or closes the window. Waits for "Connected" (approve) or the form's error.
 */
export async function signInInOptions(h: Harness, opts: SignInOptions = {}): Promise<SignInResult> {
  if (opts.grant !== false) await h.grantHost(h.origin);
  const page = opts.page ?? await h.openOptions();
  for (const reopen of ['sign-in-again', 'replace-token']) {
    const button = page.getByTestId(reopen);
    if (await button.isVisible()) await button.click();
  }
  await page.locator('form.connect-form').waitFor();
  const method = page.getByTestId('method-oauth');
  if (await method.isVisible()) await method.check();
  const url = page.getByTestId('url-input');
  if (await url.isEditable()) await url.fill(h.origin);
  const clientId = page.getByTestId('client-id-input');
  if (await clientId.isEditable()) await clientId.fill(opts.clientId ?? h.demo.oauthClientId);
  const sessionOnly = page.getByTestId('session-only');
  if (await sessionOnly.isEnabled()) await sessionOnly.setChecked(opts.sessionOnly === true);
  const authUrl = `${h.origin}/oauth/auth`;
  // Armed before the click: the window opens while the click is still being handled.
  const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().startsWith(authUrl), timeout: 15_000 });
  const clicked = Date.now();
  await page.getByTestId('sign-in').click();
  const authPage = await opened;
  await authPage.getByRole('button', { name: 'Approve' }).waitFor();
  const clickToConsentMs = Date.now() - clicked;
  const action = opts.action ?? 'approve';
  if (action === 'close') {
    await authPage.close();
  } else {
    // The answer redirects to the extension's redirect URI; the browser takes it and closes the window itself.
    await authPage.getByRole('button', { name: action === 'approve' ? 'Approve' : 'Deny' }).click().catch((e: unknown) => {
      if (!authPage.isClosed()) throw e;
    });
  }
  if (action === 'approve') {
    // The form closes once the new connection is stored (a saved one's card may have been showing all along).
    await page.getByTestId('sign-in').waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('connected-as').waitFor();
  } else {
    await page.getByTestId('form-error').waitFor({ timeout: 20_000 });
  }
  return { page, authPage, clickToConsentMs, clickToOutcomeMs: Date.now() - clicked };
}
