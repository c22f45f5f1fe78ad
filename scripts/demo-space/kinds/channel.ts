/**
 * Chat channels: `GET /chats/channels/all-channels` (Space requires `query`), served per viewer as
 * AllChannelsListEntry. Parameters and defaults from the spec and NET's generated clients ([C], space-api.md §2a);
 * the search rules are guesses, marked [I].
 *
 * The data: company-wide, team, office and topic channels, a private one the demo user is in and one they are not,
 * an archived one and one nobody wrote in yet. Team and office channels use the team's and the building's own
 * `channelId`, so every link to a channel agrees. Deterministic, from their own seed.
 */
import { channelUrl } from '../../../src/kinds/channel/web-url.ts';
import { HOSTILE_STRINGS, HOSTILE_USERNAME } from '../data-hostile.ts';
import { largeChannels } from '../data-large-channels.ts';
import { DEMO_USERNAME } from '../data-names.ts';
import type { World } from '../dataset.ts';
import {
  DAY_MS, containsFolded, createPrng, dateTime, defineKind, optionalEnum, pageOf, route, validationError, type RequestContext,
} from '../kind-kit.ts';
import { resolveProfile } from '../lookup.ts';
import { hashString } from '../prng.ts';
import type { MemberProfile } from '../world-types.ts';
import type { WireDateTime } from '../wire.ts';

declare module '../dataset.ts' {
  interface KindData {
    /** In a fixed order. */
    channels: ChatChannel[];
  }
}

export default defineKind({
  kind: 'channel',
  routes: [route('GET', '/chats/channels/all-channels', listAllChannels)],
  data: (world, { anchorMs, hostile, large }) => {
    const channels = generateChannels(world, anchorMs);
    if (hostile) channels.push(hostileChannel(world, anchorMs));
    if (large) channels.push(...largeChannels(world, channels, anchorMs));
    return { channels };
  },
  counts: (ds) => ({ channels: ds.channels.length }),
  e2e: {
    query: 'zenith',
    url: (origin, ds) => channelUrl(origin, ds.channels.find((c) => c.name === 'zenith-lounge')!.id),
    card: ['zenith-lounge', 'Subscribed'],
  },
});

/** M2.Access ([C] OAS enum). */
export type ChannelAccess = 'Public' | 'Private';

/**
 * A chat channel as the demo stores it. Served per viewer as AllChannelsListEntry (`subscribed` depends on who
 * asks), so it is not itself a wire object.
 */
export interface ChatChannel {
  id: string;
  name: string;
  description: string;
  access: ChannelAccess;
  created: WireDateTime;
  createdBy: MemberProfile;
  subscribers: MemberProfile[];
  archived: boolean;
  totalMessages: number;
  lastMessageTime: WireDateTime | null;
}

