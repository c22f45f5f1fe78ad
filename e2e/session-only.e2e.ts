import { describe, expect, it } from 'vitest';
import { type Harness, typeQuery } from './harness.ts';
import { useHarness } from './use-harness.ts';

describe('"Forget the token when the browser closes" (session-only)', () => {
  let h: Harness;
  useHarness({}, (started) => { h = started; });

  it('keeps the token in storage.session only, never local or sync; lookups work', async () => {
    const options = await h.connect(h.origin, h.demo.token, { sessionOnly: true });
    const [local, session, sync] = await Promise.all([h.storage('local'), h.storage('session'), h.storage('sync')]);
    expect(session.token).toBe(h.demo.token);
    expect(local.token).toBeUndefined();
    expect(JSON.stringify(local)).not.toContain(h.demo.token);
    expect(JSON.stringify(sync)).not.toContain(h.demo.token);
    expect(await options.getByTestId('connected-as').isVisible()).toBe(true);

    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await popup.locator(`[data-testid="result"][data-url="${h.origin}/m/jonathan.whitaker"]`).waitFor();
    await Promise.all([options.close(), popup.close()]);
  });

  it('switching back to normal mode moves the token to storage.local and clears the session copy', async () => {
    const options = await h.connect(h.origin, h.demo.token, { sessionOnly: false });
    const [local, session, sync] = await Promise.all([h.storage('local'), h.storage('session'), h.storage('sync')]);
    expect(local.token).toBe(h.demo.token);
    expect(session.token).toBeUndefined();
    expect(JSON.stringify(session)).not.toContain(h.demo.token);
    expect(JSON.stringify(sync)).not.toContain(h.demo.token);
    await options.close();
  });
});
