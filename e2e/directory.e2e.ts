/**
 * The local directory (issue 16) in real Chromium against the large demo organization (10,000 people): the
 * directory kinds answer from the worker's copy with no request to Space, a person renamed or deleted in Space shows
 * so after "Refresh now" in Options, a search during a sync answers from the copy in use, and the organization's
 * `localDirectory: false` brings back the server search. Asserts on requests, never on timings.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { isProjectVisible } from '../scripts/demo-space/lookup.ts';
import type { RecordedRequest } from '../scripts/demo-space/server.ts';
import type { DirectoryStatus } from '../src/shared/directory.ts';
import type { ResponseFor } from '../src/shared/protocol.ts';
import { profileUrl } from '../src/space/web-urls.ts';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';
import { managedPolicyUnavailable } from './managed-policy.ts';
import { useHarness } from './use-harness.ts';
import { waitUntil } from './wait-until.ts';

/** The search endpoints of the directory kinds, and the parameter carrying the typed text. */
const DIRECTORY_SEARCHES: readonly [path: string, param: string][] = [
  ['/api/http/team-directory/profiles', 'query'],
  ['/api/http/team-directory/teams', 'query'],
  ['/api/http/team-directory/locations', 'query'],
  ['/api/http/projects', 'term'],
  ['/api/http/projects/repositories/find', 'term'],
  ['/api/http/chats/channels/all-channels', 'query'],
];

/** A search of a directory kind for some text (a sync lists with no text: `query`/`term` absent or empty). */
const isDirectorySearch = (r: RecordedRequest) =>
  DIRECTORY_SEARCHES.some(([path, param]) => r.path === path && (r.query[param]?.[0] ?? '') !== '');
const isPersonSearch = (r: RecordedRequest) => r.path === '/api/http/team-directory/profiles' && (r.query.query?.[0] ?? '') !== '';

/** "jonathan" typed into the popup, until his row is shown and the search is done. */
async function findJonathan(h: Harness, popup: Page): Promise<void> {
  await typeQuery(popup, 'jonathan');
  await popup.locator(`[data-testid="result"][data-kind="person"][data-url="${profileUrl(h.origin, 'jonathan.whitaker')}"]`).waitFor();
  await waitForSearchDone(popup);
}

