/**
 * Reading Space's answers robustly, in the popup against the demo server (issue 15, items 6 and 7): an avatar
 * served through a redirect within Space is the real picture, never one from another origin; one unreadable issue
 * leaves the others listed and the group says so.
 */
import { describe, expect, it } from 'vitest';
import { profileUrl } from '../src/space/web-urls.ts';
import { type Harness, moveTo, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

describe('popup: reading Space\'s answers', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  /** Opens `username`'s card and returns its avatar: the picture's `src`, or null when it shows initials. */
  async function cardAvatar(query: string, username: string): Promise<string | null> {
    const popup = await h.openPopupPage();
    await typeQuery(popup, query);
    await waitForSearchDone(popup);
    await moveTo(popup, profileUrl(h.origin, username));
    const avatar = popup.locator('[data-testid="card"] .avatar.large');
    await avatar.waitFor();
    // The details (and the picture with them) arrive after the card's first paint: wait until they settled.
    await expect.poll(() => h.demo.requests.filter((r) => r.path.startsWith('/d/') && r.status !== 0).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    await popup.waitForTimeout(300);
    const src = await avatar.locator('img').count() > 0 ? await avatar.locator('img').getAttribute('src') : null;
    await popup.close();
    return src;
  }

  it('an avatar redirected to another origin shows initials, and that origin is never asked', async () => {
    h.demo.setAvatarRedirect('other-origin');
    h.demo.clearRequests();
    try {
      expect(await cardAvatar('jonathan', 'jonathan.whitaker')).toBeNull();
      // `localhost` is this very demo server under another origin: a followed redirect would be in its log.
      expect(h.demo.requests.filter((r) => r.path.endsWith('/image'))).toEqual([]);
    } finally {
      h.demo.setAvatarRedirect('off');
    }
  });

  it('an avatar served through a same-origin redirect is the real picture, not initials', async () => {
    h.demo.setAvatarRedirect('same-origin');
    h.demo.clearRequests();
    try {
      const src = await cardAvatar('joanna', 'joanna.smith');
      expect(src).toMatch(/^data:image\/png;base64,/);
      const hops = h.demo.requests.filter((r) => r.path.startsWith('/d/'));
      expect(hops.map((r) => r.status)).toContain(302);
      expect(hops.some((r) => r.path.endsWith('/image') && r.status === 200 && r.authorization === `Bearer ${h.demo.token}`)).toBe(true);
    } finally {
      h.demo.setAvatarRedirect('off');
    }
  });

  it('one unreadable issue: the other issues are listed and the group says "1 result could not be read"', async () => {
    h.demo.setFault('/projects/key:ABC/planning/issues', { unreadableFirst: true });
    try {
      const popup = await h.openPopupPage();
      await typeQuery(popup, 'ABC');
      await waitForSearchDone(popup);
      const group = popup.getByTestId('group-issue');
      await group.waitFor();
      expect(await group.getByTestId('unreadable-issue').innerText()).toContain('1 result could not be read');
      expect(await group.locator('[data-testid="result"][data-kind="issue"]').count()).toBeGreaterThan(0);
      // The note is part of the group's accessible name.
      const labelId = await group.getAttribute('aria-labelledby');
      expect(await popup.locator(`#${labelId}`).innerText()).toMatch(/could not be read/);
      expect(await popup.getByTestId('note-issue').count()).toBe(0);
      await popup.close();
    } finally {
      h.demo.clearFaults();
    }
  });
});
