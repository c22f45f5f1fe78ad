/**
 * Connect (or replace the token): normalize the URL, check the host permission the options page just
 * requested, verify the token with the current-user call, and only then store it.
 *
 * Every failure returns before the first storage write, so a typo in the URL, a wrong token or a dead
 * server never touches a working saved connection.
 *
 * Host access follows: a connect that fails after its grant gives that origin's access back, and a switch
 * to another Space gives the old one's back — never the pattern the stored connection still uses.
 */
import { normalizeBaseUrl } from '../../space/base-url.ts';
import { AppFailure, failures } from '../app-error.ts';
import { statusWithBadge } from '../badge.ts';
import { clearAllCaches } from '../cache.ts';
import { identityOf, readConnection, saveConnection } from '../connection-store.ts';
import { readSettings, writeSettings } from '../settings-store.ts';
import { hasHostPermission, releaseHostPermission } from '../host-permission.ts';
import type { Handler } from '../router.ts';

/** Visible ASCII only: a token is an opaque printable string; anything else would corrupt the header. */
const TOKEN_CHARS = /^[\x21-\x7e]+$/;

export const handleConnect: Handler<'connect'> = async (request, deps) => {
  const { platform } = deps;
  const normalized = normalizeBaseUrl(request.url);
  if (!normalized.ok) {
    throw new AppFailure({ code: 'invalid-url', reason: normalized.reason });
  }
  const { origin } = normalized;

  // Pasted tokens often carry a newline or spaces at the ends; inside, whitespace means a bad paste.
  const token = request.token.trim();
  if (token === '' || !TOKEN_CHARS.test(token)) {
    throw failures.badRequest('token-format');
  }

  if (!(await hasHostPermission(platform, origin))) throw failures.noHostPermission(new URL(origin).host);

  const previous = (await readConnection(platform)).record;
  try {
    const me = await deps.createClient({ origin, token }).me();
    const identity = identityOf(me);
    if (previous && previous.origin !== origin) {
      // The chosen projects belong to the old server.
      const settings = await readSettings(platform);
      if (settings.searchProjects.length > 0) await writeSettings(platform, { searchProjects: [] });
    }
    await saveConnection(platform, { origin, token, identity, sessionOnly: request.sessionOnly, now: deps.now() });
  } catch (e) {
    // The access granted for this attempt is not used by anything now (unless the stored connection shares it).
    await releaseHostPermission(platform, origin, previous?.origin ?? null);
    throw e;
  }
  if (previous) await releaseHostPermission(platform, previous.origin, origin);
  // Results of the previous token must never show under the new one.
  await clearAllCaches(platform);
  return statusWithBadge(platform);
};
