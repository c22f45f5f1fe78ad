/**
 * The global chat-channel and blog endpoints the client calls (src/space/api-paths.ts): `GET
 * /chats/channels/all-channels` (Space requires `query`), `GET /blog` and `GET /blog/{id}` (also `alias:{alias}`).
 * Parameters and defaults from the spec and NET's generated clients ([C], space-api.md §2a); the search rules are
 * guesses, marked [I].
 */
import type { Dataset } from './dataset.ts';
import { resolveProfile, resolveProfileLoosely } from './lookup.ts';
import { route, type QueryParams, type RequestContext, type Route } from './router.ts';
import type { AllChannelsListEntry, ArticleRecord, ChatChannel, Location, MemberProfile, Team } from './space-types.ts';
import { containsFolded, matchesWordPrefixes } from './text-match.ts';
import { notFound, paginate, validationError } from './wire.ts';

export const chatRoutes: readonly Route[] = [
  route('GET', '/chats/channels/all-channels', listAllChannels),
];

export const blogRoutes: readonly Route[] = [
  route('GET', '/blog', listArticles),
  route('GET', '/blog/{alias}', (ctx) => {
    const alias = (ctx.params.alias as string).slice('alias:'.length);
    const article = ctx.dataset.articles.find((a) => a.aliases.some((x) => x.alias === alias));
    if (!article) throw notFound('Article');
    return article;
  }, { alias: /^alias:/ }),
  route('GET', '/blog/{id}', (ctx) => {
    const article = ctx.dataset.articleById.get(ctx.params.id as string);
    if (!article) throw notFound('Article');
    return article;
  }),
];

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** `name`'s value when it is one of `values`; absent or empty (null on the wire) is undefined; anything else is a 400. */
function optionalEnum<T extends string>(query: QueryParams, name: string, values: readonly T[]): T | undefined {
  const raw = query.get(name);
  if (raw === undefined || raw === '') return undefined;
  if (!(values as readonly string[]).includes(raw)) throw validationError(`Parameter '${name}' has an invalid value`);
  return raw as T;
}

const QUICK_FILTERS = ['CreatedByMe', 'Subscribed', 'PublicChannels', 'PrivateChannels'] as const;
const SORT_COLUMNS = ['Name', 'Subscribers', 'Created'] as const;
const SORT_ORDERS = ['ASC', 'DESC'] as const;

/**
 * [C] `query` is required and matches a substring of the name or the description (NET doc comment); enums and
 * defaults (`sortOrder` ASC, `publicOnly` false, `withArchived` true) from the spec. [I] guessed: a private channel
 * is listed only to its subscribers; without `sortColumn` channels come by name; `subscriber` is a profile
 * identifier (`me`, `username:x`, `id:x`).
 */
function listAllChannels(ctx: RequestContext): unknown {
  const { dataset: ds, query: q, viewer } = ctx;
  const query = q.get('query');
  if (query === undefined) throw validationError("Parameter 'query' is required");
  const quickFilter = optionalEnum(q, 'quickFilter', QUICK_FILTERS);
  const sortColumn = optionalEnum(q, 'sortColumn', SORT_COLUMNS) ?? 'Name';
  const descending = (optionalEnum(q, 'sortOrder', SORT_ORDERS) ?? 'ASC') === 'DESC';
  const publicOnly = q.flag('publicOnly', false);
  const withArchived = q.flag('withArchived', true);
  const subscriberParam = q.get('subscriber');
  const subscriber = subscriberParam ? resolveProfile(ds, subscriberParam, viewer) : undefined;

  const quick = (c: ChatChannel): boolean => {
    switch (quickFilter) {
      case undefined: return true;
      case 'CreatedByMe': return c.createdBy === viewer;
      case 'Subscribed': return c.subscribers.includes(viewer);
      case 'PublicChannels': return c.access === 'Public';
      case 'PrivateChannels': return c.access === 'Private';
    }
  };
  const channels = ds.channels.filter((c) =>
    (c.access === 'Public' || c.subscribers.includes(viewer))
    && (!publicOnly || c.access === 'Public')
    && (withArchived || !c.archived)
    && (subscriber === undefined || c.subscribers.includes(subscriber))
    && quick(c)
    && (containsFolded(c.name, query) || containsFolded(c.description, query)));

  const key = (c: ChatChannel): string | number => {
    switch (sortColumn) {
      case 'Name': return c.name;
      case 'Subscribers': return c.subscribers.length;
      case 'Created': return c.created.timestamp;
    }
  };
  const sorted = [...channels].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const cmp = typeof ka === 'string' ? collator.compare(ka, kb as string) : ka - (kb as number);
    return (descending ? -cmp : cmp) || collator.compare(a.name, b.name);
  });
  return paginate(sorted.map((c) => listEntry(c, viewer)), q.get('$skip'), q.get('$top'));
}

/** What one viewer sees of a channel: `subscribed` is theirs. */
function listEntry(c: ChatChannel, viewer: MemberProfile): AllChannelsListEntry {
  return {
    channelId: c.id,
    name: c.name,
    description: c.description,
    access: c.access,
    icon: null,
    created: c.created,
    subscribers: c.subscribers.length,
    subscribed: c.subscribers.includes(viewer),
    archived: c.archived,
    totalMessages: c.totalMessages,
    lastMessageTime: c.lastMessageTime,
  };
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
  const from = dateParam(q, 'dateFrom');
  const to = dateParam(q, 'dateTo');
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
  return paginate(articles, q.get('$skip'), q.get('$top'));
}

function dateParam(q: QueryParams, name: string): number | undefined {
  const raw = q.get(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw validationError(`Parameter '${name}' has an invalid value`);
  return ms;
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
