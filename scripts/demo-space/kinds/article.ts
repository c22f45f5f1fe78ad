/**
 * Blog articles: `GET /blog` and `GET /blog/{id}` (also `alias:{alias}`). Parameters from the spec and NET's
 * generated clients ([C], space-api.md §2a); the search rules are guesses, marked [I].
 *
 * The data: articles written by people of the directory, for teams, for offices or for everyone, dated relative to
 * the anchor day. The author, teams and locations are the directory's own objects, so `$fields` and restricted mode
 * treat them like everywhere else. Ids come from their own seed (nothing else reshuffles).
 */
import { articleUrl } from '../../../src/kinds/article/web-url.ts';
import { HOSTILE_STRINGS, HOSTILE_USERNAME } from '../data-hostile.ts';
import type { Dataset, World } from '../dataset.ts';
import {
  DAY_MS, containsFolded, createPrng, dateTime, dateTimeParam, defineKind, fold, matchesWordPrefixes, notFound, pageOf, route,
  type RequestContext,
} from '../kind-kit.ts';
import { resolveProfileLoosely } from '../lookup.ts';
import type { Location, MemberProfile, Team } from '../world-types.ts';
import type { WireDateTime } from '../wire.ts';

declare module '../dataset.ts' {
  interface KindData {
    /** Newest first. */
    articles: ArticleRecord[];
    articleById: Map<string, ArticleRecord>;
  }
}

export default defineKind({
  kind: 'article',
  routes: [
    route('GET', '/blog', listArticles),
    route('GET', '/blog/{alias}', (ctx) => {
      const alias = (ctx.params.alias as string).slice('alias:'.length);
      const article = ctx.dataset.articles.find((a) => a.aliases.some((x) => x.alias === alias));
      if (!article) throw notFound('Article');
      return article;
    }, { constraints: { alias: /^alias:/ } }),
    route('GET', '/blog/{id}', (ctx) => {
      const article = ctx.dataset.articleById.get(ctx.params.id as string);
      if (!article) throw notFound('Article');
      return article;
    }),
  ],
  data: (world, { anchorMs, hostile }) => {
    const articles = generateArticles(world, anchorMs);
    if (hostile) articles.push(hostileArticle(world, anchorMs));
    articles.sort((a, b) => b.created.timestamp - a.created.timestamp);
    return { articles, articleById: new Map(articles.map((a) => [a.id, a])) };
  },
  counts: (ds) => ({ articles: ds.articles.length }),
  e2e: {
    query: 'kourou',
    url: (origin, ds) => articleUrl(origin, ds.articles.find((a) => a.title.includes('Kourou'))!.id),
    card: ['Two weeks in Kourou: a launch campaign diary', 'Mission Control'],
  },
});

/**
 * ArticleRecord ([C] OAS field names). Objects are shared: `author` is the profile itself (so restricted mode
 * withholds it), `teams`/`locations` the directory's own objects; null means "for everyone" [I].
 */
export interface ArticleRecord {
  id: string;
  archived: boolean;
  title: string;
  created: WireDateTime;
  author: MemberProfile;
  aliases: { alias: string; created: WireDateTime }[];
  archivedBy: null;
  archivedAt: null;
  content: string;
  editable: boolean;
  channel: { id: string; contact: { defaultName: string; key: string }; totalMessages: number; archived: boolean };
  channelContent: null;
  reactions: { id: string; emojiReactions: never[] };
  event: null;
  teams: Team[] | null;
  locations: Location[] | null;
  externalEntityInfo: null;
  previewImages: never[];
  preview: string;
  previewAttachments: null;
  wordsNumber: number;
  cut: boolean;
  docContent: { className: 'MdTextDocumentContent'; markdown: string };
  attachments: never[];
}

/**
 * [C] parameters (`term`, `dateFrom`/`dateTo` date-times, `authorId`, `teamId`, `locationId`, `forProfile`).
 * [I] guessed: `term` matches title words by prefix, or a substring of the title, preview or text; newest first;
 * `authorId` is a raw profile id (an identifier works too), `teamId`/`locationId` raw ids of a target;
 * `forProfile` keeps articles for everyone and those for the profile's teams or locations (or their parents).
 */
