/**
 * One search per entity kind that finds a known item of the demo organization, and the Space URL that item
 * must open at. Shared by the lookup suite and the restricted-token suite.
 */
import { articleUrl } from '../src/kinds/article/web-url.ts';
import { channelUrl } from '../src/kinds/channel/web-url.ts';
import { fileUrl } from '../src/kinds/code/web-url.ts';
import { issueUrl } from '../src/kinds/issue/web-url.ts';
import { locationUrl } from '../src/kinds/location/web-url.ts';
import { projectUrl } from '../src/kinds/project/web-url.ts';
import { repositoryUrl } from '../src/kinds/repository/web-url.ts';
import { reviewUrl } from '../src/kinds/review/web-url.ts';
import { teamUrl } from '../src/kinds/team/web-url.ts';
import type { EntityKind } from '../src/shared/kinds.ts';
import { profileUrl } from '../src/space/web-urls.ts';
import type { Page } from 'playwright-core';
import { type Harness, moveTo, typeQuery, waitForSearchDone } from './harness.ts';

export interface Case {
  kind: EntityKind;
  /** A fixed query, or one derived from the demo data. */
  query: string | ((h: Harness) => string);
  url: (h: Harness) => string;
  /** Texts the item's card shows once it is the active result (checked where the suite looks at cards). */
  card?: string[];
}

/** The file the demo's source search finds for `albedo`, at its first matching line. */
const ALBEDO = { projectKey: 'NAV', repository: 'nav-core', path: 'src/main/kotlin/orbital/nav/AlbedoCorrection.kt', line: 6 };
const albedoUrl = (h: Harness) => fileUrl(h.origin, {
  ...ALBEDO, commit: h.demo.dataset.projectByKey.get('NAV')!.repos.find((r) => r.name === 'nav-core')!.defaultBranch!.ref,
});

/** An open merge request of ABC: review search covers open reviews (Space's default state filter). */
export function openReview(h: Harness): { title: string; number: number } {
  const abc = h.demo.dataset.projectByKey.get('ABC')!;
  const review = h.demo.dataset.reviews
    .map((r) => r.review)
    .find((r) => r.projectId === abc.id && r.state === 'Opened' && r.className === 'MergeRequestRecord');
  if (!review) throw new Error('the demo data has no open merge request in ABC');
  return review;
}

export const CASES: Case[] = [
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
  {
    kind: 'channel',
    query: 'zenith',
    url: (h) => channelUrl(h.origin, h.demo.dataset.channels.find((c) => c.name === 'zenith-lounge')!.id),
    card: ['zenith-lounge', 'Subscribed'],
  },
  {
    kind: 'article',
    query: 'kourou',
    url: (h) => articleUrl(h.origin, h.demo.dataset.articles.find((a) => a.title.includes('Kourou'))!.id),
    card: ['Two weeks in Kourou: a launch campaign diary', 'Mission Control'],
  },
  { kind: 'code', query: 'albedo', url: albedoUrl, card: [ALBEDO.path, 'nav-core', 'Earth albedo adds light to the sun sensors'] },
];

/**
 * Types the case's query in a popup page, waits for its row in the kind's group, looks at the card (`inspect`
 * runs with the row active) and clicks the row. Returns the URL of the tab that opened.
 */
export async function findAndOpen(h: Harness, c: Case, inspect?: (popup: Page) => Promise<void>): Promise<{ opened: string }> {
  const popup = await h.openPopupPage();
  await typeQuery(popup, typeof c.query === 'string' ? c.query : c.query(h));
  await waitForSearchDone(popup);
  const expected = c.url(h);
  const row = popup.getByTestId(`group-${c.kind}`).locator(`[data-testid="result"][data-kind="${c.kind}"][data-url="${expected}"]`);
  await row.waitFor();
  if (inspect) {
    await moveTo(popup, expected);
    await inspect(popup);
  }
  const tab = await h.nextPage(() => row.click());
  const opened = tab.url();
  await tab.close();
  if (!popup.isClosed()) await popup.close();
  return { opened };
}
