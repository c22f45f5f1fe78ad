import { describe, expect, it } from 'vitest';
import type { Harness } from './harness.ts';
import { useHarness } from './use-harness.ts';
import { msg } from './messages.ts';

/** Asks the demo server directly whether it still accepts `token`. */
async function statusWith(h: Harness, token: string): Promise<number> {
  const res = await fetch(`${h.origin}/api/http/team-directory/profiles/me?$fields=id`, { headers: { authorization: `Bearer ${token}` } });
  return res.status;
}

describe('Forget (and revoke)', () => {
  let h: Harness;
  useHarness({}, (started) => { h = started; });

  it('Forget removes the token; the popup then asks to configure', async () => {
    const options = await h.connect(h.origin, h.demo.token);
    expect((await h.storage('local')).token).toBe(h.demo.token);
    h.demo.clearRequests();
    await options.getByTestId('forget').click();
    await expect.poll(() => options.getByTestId('options-status').innerText()).toContain(msg('options_forgotten'));
    expect(await options.getByTestId('options-status').innerText()).not.toContain(msg('options_revokeConfirmed'));
    await options.getByTestId('url-input').waitFor();
    // Nothing was revoked in Space.
    expect(h.demo.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
    expect(await statusWith(h, h.demo.token)).toBe(200);

    const local = await h.storage('local');
    const session = await h.storage('session');
    expect(local.token).toBeUndefined();
    expect(session.token).toBeUndefined();
    expect(JSON.stringify([local, session])).not.toContain(h.demo.token);

    const popup = await h.openPopupPage();
    await popup.getByTestId('not-configured').waitFor();
    expect(await popup.getByTestId('not-configured').innerText()).toContain(msg('popup_notConfiguredTitle'));
    expect(await popup.getByTestId('search-input').count()).toBe(0);
    await Promise.all([options.close(), popup.close()]);
  });

  it('Forget with "revoke in Space" revokes the token there and says Space confirmed it', async () => {
    const token = 'tok_revoke_me_0123456789';
    h.demo.addToken(token);
    const options = await h.connect(h.origin, token);
    h.demo.clearRequests();
    await options.getByTestId('revoke-too').check();
    await options.getByTestId('forget').click();
    await expect.poll(() => options.getByTestId('options-status').innerText()).toContain(msg('options_revokeConfirmed'));

    const revokes = h.demo.requests.filter((r) => r.method === 'DELETE');
    expect(revokes.map((r) => r.path)).toEqual(['/api/http/team-directory/profiles/me/permanent-tokens/current']);
    expect(revokes[0]?.authorization).toBe(`Bearer ${token}`);
    // Space (the demo) now refuses that token, while other tokens still work.
    expect(await statusWith(h, token)).toBe(401);
    expect(await statusWith(h, h.demo.token)).toBe(200);
    expect((await h.storage('local')).token).toBeUndefined();
    await options.close();
  });
});