function listArticles(ctx: RequestContext): unknown {
  const { dataset: ds, query: q, viewer } = ctx;
  const term = (q.get('term') ?? '').trim();
  const from = dateTimeParam(q, 'dateFrom');
  const to = dateTimeParam(q, 'dateTo');
  const authorParam = q.get('authorId');
  const author = authorParam ? resolveProfileLoosely(ds, authorParam, viewer) : undefined;
  const teamId = q.get('teamId') || undefined;
  const locationId = q.get('locationId') || undefined;
  const forParam = q.get('forProfile');
  const audience = forParam ? audienceOf(ds, resolveProfileLoosely(ds, forParam, viewer)) : undefined;

  const articles = ds.articles.filter((a) =>
    !a.archived
    && (term === '' || matchesWordPrefixes(term, [a.title]) || [a.title, a.preview, a.content].some((text) => containsFolded(text, term)))
    && (from === undefined || a.created.timestamp >= from)
    && (to === undefined || a.created.timestamp <= to)
    && (author === undefined || a.author === author)
    && (teamId === undefined || (a.teams ?? []).some((t) => t.id === teamId))
    && (locationId === undefined || (a.locations ?? []).some((l) => l.id === locationId))
    && (audience === undefined || isFor(a, audience)));
  return pageOf(articles, q);
}

interface Audience { teams: Set<Team>; locations: Set<Location> }

/** The profile's current teams and locations with all their parents; nobody (an unknown profile) has none. */
function audienceOf(ds: Dataset, profile: MemberProfile | null): Audience {
  const teams = new Set<Team>();
  const locations = new Set<Location>();
  if (profile === null) return { teams, locations };
  for (const m of ds.memberships) {
    if (m.member !== profile || m.archived) continue;
    for (let t: Team | null = m.team; t; t = t.parent) teams.add(t);
  }
  for (const ml of profile.locations) {
    if (ml.archived) continue;
    for (let l: Location | null = ml.location; l; l = l.parent) locations.add(l);
  }
  return { teams, locations };
}

function isFor(article: ArticleRecord, audience: Audience): boolean {
  if (article.teams === null && article.locations === null) return true;
  return (article.teams ?? []).some((t) => audience.teams.has(t)) || (article.locations ?? []).some((l) => audience.locations.has(l));
}

interface ArticleSpec {
  title: string;
  author: string;
  daysAgo: number;
  teams?: string[];
  locations?: string[];
  /** Paragraphs of the article; Space's `preview` is cut from the first. */
  body: string[];
}

/**
 * `kourou` finds only the launch diary (for Mission Control and Ground Systems, by Søren Østergaard); the demo user
 * wrote the accessibility audit.
 */
