/**
 * Chat channels of the large organization (data-large.ts): kinds/channel.ts adds these to its own when the data set
 * is large, up to LARGE_ORGANIZATION.channels in all — every added team's and office's own channel (their
 * `channelId`), a channel per project, and topic channels of teams — from their own seed.
 */
import { CHANNEL_TOPICS } from './data-large-names.ts';
import { LARGE_ORGANIZATION } from './data-large.ts';
import type { World } from './dataset.ts';
import type { ChatChannel } from './kinds/channel.ts';
import { createPrng } from './prng.ts';
import { fold } from './text-match.ts';
import { DAY_MS, dateTime } from './wire.ts';
import type { MemberProfile } from './world-types.ts';

const SEED_LARGE_CHATS = 0x5eed_1a27;

/** Channel names are lower case with dashes, as Space's UI suggests them; non-Latin letters are kept. */
function channelName(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

export function largeChannels(world: World, existing: readonly ChatChannel[], anchorMs: number): ChatChannel[] {
  const prng = createPrng(SEED_LARGE_CHATS);
  const taken = new Set(existing.map((c) => c.name));
  const usedIds = new Set(existing.map((c) => c.id));
  const current = world.profiles.filter((p) => !p.archived);
  const out: ChatChannel[] = [];
  const add = (name: string, description: string, id: string | null, members: MemberProfile[]): void => {
    if (existing.length + out.length >= LARGE_ORGANIZATION.channels) return;
    let unique = name;
    for (let n = 2; taken.has(unique); n++) unique = `${name}-${n}`;
    taken.add(unique);
    const channelId = id !== null && !usedIds.has(id) ? id : prng.id();
    usedIds.add(channelId);
    const subscribers = members.length > 0 ? members : prng.sample(current, prng.int(2, 12));
    const created = Date.UTC(2019, 6, 1) + prng.int(0, 5 * 365) * DAY_MS;
    const quiet = prng.chance(0.1);
    out.push({
      id: channelId, name: unique, description, access: prng.chance(0.05) ? 'Private' : 'Public', created: dateTime(created),
      createdBy: prng.pick(subscribers), subscribers, archived: prng.chance(0.04), totalMessages: quiet ? 0 : prng.int(1, 20_000),
      lastMessageTime: quiet ? null : dateTime(anchorMs - prng.int(0, 90 * 24) * 3_600_000),
    });
  };
  const members = (team: World['teams'][number]): MemberProfile[] => team.memberships.filter((m) => !m.archived).map((m) => m.member);
  for (const team of world.teams) {
    if (team.archived || existing.some((c) => c.id === team.channelId)) continue;
    add(channelName(team.name), `${team.name}: the team's channel.`, team.channelId, members(team));
  }
  for (const office of world.locations.filter((l) => l.type === 'Building' && !l.archived)) {
    if (existing.some((c) => c.id === office.channelId)) continue;
    add(channelName(office.name), `${office.name}: visitors, desks and events.`, office.channelId, []);
  }
  for (const project of world.projects) add(`proj-${project.key.key.toLowerCase()}`, `${project.name}: builds, reviews and questions.`, null, project.memberProfiles);
  // The rest: topic channels of teams (#payload-engineering-standup …) until the organization has its 2,000.
  for (let i = 0; existing.length + out.length < LARGE_ORGANIZATION.channels && i < 100_000; i++) {
    const team = prng.pick(world.teams);
    const topic = prng.pick(CHANNEL_TOPICS);
    add(`${channelName(team.name)}-${topic}`, `${team.name}: ${topic}.`, null, members(team).slice(0, 40));
  }
  return out;
}
