/**
 * The worker entry itself, loaded the way the browser loads it (module evaluation), against the fake
 * `browser` namespace: every listener is registered during evaluation, and a worker stopped between steps
 * (listeners and memory gone, storage kept, module evaluated again) carries on where it left off.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DemoServer } from '../../scripts/demo-space/server.ts';
import { LOOKUP_PORT, type LookupServerMessage } from '../shared/protocol.ts';
import { originPattern } from '../space/base-url.ts';
import { MENU_ID } from './context-menu.ts';
import { createFakeBrowser } from '../shared/test-support/fake-browser.ts';
import { createPortPair } from '../shared/test-support/fake-ports.ts';
import { useWorkerEntry } from './test-support/worker-entry.ts';
import { WAITING_ALARM } from './waiting-schedule.ts';

const fake = createFakeBrowser();
const worker = useWorkerEntry(fake);
const startWorker = () => worker.start();
let server: DemoServer;

beforeAll(() => {
  server = worker.server;
  fake.grant(originPattern(server.url));
});

async function send(message: unknown) {
  const results = fake.events.onMessage.dispatch(message, fake.popupSender());
  expect(results).toHaveLength(1);
  return results[0];
}

describe('worker entry', () => {
  it('registers every listener while the module is evaluated', async () => {
    await startWorker();
    for (const [name, event] of Object.entries(fake.events)) expect(event.hasListeners(), name).toBe(true);
  });

  it('calls addListener only at the top level of index.ts, never inside a callback', () => {
    const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    const lines = source.split('\n').filter((l) => l.includes('.addListener('));
    expect(lines.length).toBe(Object.keys(fake.events).length);
    for (const line of lines) expect(line).toMatch(/^browser\.[a-zA-Z]+\.[a-zA-Z]+\.addListener\(/);
  });

  it('answers every message once, through the router', async () => {
    await startWorker();
    expect(await send({ type: 'status' })).toMatchObject({ ok: true, value: { configured: false } });
    expect(await send({ type: 'nope' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const foreign = fake.events.onMessage.dispatch({ type: 'status' }, { id: 'other' });
    expect(await foreign[0]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('keeps working when the worker is stopped between steps', async () => {
    await startWorker();
    await fake.events.onInstalled.dispatch({ reason: 'install' });
    expect(await send({ type: 'connect', url: server.url, token: server.token, sessionOnly: false }))
      .toMatchObject({ ok: true, value: { configured: true } });

    await startWorker();
    expect(await send({ type: 'status' })).toMatchObject({ ok: true, value: { configured: true, identity: { username: 'alex.demo' } } });

    await startWorker();
    const { client, server: workerEnd } = createPortPair(LOOKUP_PORT, fake.popupSender());
    fake.events.onConnect.dispatch(workerEnd);
    client.postMessage({ type: 'search', id: 1, query: 'jonathan', filter: 'person' });
    const deadline = Date.now() + 5_000;
    while (!(client.received as LookupServerMessage[]).some((m) => m.type === 'done') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(client.received).toContainEqual(expect.objectContaining({ type: 'group', kind: 'person', state: 'ok' }));

    // The menu created at install survives worker restarts (menus are the browser's state, not ours).
    await startWorker();
    expect(fake.record.menus.has(MENU_ID)).toBe(true);
    fake.events.menuClicked.dispatch({ menuItemId: MENU_ID, selectionText: 'ABC-T-131' });
    await vi.waitFor(() => expect(fake.record.tabsCreated.at(-1)?.url).toBe(`${server.url}/p/ABC/issues/131`));
  });

  it('the toolbar count\'s alarm wakes a stopped worker, whose top-level listener refreshes the reviews waiting', async () => {
    // No local directory (issue 16) syncing in the background: every request counted here is the count's.
    fake.setManaged({ localDirectory: false });
    await startWorker();
    expect(await send({ type: 'connect', url: server.url, token: server.token, sessionOnly: false })).toMatchObject({ ok: true });
    expect(await send({ type: 'settings-set', settings: { showWaitingCount: true } })).toMatchObject({ ok: true });
    expect(fake.record.alarms.get(WAITING_ALARM)).toMatchObject({ periodInMinutes: 5 });

    await startWorker();
    server.clearRequests();
    fake.fireAlarm(WAITING_ALARM);
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(0));
    expect(server.requests.every((r) => /\/projects\/key:[^/]+\/code-reviews/.test(r.path))).toBe(true);
    fake.setManaged(null);
  });
});