const ARTICLES: readonly ArticleSpec[] = [
  {
    title: 'Two weeks in Kourou: a launch campaign diary', author: 'soren.ostergaard', daysAgo: 3, teams: ['Mission Control', 'Ground Systems'],
    body: ['Humidity, checklists and a countdown that slipped twice. Notes from our first campaign at the Guiana Space Centre, and what we would pack differently next time.', 'The short version: bring spare USB-C cables, agree on one time zone for every log, and rehearse the handover until it is boring.'],
  },
  {
    title: 'Welcome to the May joiners', author: 'siobhan.obrien', daysAgo: 6,
    body: ['Nine new people joined Northwind Orbital this month, from flight software to finance. Say hello in #general and help them find the coffee.', 'Buddies have been assigned; onboarding sessions run every Tuesday at 10:00 Amsterdam time.'],
  },
  {
    title: 'The Amsterdam office moves up to the fourth floor', author: 'fatima.benali', daysAgo: 10, locations: ['Amsterdam Office'],
    body: ['From the first of next month we use the fourth floor only. Kuiper and Oort move with us; the Quiet Room gets a window at last.', 'Desk booking stays the same. Please empty your lockers by Friday.'],
  },
  {
    title: 'How we cut telemetry ingest latency by 60%', author: 'priya.raghunathan', daysAgo: 15, teams: ['Telemetry', 'Data Science'],
    body: ['Batching frames per pass instead of per packet, and decoding on the edge nodes, took the median ingest latency from 2.1 s to 0.8 s.', 'The dashboards now update while the satellite is still in view.'],
  },
  {
    title: 'Design system 3.0: tokens, dark mode and fewer components', author: 'malgorzata.kowalczyk', daysAgo: 20, teams: ['Design', 'Web Platform'],
    body: ['We removed 14 components that nobody used, renamed the colour tokens after what they mean, and every screen now has a dark variant.', 'Migration notes are in the design-system repository.'],
  },
  {
    title: 'Postmortem: the ground station pass we missed in March', author: 'lukasz.wisniewski', daysAgo: 30, teams: ['Ground Systems', 'Mission Control'],
    body: ['A clock drift of four seconds on one antenna controller made the scheduler skip a pass. Nobody was hurt; one downlink arrived a day late.', 'Every controller now syncs time twice per pass, and the scheduler alerts on drift above 500 ms.'],
  },
  {
    title: 'Berlin summer party: save the date', author: 'joerg.mueller', daysAgo: 35, locations: ['Berlin Office'],
    body: ['Rooftop, grill and a telescope: the Berlin summer party is on the last Friday of June. Families welcome.', 'Tell us about allergies in #berlin-office.'],
  },
  {
    title: 'Engineering priorities for the next quarter', author: 'ngozi.okonkwo', daysAgo: 40, teams: ['Engineering'],
    body: ['Three themes: reliable passes, faster ingest and fewer manual steps between a pull request and orbit.', 'Each team has written down what it will stop doing to make room.'],
  },
  {
    title: 'Working across five time zones', author: 'chloe.martin', daysAgo: 50,
    body: ['From Auckland to Los Angeles, somebody at Northwind is always asleep. Here is how product reviews, on-call and meetings work anyway.', 'Rule one: write it down. Rule two: record the demo.'],
  },
  {
    title: 'Our on-call handbook, rewritten', author: 'bjorn.thorsson', daysAgo: 60, teams: ['IT & Security'],
    body: ['Shorter rotations, a clear escalation path and paid time off after a rough night. The new handbook starts next Monday.', 'Feedback goes to the IT & Security team.'],
  },
  {
    title: 'What star tracker calibration taught us in orbit', author: 'taro.yamada', daysAgo: 75, teams: ['Navigation'],
    body: ['Thermal flexing of the bracket moved our boresight by 40 arcseconds between day and night. The fix was a lookup table, not new hardware.', 'Plots and the notebook are linked at the end.'],
  },
  {
    title: 'Tokyo office hours during Golden Week', author: 'fang.wang', daysAgo: 90, locations: ['Tokyo Office'],
    body: ['The Tokyo office is closed from 29 April to 6 May. Mission Control covers the Asia passes from Bengaluru.', 'Badges keep working if you need to come in.'],
  },
  {
    title: 'Bengaluru hack week: the results', author: 'ananya.sharma', daysAgo: 110, locations: ['Bengaluru Office'],
    body: ['Eleven projects in five days, from a voice assistant for pass reports to a tiny anomaly detector that runs on a Raspberry Pi.', 'Two of them are now on the roadmap.'],
  },
  {
    title: 'Accessibility audit of Mission Web: the results', author: 'alex.demo', daysAgo: 130, teams: ['Web Platform'],
    body: ['We tested every screen with a screen reader and keyboard only. 37 issues found, 31 fixed; the rest have owners and dates.', 'The checklist we used is in the handbook.'],
  },
  {
    title: 'New badge readers at the Brooklyn Navy Yard', author: 'kwame.mensah', daysAgo: 150, locations: ['Brooklyn Navy Yard'],
    body: ['From Monday the doors take the new badges only. Pick yours up at the front desk between 9:00 and 17:00.', 'Visitors still sign in on the tablet.'],
  },
  {
    title: 'A year of release trains', author: 'aroha.ngata', daysAgo: 200, teams: ['Developer Productivity'],
    body: ['Fifty-two trains, three missed stations and not one Friday deploy. What worked, what did not, and what we change next.', 'Spoiler: smaller carriages.'],
  },
];

