/**
 * The worker entry applies the organization's managed settings to the stored connection without being asked: when
 * it starts, and when the managed area changes (`storage.onChanged`, area `managed`, as Chrome reports a policy
 * reload) — no status read, no restart. Loaded as the browser loads it, against the fake `browser` namespace.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoServer } from '../../scripts/demo-space/server.ts';
import { originPattern } from '../space/base-url.ts';
import { TOKEN_KEY } from './connection-store.ts';
import { createFakeBrowser } from '../shared/test-support/fake-browser.ts';
import { useWorkerEntry } from './test-support/worker-entry.ts';

const fake = createFakeBrowser();
const worker = useWorkerEntry(fake);
const startWorker = () => worker.start();
let server: DemoServer;
beforeAll(() => { server = worker.server; });

async function connect() {
  fake.grant(originPattern(server.url));
  const [answer] = fake.events.onMessage.dispatch({ type: 'connect', url: server.url, token: server.token, sessionOnly: false }, fake.popupSender());
  expect(await answer).toMatchObject({ ok: true, value: { configured: true } });
}

describe('managed settings reach the stored connection by themselves', () => {
  it('a policy set while the worker runs refuses the stored connection at once (badge too)', async () => {
    fake.setManaged(null);
    await startWorker();
    await connect();
    expect(fake.storage.local.snapshot()[TOKEN_KEY]).toBe(server.token);
    fake.setManaged({ spaceUrl: 'https://space.example.com' });
    await vi.waitFor(() => expect(fake.storage.local.snapshot()[TOKEN_KEY]).toBeUndefined());
    await vi.waitFor(() => expect(fake.record.badge).toMatchObject({ text: '!', title: fake.platform.i18n.getMessage('bg_badgePolicy') }));
    expect(fake.granted()).toEqual([]);
  });

  it('another area changing does not count as a policy change', async () => {
    fake.setManaged(null);
    await startWorker();
    await connect();
    // Every write to storage.local (caches, last view) reports a change too: only `managed` means a policy.
    const applied = vi.spyOn(fake.platform.storage.managed, 'get');
    await fake.storage.local.set({ unrelated: 1 });
    expect(applied).not.toHaveBeenCalled();
    applied.mockRestore();
  });

  it('a policy set while the worker was stopped applies when it starts', async () => {
    fake.setManaged(null);
    await startWorker();
    await connect();
    fake.stopWorker();
    fake.setManaged({ signInMethods: 'oauth' });
    expect(fake.storage.local.snapshot()[TOKEN_KEY]).toBe(server.token);
    await startWorker();
    await vi.waitFor(() => expect(fake.storage.local.snapshot()[TOKEN_KEY]).toBeUndefined());
    await vi.waitFor(() => expect(fake.record.badge.text).toBe('!'));
  });
});
