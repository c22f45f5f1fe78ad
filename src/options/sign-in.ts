/**
 * Page side of "Sign in with Space": the `identity` permission and the redirect URI to register.
 *
 * Chrome lets `identity` be optional (manifest `optional_permissions`), so the options page requests it in the
 * click that picks or starts sign-in (it has no permission warning: Chrome grants it without a prompt). Firefox
 * does not accept it as optional and the Firefox build declares it (vite.config.ts `manifestFor`).
 */
import type { Manifest } from 'webextension-polyfill';
import browser from '../shared/browser.ts';
import { originPattern } from '../space/base-url.ts';

interface IdentityLike {
  getRedirectURL?: () => string;
}

/** Whether this build lists `identity` as an optional permission (Chrome), rather than declaring it (Firefox). */
export function identityIsOptional(): boolean {
  try {
    const manifest = browser.runtime.getManifest?.() as { optional_permissions?: string[] } | undefined;
    return (manifest?.optional_permissions ?? []).includes('identity');
  } catch {
    return false;
  }
}

/**
 * The redirect URI to register in Space: the browser's own `identity.getRedirectURL()` when the API is there;
 * before Chrome has granted `identity`, Chrome's documented form `https://<extension id>.chromiumapp.org/`
 * (the same string; `exact` false says it was computed).
 */
export function redirectUri(): { uri: string; exact: boolean } {
  const identity = (browser as unknown as { identity?: IdentityLike }).identity;
  try {
    const uri = identity?.getRedirectURL?.();
    if (typeof uri === 'string' && uri !== '') return { uri, exact: true };
  } catch {
    // Not granted yet.
  }
  return { uri: `https://${browser.runtime.id}.chromiumapp.org/`, exact: false };
}

/**
 * Call synchronously in a click or key handler (the user gesture ends at the first await): asks for `identity`
 * where it is optional, and for the Space origin when one is given — one request, one prompt at most.
 */
export function requestSignInPermissions(origin: string | null): Promise<boolean> {
  // `identity` is missing from the polyfill's optional-permission type, though Chrome accepts it there.
  const permissions = (identityIsOptional() ? ['identity'] : []) as unknown as Manifest.OptionalPermission[];
  const origins = origin === null ? [] : [originPattern(origin)];
  if (permissions.length === 0 && origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ ...(permissions.length ? { permissions } : {}), ...(origins.length ? { origins } : {}) });
}
