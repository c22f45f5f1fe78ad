import { afterEach, beforeEach } from 'vitest';
/**
 * Unit-test rig for the worker: the in-memory fake browser plus the real Space client talking over real HTTP
 * to the real demo server (scripts/demo-space) on 127.0.0.1. Nothing is stubbed between the handlers and
 * the socket.
 */
import { startDemoServer, type DemoServer, type DemoServerOptions } from '../../../scripts/demo-space/server.ts';
import type { ConnectionStatus, Request, Result } from '../../shared/protocol.ts';
import { originPattern } from '../../space/base-url.ts';
import { createSpaceClient } from '../../space/client.ts';
import { handlers } from '../handlers/index.ts';
import { forgetRefreshesInFlight } from '../oauth-tokens.ts';
import type { Deps } from '../platform.ts';
import { createRouter } from '../router.ts';
import { createFakeBrowser, type FakeBrowserOptions } from '../../shared/test-support/fake-browser.ts';

export const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);

/**
 * `directory`: the local directory (issue 16) on, as in the product. Off by default here (the managed setting
 * `localDirectory: false`, a policy of the test's own overriding it): once connected it syncs in the background, and
 * its requests would join every other test's count. The directory's own tests turn it on.
 */
export async function createRig(opts: { server?: DemoServerOptions; browser?: FakeBrowserOptions; directory?: boolean } = {}) {
  const server: DemoServer = await startDemoServer(opts.server);
  const fake = createFakeBrowser(opts.directory === true ? opts.browser : { ...opts.browser, managed: { localDirectory: false, ...opts.browser?.managed } });
  fake.grant(originPattern(server.url));
  let clock = T0;
  const deps: Deps = {
    platform: fake.platform,
    // No retries and a short timeout keep fault tests fast; retry behaviour is the client's own tests' job.
    createClient: (o) => createSpaceClient({ ...o, timeoutMs: 5_000, retry: { retries: 0 } }),
    now: () => clock,
  };
  const route = createRouter(handlers, deps);
  const sender = fake.popupSender();
  return {
    server,
    fake,
    deps,
    route,
    /** Sends as our popup would. */
    ask: <T = unknown>(message: Request | Record<string, unknown>) => route(message, sender) as Promise<Result<T>>,
    advance(ms: number) {
      clock += ms;
    },
    async connect(token = server.token, sessionOnly = false) {
      const answer = await route({ type: 'connect', url: server.url, token, sessionOnly }, sender) as Result<ConnectionStatus>;
      if (!answer.ok) throw new Error(`connect failed: ${answer.error.code}`);
      return answer.value;
    },
    /**
     * "Sign in with Space" through the fake auth window (`fake.auth.action`, default approve) and the demo's OAuth
     * server. Like Options' sign-in click, it is granted the optional `identity` permission first (the worker
     * gives it back on Sign out and when a personal token replaces a sign-in).
     */
    async signIn(opts: { sessionOnly?: boolean; clientId?: string } = {}) {
      fake.auth.granted = true;
      const answer = await route({
        type: 'oauth-start', url: server.url, clientId: opts.clientId ?? server.oauthClientId, sessionOnly: opts.sessionOnly === true,
      }, sender) as Result<ConnectionStatus>;
      if (!answer.ok) throw new Error(`sign-in failed: ${JSON.stringify(answer.error)}`);
      return answer.value;
    },
    close: () => server.close(),
  };
}

export type Rig = Awaited<ReturnType<typeof createRig>>;
type RigOptions = Parameters<typeof createRig>[0];

/** A rig per test: read `current` inside tests; `replace` swaps in a rig of other options for the rest of the test. */
export interface RigPerTest {
  readonly current: Rig;
  /** Closes the current rig and starts one with `opts`, which is closed after the test in its place. */
  replace(opts: RigOptions): Promise<Rig>;
}

/**
 * A fresh, unconnected rig per test, closed after it. Refreshes still in flight are forgotten first, as a stopped
 * worker forgets them: they live in module state (oauth-tokens.ts), which outlives the rig and would otherwise
 * carry one test's refresh into the next.
 */
export function useRig(): RigPerTest {
  let current: Rig | undefined;
  beforeEach(async () => {
    current = await createRig();
  });
  afterEach(async () => {
    forgetRefreshesInFlight();
    await current?.close();
    current = undefined;
  });
  return {
    get current() {
      if (!current) throw new Error('no rig outside a test');
      return current;
    },
    async replace(opts) {
      await current?.close();
      current = await createRig(opts);
      return current;
    },
  };
}

/** A loopback origin nobody listens on: bind a port, close it, use it. */
export async function closedPortOrigin(): Promise<string> {
  const net = await import('node:net');
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/**
 * A fresh rig per test, connected to its demo server with the request log emptied; closed after the test.
 * Read `rigOf.current` inside tests (it is replaced before each one).
 */
export function useConnectedRig(): { readonly current: Rig } {
  const holder: { current: Rig } = { current: undefined as unknown as Rig };
  beforeEach(async () => {
    holder.current = await createRig();
    await holder.current.connect();
    holder.current.server.clearRequests();
  });
  afterEach(async () => {
    await holder.current.close();
  });
  return holder;
}
