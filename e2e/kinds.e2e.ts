/**
 * Issue 4: one search box finds every kind of Space entity; each opens at the right Space URL; issue and
 * review keys resolve to that one item.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EntityKind } from '../src/space/types.ts';
import {
  issueUrl, locationUrl, profileUrl, projectUrl, repositoryUrl, reviewUrl, teamUrl,
} from '../src/space/web-urls.ts';
import { type Harness, pressClosing, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';

interface Case {
  kind: EntityKind;
  /** A fixed query, or one derived from the demo data. */
  query: string | ((h: Harness) => string);
  url: (h: Harness) => string;
}

/** An open merge request of ABC: review search covers open reviews (Space's default state filter). */
function openReview(h: Harness): { title: string; number: number } {
  const abc = h.demo.dataset.projectByKey.get('ABC')!;
  const review = h.demo.dataset.reviews
    .map((r) => r.review)
    .find((r) => r.projectId === abc.id && r.state === 'Opened' && r.className === 'MergeRequestRecord');
  if (!review) throw new Error('the demo data has no open merge request in ABC');
  return review;
}

const CASES: Case[] = [
  { kind: 'person', query: 'jonathan', url: (h) => profileUrl(h.origin, 'jonathan.whitaker') },
  {
    kind: 'team',
    query: 'flight software',
    url: (h) => teamUrl(h.origin, h.demo.dataset.teams.find((t) => t.name === 'Flight Software')!),
  },
  {
    kind: 'location',
    query: 'amsterdam office',
    url: (h) => locationUrl(h.origin, h.demo.dataset.locations.find((l) => l.name === 'Amsterdam Office')!),
  },
  { kind: 'project', query: 'alpha backend', url: (h) => projectUrl(h.origin, 'ABC') },
  { kind: 'issue', query: 'rate limiter answers', url: (h) => issueUrl(h.origin, 'ABC', 12) },
  { kind: 'repository', query: 'backend-gateway', url: (h) => repositoryUrl(h.origin, 'ABC', 'backend-gateway') },
  { kind: 'review', query: (h) => openReview(h).title, url: (h) => reviewUrl(h.origin, 'ABC', openReview(h).number) },
];

/** URLs of the options currently listed, in order. */
const listedUrls = (popup: Page) =>
  popup.locator('[data-testid="result"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-url')));

describe('unified lookup: every kind', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  for (const c of CASES) {
    const label = typeof c.query === 'string' ? `"${c.query}"` : 'by title';
    it(`finds ${c.kind} ${label} in its group and opens it in Space`, async () => {
      const popup = await h.openPopupPage();
      await typeQuery(popup, typeof c.query === 'string' ? c.query : c.query(h));
      await waitForSearchDone(popup);
      const expected = c.url(h);
      const row = popup.getByTestId(`group-${c.kind}`).locator(`[data-testid="result"][data-kind="${c.kind}"][data-url="${expected}"]`);
      await row.waitFor();
      const tab = await h.nextPage(() => row.click());
      expect(tab.url()).toBe(expected);
      await tab.close();
      if (!popup.isClosed()) await popup.close();
    });
  }

  for (const [key, expected] of [
    ['ABC-T-42', (h: Harness) => issueUrl(h.origin, 'ABC', 42)],
    ['abc-t-123', (h: Harness) => issueUrl(h.origin, 'ABC', 123)],
    ['ABC-MR-2', (h: Harness) => reviewUrl(h.origin, 'ABC', 2)],
    ['ABC-CR-1', (h: Harness) => reviewUrl(h.origin, 'ABC', 1)],
  ] as const) {
    it(`the key ${key} resolves to that one item; Enter opens it`, async () => {
      const popup = await h.openPopupPage();
      await typeQuery(popup, key);
      await waitForSearchDone(popup);
      const url = expected(h);
      // The resolved item is listed and is the active option (what Enter opens).
      expect(await listedUrls(popup)).toContain(url);
      const active = await popup.getByTestId('search-input').getAttribute('aria-activedescendant');
      expect(active).toBeTruthy();
      expect(await popup.locator(`#${active}`).getAttribute('data-url')).toBe(url);
      const tab = await h.nextPage(() => pressClosing(popup, 'Enter'));
      expect(tab.url()).toBe(url);
      await tab.close();
    });
  }

  it('a key typed and entered at once (before results arrive) still opens that item', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'ABC-T-42', 0);
    const tab = await h.nextPage(() => pressClosing(popup, 'Enter'));
    expect(tab.url()).toBe(issueUrl(h.origin, 'ABC', 42));
    await tab.close();
  });
});