const SEED_BLOG = 0x5eed_0004;
/** Space's preview is a short excerpt of the text [I: its length is unknown]. */
const PREVIEW_CHARS = 160;

function generateArticles(org: World, anchorMs: number): ArticleRecord[] {
  const prng = createPrng(SEED_BLOG);
  return ARTICLES.map((spec): ArticleRecord => {
    const author = org.profiles.find((p) => p.username === spec.author);
    if (!author) throw new Error(`blog author ${spec.author} is not in the directory`);
    const teams = spec.teams?.map((name) => byName(org.teams, name, 'team')) ?? null;
    const locations = spec.locations?.map((name) => byName(org.locations, name, 'location')) ?? null;
    const created = anchorMs - spec.daysAgo * DAY_MS + prng.int(7, 16) * 3_600_000 + prng.int(0, 3_599_999);
    const id = prng.id();
    const markdown = spec.body.join('\n\n');
    const first = spec.body[0] as string;
    return {
      id,
      archived: false,
      title: spec.title,
      created: dateTime(created),
      author,
      aliases: [{ alias: fold(spec.title).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), created: dateTime(created) }],
      archivedBy: null,
      archivedAt: null,
      content: markdown,
      editable: false,
      channel: { id: prng.id(), contact: { defaultName: spec.title, key: `article/${id}` }, totalMessages: prng.int(0, 30), archived: false },
      channelContent: null,
      reactions: { id: prng.id(), emojiReactions: [] },
      event: null,
      teams,
      locations,
      externalEntityInfo: null,
      previewImages: [],
      preview: first.length > PREVIEW_CHARS ? `${first.slice(0, PREVIEW_CHARS).replace(/\s+\S*$/, '')}…` : first,
      previewAttachments: null,
      wordsNumber: markdown.split(/\s+/).length,
      cut: false,
      docContent: { className: 'MdTextDocumentContent', markdown },
      attachments: [],
    };
  });
}

function byName<T extends Team | Location>(items: readonly T[], name: string, what: string): T {
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`blog ${what} ${name} is not in the directory`);
  return found;
}

const SEED_HOSTILE = 0x5eed_0baf;

/** With `hostile`: an article whose title, preview and text are markup and bidi overrides. */
function hostileArticle(world: World, anchorMs: number): ArticleRecord {
  const prng = createPrng(SEED_HOSTILE);
  const h = HOSTILE_STRINGS;
  const author = world.profiles.find((p) => p.username === HOSTILE_USERNAME);
  if (!author) throw new Error('the hostile article needs the hostile person');
  const when = dateTime(anchorMs - 2 * DAY_MS);
  const id = prng.id();
  const markdown = `${h.scriptClose}\n\n${h.bidi}`;
  return {
    id, archived: false, title: `Hostile ${h.svgBreakout} ${h.rtlMixed}`, created: when, author, aliases: [],
    archivedBy: null, archivedAt: null, content: markdown, editable: false,
    channel: { id: prng.id(), contact: { defaultName: h.imgTag, key: `article/${id}` }, totalMessages: 0, archived: false },
    channelContent: null, reactions: { id: prng.id(), emojiReactions: [] }, event: null, teams: null, locations: null,
    externalEntityInfo: null, previewImages: [], preview: `${h.imgTag} ${h.template} ${h.controlChars}`, previewAttachments: null,
    wordsNumber: 4, cut: false, docContent: { className: 'MdTextDocumentContent', markdown }, attachments: [],
  };
}
