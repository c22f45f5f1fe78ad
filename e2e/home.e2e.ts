/**
 * Issue 14, the popup's empty box, in real Chromium against the demo server: Waiting for you lists exactly the demo
 * reviews where it is Alex's turn and Alex's open issues (and none of the cases made not to appear), painted from
 * storage in the next first frame; an item opened is first in Recent on the next open; pin, reopen, unpin; Alt+M puts
 * a Markdown link on the clipboard; reopening restores the last query only while it is recent, Esc returns to the
 * empty box.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueUrl } from '../src/kinds/issue/web-url.ts';
import { reviewUrl } from '../src/kinds/review/web-url.ts';
import { PINNED_KEY, RECENT_KEY, WAITING_KEY, type PinnedList, type RecentList, type WaitingList } from '../src/shared/home.ts';
import type { LastView } from '../src/shared/last-view.ts';
import { LAST_VIEW_KEY } from '../src/shared/storage-keys.ts';
import { installFirstFrameProbe, readFirstFrame } from './first-frame.ts';
import { type Harness, moveTo, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

/** The rows of one group of the empty box (`pinned`, `waiting`, `recent`), by link, in order. */
const rowsOf = (page: Page, group: string): Promise<string[]> =>
  page.locator(`[data-testid="group-${group}"] [data-testid="result"]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-url') ?? ''));

const marksOf = (page: Page): Promise<Record<string, string>> =>
  page.locator('[data-testid="group-waiting"] [data-testid="result"]').evaluateAll((rows) =>
    Object.fromEntries(rows.map((r) => [r.getAttribute('data-url') ?? '', r.querySelector('.row-mark')?.textContent ?? ''])));

/** Project keys of the requests whose path (after /api/http) matches `/projects/key:K<rest>`. */
function projectsAsked(h: Harness, rest: string): string[] {
  const keys = h.demo.requests.map((r) => new RegExp(`^/api/http/projects/key:([^/]+)${rest}$`).exec(r.path)?.[1]).filter((k): k is string => k !== undefined);
  return [...new Set(keys.map(decodeURIComponent))].sort();
}

/**
 * What is on the browser's clipboard, read from a web page of the demo server's origin (Chromium grants no
 * permission to an extension's own origin from outside; the clipboard is the browser's, whoever wrote it).
 */
async function readClipboard(h: Harness): Promise<string> {
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
  const page = await h.context.newPage();
  try {
    await page.goto(`${h.origin}/`);
    return await page.evaluate(() => navigator.clipboard.readText());
  } finally {
    await page.close();
  }
}

describe('the empty box: Pinned, Waiting for you, Recent', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });
  beforeAll(async () => {
    await installFirstFrameProbe(h.context);
  });

  const local = async <T>(key: string) => (await h.storage('local'))[key] as T | undefined;

  it('Waiting for you lists exactly the open reviews where it is Alex\'s turn and Alex\'s open issues, each saying why', async () => {
    h.demo.clearRequests();
    const opened = Date.now();
    const popup = await h.openPopupPage();
    // The refresh asked when the popup opened has been stored.
    await expect.poll(async () => (await local<WaitingList>(WAITING_KEY))?.at ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(opened);

    const ds = h.demo.dataset;
    const me = ds.demoUser;
    const reviewProjects = projectsAsked(h, '/code-reviews');
    const issueProjects = projectsAsked(h, '/planning/issues');
    expect(reviewProjects).toContain('ABC');
    // One request per project per list, at most.
    expect(h.demo.requests.filter((r) => /\/code-reviews$|\/planning\/issues$/.test(r.path))).toHaveLength(reviewProjects.length + issueProjects.length);
    const project = (key: string) => ds.projectByKey.get(key)!;
    const expected = [
      ...reviewProjects.flatMap((key) => (ds.reviewsByProject.get(project(key).id) ?? [])
        .filter((r) => r.review.state === 'Opened' && r.participants.reviewers.some((p) => p.profile === me && p.theirTurn === true))
        .map((r) => reviewUrl(h.origin, key, r.review.number))),
      ...issueProjects.flatMap((key) => (ds.issuesByProject.get(project(key).id) ?? [])
        .filter((i) => i.assignee === me && !i.status.resolved && !i.archived)
        .map((i) => issueUrl(h.origin, key, i.number))),
    ].sort();
    // The demo data has some of each, and cases made not to appear.
    expect(expected).toEqual(expect.arrayContaining([reviewUrl(h.origin, 'ABC', 5), reviewUrl(h.origin, 'ABC', 1)]));
    expect(expected.some((u) => u.includes('/issues/'))).toBe(true);

    await expect.poll(async () => (await rowsOf(popup, 'waiting')).sort(), { timeout: 10_000 }).toEqual(expected);
    const shown = await rowsOf(popup, 'waiting');
    for (const n of [8, 9, 13, 25]) expect(shown).not.toContain(reviewUrl(h.origin, 'ABC', n));
    const marks = await marksOf(popup);
    expect(marks[reviewUrl(h.origin, 'ABC', 5)]).toMatch(/^your turn\nABC · /);
    const anIssue = expected.find((u) => u.includes('/issues/'))!;
    expect(marks[anIssue]).toMatch(/^assigned\n[A-Z]+ · /);
    await popup.close();
  });

  it('is painted from storage in the next first frame, before any request', async () => {
    // What the last popup's card asked for may still be answering.
    await new Promise((r) => setTimeout(r, 500));
    h.demo.clearRequests();
    const popup = await h.openPopupPage();
    const frame = await readFirstFrame(popup);
    expect(frame.query).toBe('');
    expect(frame.groups).toContain('group-waiting');
    expect(frame.results).toBeGreaterThan(0);
    expect(h.demo.requests.filter((r) => r.at <= frame.at).map((r) => r.path)).toEqual([]);
    await popup.close();
  });

  it('an item opened is first in Recent on the next open', async () => {
    const url = `${h.origin}/m/jonathan.whitaker`;
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    await moveTo(popup, url);
    const tab = await h.nextPage(() => popup.keyboard.press('ControlOrMeta+Enter'));
    expect(tab.url()).toBe(url);
    await tab.close();
    await expect.poll(async () => (await local<RecentList>(RECENT_KEY))?.items[0]?.entity.webUrl).toBe(url);
    // Esc: back to the empty box (and the last view the worker keeps is the empty one).
    await popup.bringToFront();
    await popup.keyboard.press('Escape');
    await popup.getByTestId('group-waiting').waitFor();
    await expect.poll(async () => ((await h.storage('session'))[LAST_VIEW_KEY] as LastView | undefined)?.query).toBe('');
    await popup.close();

    const again = await h.openPopupPage();
    expect(await again.getByTestId('search-input').inputValue()).toBe('');
    expect((await rowsOf(again, 'recent'))[0]).toBe(url);
    await again.close();
  });

  it('pin from the keyboard (Alt+P), reopen: Pinned comes first; unpin from the card\'s button', async () => {
    const url = `${h.origin}/m/jonathan.whitaker`;
    const popup = await h.openPopupPage();
    await moveTo(popup, url);
    await popup.keyboard.press('Alt+KeyP');
    await expect.poll(() => rowsOf(popup, 'pinned')).toEqual([url]);
    await expect.poll(() => popup.getByTestId('status').textContent()).toBe('Pinned Jonathan Whitaker');
    expect((await local<PinnedList>(PINNED_KEY))?.items.map((p) => p.entity.webUrl)).toEqual([url]);
    // Listed once: in Pinned, no longer in Recent.
    expect(await rowsOf(popup, 'recent')).not.toContain(url);
    await popup.close();

    const again = await h.openPopupPage();
    expect(await again.locator('[data-testid^="group-"]').first().getAttribute('data-testid')).toBe('group-pinned');
    expect(await rowsOf(again, 'pinned')).toEqual([url]);
    await moveTo(again, url);
    const pin = again.getByTestId('pin');
    await expect.poll(() => pin.textContent()).toBe('Unpin');
    await pin.click();
    await again.getByTestId('group-pinned').waitFor({ state: 'detached' });
    expect((await local<PinnedList>(PINNED_KEY))?.items).toEqual([]);
    await again.close();

    const third = await h.openPopupPage();
    await third.getByTestId('group-waiting').waitFor();
    expect(await third.getByTestId('group-pinned').count()).toBe(0);
    await third.close();
  });

  it('Alt+M puts a Markdown link on the clipboard: [ABC-MR-5 Title](url)', async () => {
    const ds = h.demo.dataset;
    const review = ds.reviewsByProject.get(ds.projectByKey.get('ABC')!.id)!.find((r) => r.review.number === 5)!.review;
    const url = reviewUrl(h.origin, 'ABC', 5);
    const popup = await h.openPopupPage();
    await expect.poll(() => rowsOf(popup, 'waiting')).toContain(url);
    await moveTo(popup, url);
    await popup.keyboard.press('Alt+KeyM');
    await expect.poll(() => popup.getByTestId('status').textContent()).toMatch(/^Copied/);
    const escaped = review.title.replace(/[\\`*_[\]()<>&~|!]/g, '\\$&');
    expect(await readClipboard(h)).toBe(`[ABC-MR-5 ${escaped}](${url})`);
    // Copying counts as using it: first in Recent.
    await expect.poll(async () => (await local<RecentList>(RECENT_KEY))?.items[0]?.entity.webUrl).toBe(url);
    await popup.close();
  });

  it('reopening restores the last query while it is recent, the empty box after; Esc on a query returns to the empty box', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'whitaker');
    await waitForSearchDone(popup);
    await expect.poll(async () => ((await h.storage('session'))[LAST_VIEW_KEY] as LastView | undefined)?.query).toBe('whitaker');
    await popup.close();

    const soon = await h.openPopupPage();
    expect(await soon.getByTestId('search-input').inputValue()).toBe('whitaker');
    expect(await soon.getByTestId('group-waiting').count()).toBe(0);
    await soon.close();

    // The same view, left two minutes ago.
    await h.sw(async (key) => {
      const view = (await chrome.storage.session.get(key))[key] as Record<string, unknown>;
      await chrome.storage.session.set({ [key]: { ...view, at: Date.now() - 120_000 } });
    }, LAST_VIEW_KEY);
    const later = await h.openPopupPage();
    expect(await later.getByTestId('search-input').inputValue()).toBe('');
    await later.getByTestId('group-waiting').waitFor();

    await typeQuery(later, 'whitaker');
    await waitForSearchDone(later);
    expect(await later.getByTestId('group-waiting').count()).toBe(0);
    await later.keyboard.press('Escape');
    expect(await later.getByTestId('search-input').inputValue()).toBe('');
    await later.getByTestId('group-waiting').waitFor();
    await later.close();
  });
});
