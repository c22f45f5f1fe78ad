/**
 * Issue 14 item 6, in real Chromium against the demo server: `NAV <words>` (a project key in capitals, a space, then
 * words) finds an issue of NAV — a project outside the search scope (the demo user is no member of it, so the
 * default scope of starred and member projects leaves it out) — and the group says "in NAV"; Enter opens it in
 * Space. A first word that is no project searches the scope as before, with no error and no project named.
 */
import { describe, expect, it } from 'vitest';
import { issueUrl } from '../src/kinds/issue/web-url.ts';
import { type Harness, moveTo, pressClosing, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

describe('one project by its key', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  it('"NAV <words>" finds an issue of NAV, outside the scope, under "Issues · in NAV"; Enter opens it', async () => {
    const nav = h.demo.dataset.projects.find((p) => p.key.key === 'NAV');
    expect(nav).toBeDefined();
    // The words of one NAV issue's title, from the demo data (not hard-coded: the data is generated).
    const issue = h.demo.dataset.issues.find((i) => i.projectRef.key.key === 'NAV' && i.title.split(' ').length >= 3)!;
    const words = issue.title.split(' ').slice(0, 3).join(' ');

    const popup = await h.openPopupPage();
    await typeQuery(popup, `NAV ${words}`);
    await waitForSearchDone(popup);
    const group = popup.getByTestId('group-issue');
    await expect.poll(() => group.locator('.group-label').textContent()).toMatch(/in NAV$/);
    const urls = await group.locator('[data-testid="result"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-url')));
    const url = issueUrl(h.origin, 'NAV', issue.number);
    expect(urls).toContain(url);
    for (const u of urls) expect(u).toMatch(new RegExp(`^${h.origin}/p/NAV/issues/\\d+$`));
    await moveTo(popup, url);
    const tab = await h.nextPage(() => pressClosing(popup, 'Enter'));
    expect(tab.url()).toBe(url);
    await tab.close();

    // The scope alone does not find it: the same words without the key are searched in the scope only.
    const again = await h.openPopupPage();
    await typeQuery(again, words);
    await waitForSearchDone(again);
    const inScope = await again.locator('[data-testid="result"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-url')));
    expect(inScope).not.toContain(url);
    expect(await again.locator('.group-label').allTextContents()).not.toContainEqual(expect.stringContaining('in NAV'));
    await again.close();
  });

  it('a first word that is no project searches the scope for the whole text: no error, no project named', async () => {
    const popup = await h.openPopupPage();
    h.demo.clearRequests();
    await typeQuery(popup, 'NOPE login');
    await waitForSearchDone(popup);
    const issueSearches = h.demo.requests.filter((r) => /\/projects\/key:[^/]+\/planning\/issues$/.test(r.path));
    // NOPE asked first (404), then the scope (ABC among it, starred) for the whole text.
    expect(issueSearches.some((r) => r.path.endsWith('/key:NOPE/planning/issues') && r.status === 404)).toBe(true);
    expect(issueSearches.some((r) => r.path.endsWith('/key:ABC/planning/issues') && r.query.query?.[0] === 'NOPE login')).toBe(true);
    expect(await popup.locator('.group-label').allTextContents()).not.toContainEqual(expect.stringContaining('in NOPE'));
    expect(await popup.locator('[role="alert"]').count()).toBe(0);
    await popup.close();
  });
});