/** AllChannelsListEntry ([C] OAS / NET DTO). */
export interface AllChannelsListEntry {
  channelId: string;
  name: string;
  description: string;
  access: ChannelAccess;
  icon: string | null;
  created: WireDateTime;
  subscribers: number;
  subscribed: boolean;
  archived: boolean;
  totalMessages: number | null;
  lastMessageTime: WireDateTime | null;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

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
  return pageOf(sorted.map((c) => listEntry(c, viewer)), q);
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

type Audience = { everyone: true } | { team: string } | { office: string } | { random: number };

interface ChannelSpec {
  name: string;
  description: string;
  audience: Audience;
  /** The demo user subscribes to it. */
  demo: boolean;
  /** Hours before the anchor of the last message; null: nobody wrote in it yet. */
  lastMessageHoursAgo: number | null;
  messages: number;
  access?: ChannelAccess;
  archived?: boolean;
}

/**
 * Search words tests can rely on: `zenith` finds only #zenith-lounge (subscribed by the demo user), `hiring`
 * only the private #hiring-web the demo user is in; #leadership is private and the demo user is not in it.
 */
const CHANNELS: readonly ChannelSpec[] = [
  { name: 'general', description: 'Company-wide announcements. Keep threads short; everything else goes to #random.', audience: { everyone: true }, demo: true, lastMessageHoursAgo: 2, messages: 4812 },
  { name: 'random', description: 'Lunch plans, cat pictures and launch-day memes.', audience: { random: 80 }, demo: true, lastMessageHoursAgo: 0.5, messages: 9120 },
  { name: 'web-platform', description: 'Web Platform team: the mission web app, the design system and the weekly frontend sync.', audience: { team: 'Web Platform' }, demo: true, lastMessageHoursAgo: 5, messages: 2210 },
  { name: 'flight-software', description: 'On-board software: guidance, navigation and control loops. Flight rules are pinned.', audience: { team: 'Flight Software' }, demo: false, lastMessageHoursAgo: 26, messages: 1874 },
  { name: 'mission-control', description: 'Operations handover notes, pass reports and anomaly triage, around the clock.', audience: { team: 'Mission Control' }, demo: false, lastMessageHoursAgo: 1, messages: 6530 },
  { name: 'amsterdam-office', description: 'Amsterdam office: visitors, desk booking and Friday drinks on the Keizersgracht.', audience: { office: 'Amsterdam Office' }, demo: true, lastMessageHoursAgo: 20, messages: 640 },
  { name: 'berlin-office', description: 'Berlin office: building access, the coffee machine roster and the summer party.', audience: { office: 'Berlin Office' }, demo: false, lastMessageHoursAgo: 50, messages: 512 },
  { name: 'release-train', description: 'Weekly release coordination: code freeze on Tuesday, ship on Thursday.', audience: { random: 30 }, demo: true, lastMessageHoursAgo: 72, messages: 903 },
  { name: 'zenith-lounge', description: 'Watercooler for the night shift: stargazing photos, zenith passes and snack reviews.', audience: { random: 18 }, demo: true, lastMessageHoursAgo: 9, messages: 377 },
  { name: 'incident-response', description: 'Active incidents only. Page the on-call SRE before posting; postmortems go to the blog.', audience: { random: 25 }, demo: false, lastMessageHoursAgo: 3, messages: 1460 },
  { name: 'design-critique', description: 'Share work in progress and get honest feedback from designers and engineers.', audience: { team: 'Design' }, demo: true, lastMessageHoursAgo: 120, messages: 288 },
  { name: 'telemetry-alerts', description: 'Automated alerts from the telemetry pipeline. Mute it unless you are on call.', audience: { team: 'Telemetry' }, demo: false, lastMessageHoursAgo: 0.2, messages: 48210 },
  { name: 'hiring-web', description: 'Interview loops and candidate feedback for the Web Platform openings.', audience: { random: 6 }, demo: true, lastMessageHoursAgo: 240, messages: 96, access: 'Private' },
  { name: 'leadership', description: 'Engineering leadership sync: agendas and decisions.', audience: { random: 8 }, demo: false, lastMessageHoursAgo: 30, messages: 410, access: 'Private' },
  { name: 'legacy-telemetry', description: 'Archived together with the old telemetry stack.', audience: { team: 'Telemetry' }, demo: false, lastMessageHoursAgo: 9000, messages: 2750, archived: true },
  { name: 'book-club', description: 'The Northwind book club: first pick coming soon.', audience: { random: 12 }, demo: false, lastMessageHoursAgo: null, messages: 0 },
];

const SEED_CHATS = 0x5eed_0003;

function generateChannels(org: World, anchorMs: number): ChatChannel[] {
  const prng = createPrng(SEED_CHATS);
  const current = org.profiles.filter((p) => !p.archived);
  const demo = org.demoUser;
  // A team's or a building's own channel id belongs to one channel: the first that claims it (#telemetry-alerts;
  // #legacy-telemetry, of the same team, once shared it, and a directory keyed by channel id lost one of the two).
  const claimed = new Set<string>();
  const ownId = (id: string | null | undefined, spec: ChannelSpec): string | null => {
    if (!id || claimed.has(id)) return id ? createPrng(hashString(spec.name)).id() : null;
    claimed.add(id);
    return id;
  };
  return CHANNELS.map((spec): ChatChannel => {
    const team = 'team' in spec.audience ? org.teams.find((t) => t.name === (spec.audience as { team: string }).team) : undefined;
    const office = 'office' in spec.audience ? org.locations.find((l) => l.name === (spec.audience as { office: string }).office) : undefined;
    let members: MemberProfile[];
    if ('everyone' in spec.audience) members = current;
    else if (team) members = team.memberships.filter((m) => !m.archived).map((m) => m.member);
    else if (office) members = current.filter((p) => p.locations.some((l) => !l.archived && l.location === office));
    else members = prng.sample(current.filter((p) => p !== demo), (spec.audience as { random: number }).random);
    const subscribers = [...new Set(members)].filter((p) => p.username !== DEMO_USERNAME || spec.demo);
    if (spec.demo && !subscribers.includes(demo)) subscribers.unshift(demo);
    const created = Date.UTC(2019, 6, 1) + prng.int(0, 4 * 365) * DAY_MS + prng.int(0, DAY_MS - 1);
    return {
      // Team and office channels are the team's and the building's own channel (their `channelId`).
      id: ownId(team?.channelId ?? office?.channelId, spec) ?? prng.id(),
      name: spec.name,
      description: spec.description,
      access: spec.access ?? 'Public',
      created: dateTime(created),
      createdBy: prng.pick(subscribers.length > 0 ? subscribers : current),
      subscribers,
      archived: spec.archived === true,
      totalMessages: spec.messages,
      lastMessageTime: spec.lastMessageHoursAgo === null ? null : dateTime(anchorMs - Math.round(spec.lastMessageHoursAgo * 3_600_000)),
    };
  });
}

const SEED_HOSTILE = 0x5eed_0bae;

/** With `hostile`: a channel whose name and description are markup, bidi overrides and a `javascript:` value. */
function hostileChannel(world: World, anchorMs: number): ChatChannel {
  const h = HOSTILE_STRINGS;
  const author = world.profiles.find((p) => p.username === HOSTILE_USERNAME);
  if (!author) throw new Error('the hostile channel needs the hostile person');
  const when = dateTime(anchorMs - 2 * DAY_MS);
  return {
    id: createPrng(SEED_HOSTILE).id(), name: `hostile-${h.imgTag}`, description: `${h.bidi} ${h.javascriptUrl} ${h.zeroWidth}`, access: 'Public',
    created: when, createdBy: author, subscribers: [author, world.demoUser], archived: false, totalMessages: 1, lastMessageTime: when,
  };
}
