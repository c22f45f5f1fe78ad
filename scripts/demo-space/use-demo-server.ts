/**
 * One demo Space server for a test file, started before and closed after it; faults, the request log,
 * restricted mode, source search, avatar redirects, OAuth returning users and the access-token lifetime are reset after every
 * test so tests can't leak state into each other.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { DEFAULT_ACCESS_TOKEN_TTL_SEC } from './oauth.ts';
import { startDemoServer, type DemoServer, type DemoServerOptions } from './server.ts';

export function useDemoServer(options: DemoServerOptions = {}): { readonly current: DemoServer } {
  const holder: { current: DemoServer } = { current: undefined as unknown as DemoServer };
  beforeAll(async () => {
    holder.current = await startDemoServer(options);
  });
  afterAll(async () => {
    await holder.current.close();
  });
  afterEach(() => {
    holder.current.clearFaults();
    holder.current.clearRequests();
    holder.current.setRestricted(false);
    holder.current.setSourceSearch(true);
    holder.current.setAvatarRedirect(options.avatarRedirect ?? 'off');
    holder.current.setOAuthReturningUser(false);
    holder.current.setAccessTokenTtl(options.accessTokenTtlSec ?? DEFAULT_ACCESS_TOKEN_TTL_SEC);
  });
  return holder;
}
