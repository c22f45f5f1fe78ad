/**
 * Chat channels of "Northwind Orbital": company-wide, team, office and topic channels, a private one the demo user
 * is in and one they are not, an archived one and one nobody wrote in yet. Team and office channels use the
 * team's and the building's own `channelId`, so every link to a channel agrees. Deterministic for a seed, and drawn
 * from their own seed so adding channels never reshuffles people or issues.
 */
import { DEMO_USERNAME } from './data-names.ts';
import type { Organization } from './data-organization.ts';
import { createPrng } from './prng.ts';
import type { ChannelAccess, ChatChannel, MemberProfile } from './space-types.ts';
import { DAY_MS, dateTime } from './wire.ts';

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

export function generateChannels(org: Organization, anchorMs: number): ChatChannel[] {
  const prng = createPrng(SEED_CHATS);
  const current = org.profiles.filter((p) => !p.archived);
  const demo = org.demoUser;
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
      id: team?.channelId ?? office?.channelId ?? prng.id(),
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
