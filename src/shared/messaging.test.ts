import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from './test-support/fake-browser.ts';
import { ask, connectLookup } from './messaging.ts';
import type { LookupServerMessage } from './protocol.ts';

vi.mock('./browser.ts', async () => (await import('./test-support/fake-browser.ts')).polyfillModule());

const status = { configured: true, origin: 'https://s.example', host: 's.example', identity: null, tokenLast4: 'abcd', lastVerified: 1, sessionOnly: false, auth: 'ok' };

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.useRealTimers());

describe('ask', () => {
  it('returns the worker answer', async () => {
    fakeBrowser.runtime.sendMessage.mockResolvedValue({ ok: true, value: status });
    await expect(ask({ type: 'status' })).resolves.toEqual({ ok: true, value: status });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledWith({ type: 'status' });
  });

  it('retries once while the worker is starting ("Receiving end does not exist")', async () => {
    fakeBrowser.runtime.sendMessage
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValueOnce({ ok: true, value: status });
    await expect(ask({ type: 'status' })).resolves.toMatchObject({ ok: true });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('gives up after the one retry with an error the UI can show', async () => {
    fakeBrowser.runtime.sendMessage.mockRejectedValue(new Error('Receiving end does not exist.'));
    const answer = await ask({ type: 'status' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('does not retry other failures', async () => {
    fakeBrowser.runtime.sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(ask({ type: 'status' })).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('times out a silent worker, retrying reads once', async () => {
    vi.useFakeTimers();
    fakeBrowser.runtime.sendMessage.mockReturnValue(new Promise(() => undefined));
    const pending = ask({ type: 'details', kind: 'person', id: 'ada' }, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000 + 250 + 1000);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('never repeats a write after a timeout (a revoke could have happened)', async () => {
    vi.useFakeTimers();
    fakeBrowser.runtime.sendMessage.mockReturnValue(new Promise(() => undefined));
    const pending = ask({ type: 'forget', revoke: true }, { timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(5000);
    await expect(pending).resolves.toMatchObject({ ok: false });
    expect(fakeBrowser.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('turns a malformed answer into an error instead of trusting it', async () => {
    fakeBrowser.runtime.sendMessage.mockResolvedValue({ value: 'no ok flag' });
    await expect(ask({ type: 'status' })).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    fakeBrowser.runtime.sendMessage.mockResolvedValue(undefined);
    await expect(ask({ type: 'status' })).resolves.toMatchObject({ ok: false });
  });
});

describe('connectLookup', () => {
  it('sends searches with increasing ids on the lookup port and passes answers on', () => {
    const got: LookupServerMessage[] = [];
    const client = connectLookup((m) => got.push(m));
    const a = client.search('jo', 'all');
    const b = client.search('jon', 'person');
    expect(b).toBeGreaterThan(a);
    const port = fakeBrowser.port;
    expect(port.name).toBe('lookup');
    expect(port.sent).toEqual([
      { type: 'search', id: a, query: 'jo', filter: 'all' },
      { type: 'search', id: b, query: 'jon', filter: 'person' },
    ]);
    port.deliver({ type: 'done', id: b });
    port.deliver({ type: 'nonsense', id: 1 });
    port.deliver('garbage');
    expect(got).toEqual([{ type: 'done', id: b }]);
  });

  it('resends the search in flight on a fresh port when the worker goes away', () => {
    const client = connectLookup(() => undefined);
    const id = client.search('anna', 'all');
    fakeBrowser.port.drop();
    expect(fakeBrowser.ports).toHaveLength(2);
    expect(fakeBrowser.port.sent).toEqual([{ type: 'search', id, query: 'anna', filter: 'all' }]);
  });

  it('does not resend a search that already finished, and reconnects lazily for the next one', () => {
    const client = connectLookup(() => undefined);
    const id = client.search('anna', 'all');
    fakeBrowser.port.deliver({ type: 'done', id });
    fakeBrowser.port.drop();
    expect(fakeBrowser.ports).toHaveLength(1);
    client.search('bob', 'all');
    expect(fakeBrowser.ports).toHaveLength(2);
  });

  it('reports a failure instead of reconnecting forever when the port keeps dropping', () => {
    const got: LookupServerMessage[] = [];
    const client = connectLookup((m) => got.push(m));
    const id = client.search('anna', 'all');
    for (let i = 0; i < 5; i++) fakeBrowser.port.drop();
    expect(fakeBrowser.ports).toHaveLength(3);
    expect(got).toEqual([{ type: 'fail', id, error: expect.objectContaining({ code: 'internal' }) }]);
  });

  it('close() disconnects and stops reconnecting', () => {
    const client = connectLookup(() => undefined);
    client.search('anna', 'all');
    const port = fakeBrowser.port;
    client.close();
    expect(port.disconnected).toBe(true);
    port.drop();
    expect(fakeBrowser.ports).toHaveLength(1);
  });
});