async function status(page: Page): Promise<DirectoryStatus> {
  const answer = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'directory-status' }) as Promise<ResponseFor<'directory-status'>>);
  if (!answer.ok) throw new Error(`directory-status failed: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

/** Until the directory holds a complete copy synced after `after` (epoch ms). */
async function synced(page: Page, after = 0): Promise<DirectoryStatus> {
  return waitUntil(async () => {
    const s = await status(page);
    return s.state === 'ready' && s.syncedAt !== null && s.syncedAt > after ? s : undefined;
  }, 'the local directory to hold a complete copy', 60_000);
}

/** Records in the local directory's IndexedDB store (src/background/directory/store.ts), run in the worker. */
async function storedCopies(): Promise<number> {
  if (!(await indexedDB.databases()).some((d) => d.name === 'directory')) return 0;
  return new Promise((resolve) => {
    const open = indexedDB.open('directory');
    open.onerror = () => resolve(-1);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('copies')) {
        db.close();
        resolve(0);
        return;
      }
      const count = db.transaction('copies').objectStore('copies').count();
      count.onsuccess = () => {
        db.close();
        resolve(count.result);
      };
      count.onerror = () => resolve(-1);
    };
  });
}

const personRows = (popup: Page) => popup.evaluate(() => [...document.querySelectorAll('[data-testid="result"][data-kind="person"]')]
  .map((row) => ({ url: row.getAttribute('data-url'), text: row.textContent ?? '' })));

describe('the local directory, 10,000 people', () => {
  let h: Harness;
  let options: Page;
  useHarness({ connect: true, demo: { large: true } }, (started) => { h = started; });

  it('is synced on connect: Options shows what it holds, its age and "Refresh now"', async () => {
    options = await h.openOptions();
    const s = await synced(options);
    expect(s.counts.person).toBe(10_000);
    // The channels the demo user can list: public ones and private ones they are in, archived ones left out.
    const me = h.demo.dataset.demoUser;
    expect(s.counts.channel).toBe(h.demo.dataset.channels.filter((c) => !c.archived && (c.access === 'Public' || c.subscribers.includes(me))).length);
    expect(s.counts.project).toBe(h.demo.dataset.projects.filter((p) => !p.archived && isProjectVisible(p, me)).length);
    expect(s.storage).toBe('disk');
    await options.reload();
    await options.locator('main[data-loaded="true"]').waitFor();
    const counts = options.getByTestId('directory-counts');
    await counts.waitFor();
    expect(await counts.textContent()).toContain('People: 10,000');
    expect(await options.getByTestId('directory-age').textContent()).toMatch(/^Synced (now|\d+ seconds? ago).*kept in this browser's storage$/);
    expect(await options.getByTestId('directory-refresh').isEnabled()).toBe(true);
  });

  it('answers the directory kinds from the copy: no search of those kinds reaches Space, even 300 ms away', async () => {
    h.demo.setLatency(300);
    h.demo.clearRequests();
    const popup = await h.openPopupPage();
    try {
      await findJonathan(h, popup);
      expect(h.demo.requests.filter(isDirectorySearch).map((r) => `${r.path} ${JSON.stringify(r.query)}`)).toEqual([]);
      // The kinds the copy does not hold were asked, once the typing settled.
      expect(h.demo.requests.some((r) => r.path.endsWith('/planning/issues'))).toBe(true);
      // Names in other scripts come from the copy too.
      await typeQuery(popup, 'Дмитрий');
      await expect.poll(async () => (await personRows(popup)).some((r) => r.text.includes('Дмитрий')), { timeout: 10_000 }).toBe(true);
      expect(h.demo.requests.filter(isPersonSearch)).toEqual([]);
    } finally {
      h.demo.setLatency(0);
      await popup.close();
    }
  });

  it('a person renamed in Space appears under the new name after "Refresh now"; a deleted one disappears', async () => {
    h.demo.renamePerson('joanna.smith', { firstName: 'Joanna', lastName: 'Quenneville' });
    h.demo.deletePerson('joshua.bennett');
    const joanna = profileUrl(h.origin, 'joanna.smith');
    const joshua = profileUrl(h.origin, 'joshua.bennett');
    const popup = await h.openPopupPage();
    try {
      // Before the refresh the copy answers as it was: the old name, nothing under the new one.
      await typeQuery(popup, 'joanna smith');
      await expect.poll(async () => (await personRows(popup)).find((r) => r.url === joanna)?.text ?? '', { timeout: 10_000 }).toContain('Smith');
      await typeQuery(popup, 'joshua bennett');
      await expect.poll(async () => (await personRows(popup)).map((r) => r.url), { timeout: 10_000 }).toContain(joshua);

      const before = (await status(options)).syncedAt ?? 0;
      await options.getByTestId('directory-refresh').click();
      await synced(options, before);
      await expect.poll(() => options.getByTestId('options-status').textContent(), { timeout: 10_000 }).toBe('The local directory is up to date.');

      h.demo.clearRequests();
      await typeQuery(popup, 'quenneville');
      await expect.poll(async () => (await personRows(popup)).find((r) => r.url === joanna)?.text ?? '', { timeout: 10_000 }).toContain('Joanna Quenneville');
      await typeQuery(popup, 'joshua bennett');
      await waitForSearchDone(popup);
      expect((await personRows(popup)).map((r) => r.url)).not.toContain(joshua);
      expect(h.demo.requests.filter(isPersonSearch)).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  it('a search during a sync answers from the copy in use; the sync then completes', async () => {
    const before = (await status(options)).syncedAt ?? 0;
    // The sync's first page (people) takes 8 s: long enough to search while it runs, even on a loaded machine.
    h.demo.setFault('/team-directory/profiles', { latencyMs: 8_000, times: 1 });
    await options.getByTestId('directory-refresh').click();
    await waitUntil(async () => (await status(options)).state === 'syncing' || undefined, 'the sync to start');
    const popup = await h.openPopupPage();
    try {
      h.demo.clearRequests();
      await typeQuery(popup, 'whitaker');
      await popup.locator(`[data-testid="result"][data-kind="person"][data-url="${profileUrl(h.origin, 'jonathan.whitaker')}"]`).waitFor();
      expect((await status(options)).state).toBe('syncing');
      expect(h.demo.requests.filter(isPersonSearch)).toEqual([]);
      await options.getByTestId('directory-syncing').waitFor();
    } finally {
      await popup.close();
    }
    const after = await synced(options, before);
    expect(after.counts.person).toBe(10_000 - 1);
    await options.close();
  });
});

const unavailable = managedPolicyUnavailable();
if (unavailable !== null) console.warn(`[e2e] the managed localDirectory switch skipped: ${unavailable}`);

describe.skipIf(unavailable !== null)('localDirectory: false, set by the organization', () => {
  let h: Harness;
  useHarness({ connect: true, managed: () => ({ localDirectory: false }) }, (started) => { h = started; });

  it('keeps no copy, says so in Options, and searches Space as before', async () => {
    const options = await h.openOptions();
    try {
      const s = await status(options);
      expect(s).toMatchObject({ enabled: false, offByPolicy: true, syncedAt: null, storage: 'none' });
      expect(await options.getByTestId('directory-off').textContent()).toContain('Turned off by your organization');
      expect(await options.getByTestId('directory-refresh').count()).toBe(0);
    } finally {
      await options.close();
    }
    // Nothing was listed for a copy since the connect.
    expect(h.demo.requests.some((r) => r.path === '/api/http/team-directory/profiles' && !isPersonSearch(r))).toBe(false);
    h.demo.clearRequests();
    const popup = await h.openPopupPage();
    try {
      await findJonathan(h, popup);
      expect(h.demo.requests.filter(isPersonSearch).map((r) => r.query.query?.[0])).toEqual(['jonathan']);
    } finally {
      await popup.close();
    }
    // No copy on disk: the directory's database, if the worker opened it at all, holds no record.
    expect(await h.sw(storedCopies)).toBe(0);
  });
});
