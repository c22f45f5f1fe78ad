/**
 * Issue 14, the worker's side of the empty box in real Chromium against the demo server: Waiting for you lists
 * exactly the demo reviews where it is Alex's turn and Alex's open assigned issues (and asks each project once per
 * list); an item opened from the results is first in Recent; Forget leaves none of the lists behind. The popup's
 * rows are its own tests'.
 */
import { describe, expect, it } from 'vitest';
import { HOME_KEYS, RECENT_KEY, type RecentList, type WaitingList } from '../src/shared/home.ts';
import type { Result } from '../src/shared/protocol.ts';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

describe('home lists in the worker', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  it('Waiting for you, Recent after an open, and Forget', async () => {
    // Messages go from the options page: the popup asks for Waiting for you itself when it opens.
    const page = await h.openOptions();
    const ask = <T>(message: Record<string, unknown>) =>
      page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Result<T>>;
    const storedKeys = () => page.evaluate(async (keys) => {
      const [local, session] = await Promise.all([chrome.storage.local.get(keys), chrome.storage.session.get(keys)]);
      return [...Object.keys(local), ...Object.keys(session)];
    }, [...HOME_KEYS]);

    h.demo.clearRequests();
    const waiting = await ask<WaitingList>({ type: 'waiting' });
    if (!waiting.ok) throw new Error(`waiting failed: ${JSON.stringify(waiting.error)}`);
    const projects = [...new Set(h.demo.requests.map((r) => /^\/api\/http\/projects\/key:([^/]+)\/(?:code-reviews|planning\/issues)$/.exec(r.path)?.[1])
      .filter((k): k is string => k !== undefined))];
    expect(projects.length).toBeGreaterThan(0);
    for (const list of ['code-reviews', 'planning/issues']) {
      for (const key of projects) expect(h.demo.requests.filter((r) => r.path === `/api/http/projects/key:${key}/${list}`)).toHaveLength(1);
    }

    const keys = (reason: string) => waiting.value.items.filter((i) => i.reason === reason).map((i) => (i.entity as { key: string }).key).sort();
    // The demo's fixed cases (scripts/demo-space/data-waiting.ts), as far as the default scope reaches.
    const turns = ['ABC-CR-1', 'ABC-MR-5', 'WEB-MR-11'].filter((k) => projects.includes(k.split('-')[0]!));
    expect(turns.length).toBeGreaterThan(0);
    expect(keys('your-turn')).toEqual(turns.sort());
    const ds = h.demo.dataset;
    const open = ds.issues.filter((i) => i.assignee === ds.demoUser && !i.status.resolved && projects.includes(i.projectRef.key.key))
      .map((i) => `${i.projectRef.key.key}-T-${i.number}`).sort();
    expect(open.length).toBeGreaterThan(0);
    expect(keys('assigned')).toEqual(open);

    const popup = await h.openPopupPage();
    await typeQuery(popup, 'rate limiter answers');
    await waitForSearchDone(popup);
    const url = await popup.locator('[data-testid="result"]').first().getAttribute('data-url');
    await popup.close();
    const opened = (await page.evaluate(() => chrome.storage.session.get('lastView'))) as { lastView?: { groups: Record<string, { id: string; webUrl: string }[]> } };
    const issue = Object.values(opened.lastView?.groups ?? {}).flat().find((e) => e.webUrl === url)!;
    expect(await ask({ type: 'remember', kind: 'issue', id: issue.id })).toEqual({ ok: true, value: { remembered: true } });
    const recent = (await page.evaluate((k) => chrome.storage.local.get(k), RECENT_KEY))[RECENT_KEY] as RecentList;
    expect(recent.items[0]?.entity.webUrl).toBe(url);
    expect((await storedKeys()).sort()).toEqual([RECENT_KEY, 'homeWaiting'].sort());

    expect((await ask({ type: 'forget', revoke: false })).ok).toBe(true);
    expect(await storedKeys()).toEqual([]);
    await page.close();
  });
});
