/**
 * Forget / Replace while a search is in flight: the search may still answer the popup that asked, but nothing
 * of it lands in the cache or the last view once its connection is gone (every write checks the stored
 * connection's id first; src/background/cache.ts).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LastView } from '../../shared/last-view.ts';
import { LOOKUP_PORT, type LookupServerMessage } from '../../shared/protocol.ts';
import { CACHE_PREFIX, writesSettled } from '../cache.ts';
import { CONNECTION_KEY, LAST_VIEW_KEY } from '../../shared/storage-keys.ts';
import { createPortPair, type FakePortEnd } from '../../shared/test-support/fake-ports.ts';
import { useConnectedRig, type Rig } from '../test-support/harness.ts';
import { acceptLookupPort } from './port.ts';

const connected = useConnectedRig();
let rig: Rig;
beforeEach(() => { rig = connected.current; });

function openPort(): FakePortEnd {
  const { client, server } = createPortPair(LOOKUP_PORT, rig.fake.popupSender());
  acceptLookupPort(server, rig.deps);
  return client;
}

async function until<T>(check: () => T | undefined | false, timeoutMs = 8_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Starts a slow search and resolves once Space has the request (the search is in flight). */
async function slowSearch(port: FakePortEnd, id: number, query: string) {
  // Only the search endpoint is slow: Forget / Replace (which calls `me`) finish while it waits.
  rig.server.setFault('/team-directory/profiles$', { latencyMs: 400 });
  port.postMessage({ type: 'search', id, query, filter: 'person' });
  await until(() => rig.server.requests.some((r) => r.path.endsWith('/team-directory/profiles')));
}

async function finished(port: FakePortEnd, id: number) {
  await until(() => (port.received as LookupServerMessage[]).find((m) => m.id === id && (m.type === 'done' || m.type === 'fail')));
  await writesSettled();
}

const cacheKeys = () => Object.keys(rig.fake.storage.session.snapshot()).filter((k) => k.startsWith(CACHE_PREFIX));
const connectionId = () => (rig.fake.storage.local.snapshot()[CONNECTION_KEY] as { id: string }).id;

describe('a search in flight when the connection changes', () => {
  it('a search that finishes normally is cached and remembered (the baseline)', async () => {
    const port = openPort();
    await slowSearch(port, 1, 'jonathan');
    await finished(port, 1);
    expect(cacheKeys().length).toBeGreaterThan(0);
    expect(rig.fake.storage.session.snapshot()[LAST_VIEW_KEY]).toMatchObject({ query: 'jonathan', connection: connectionId() });
  });

  it('after Forget: it writes neither cache nor last view', async () => {
    const port = openPort();
    await slowSearch(port, 1, 'jonathan');
    expect(await rig.ask({ type: 'forget', revoke: false })).toMatchObject({ ok: true });
    await finished(port, 1);
    expect(rig.fake.storage.session.snapshot()).toEqual({});
  });

  it('after Replace (another token): nothing of the old connection is written; the new one caches as usual', async () => {
    const port = openPort();
    await slowSearch(port, 1, 'jonathan');
    const old = connectionId();
    rig.server.addToken('second-token-abcdef');
    await rig.connect('second-token-abcdef');
    await finished(port, 1);
    expect(cacheKeys()).toEqual([]);
    expect(rig.fake.storage.session.snapshot()[LAST_VIEW_KEY]).toBeUndefined();
    expect(JSON.stringify(rig.fake.storage.session.snapshot())).not.toContain(old);

    rig.server.clearFaults();
    port.postMessage({ type: 'search', id: 2, query: 'ann', filter: 'person' });
    await finished(port, 2);
    const now = connectionId();
    expect(now).not.toBe(old);
    expect(cacheKeys().length).toBeGreaterThan(0);
    expect(cacheKeys().every((k) => k.startsWith(`${CACHE_PREFIX}${now}|`))).toBe(true);
    expect((rig.fake.storage.session.snapshot()[LAST_VIEW_KEY] as LastView).connection).toBe(now);
  });
});
