/**
 * The large organization (`startDemoServer({ large: true })`, `npm run demo-server -- --large`, or
 * `POST /__demo/organization {"size":"large"}`): Northwind Orbital grown to 10,000 current people, 500 teams, 300
 * projects with 1,000 repositories and 136 locations (2,000 chat channels come from kinds/channel.ts, through
 * data-large-channels.ts), so the local directory of issue 16 and the benchmark meet a directory of a real size.
 *
 * It is added on top of the everyday organization, from its own seed, after it: every curated person, team, project
 * and their ids stay as they are (the e2e cases and the bench queries find the same items), and the same seed gives
 * the same 10,000 people on every run. The demo user is a member of none of the added projects, so the issue/review
 * search scope (starred, then member projects) is the same in both sizes.
 */
import type { Organization } from './data-organization.ts';
import { EMAIL_DOMAIN, makeWorkingDays } from './data-organization.ts';
import {
  LARGE_OFFICES, LOCAL_TEAM_NAMES, NAME_POOLS, PROJECT_ADJECTIVES, PROJECT_NOUNS, REPOSITORY_SUFFIXES, ROOM_NAMES,
  TEAM_AREAS, TEAM_FUNCTIONS, type NamePool,
} from './data-large-names.ts';
import type { ProjectData } from './data-projects.ts';
import { markExtended } from './fields.ts';
import { createPrng, type Prng } from './prng.ts';
import { fold } from './text-match.ts';
import { zoneOffsetMs } from './time-zones.ts';
import { DAY_MS, date, dateTime } from './wire.ts';
import type { Location, MemberProfile, Membership, Project, RepositoryInfo, Team } from './world-types.ts';

/** The sizes issue 16 names. People and teams count current (not archived) ones plus the everyday organization's. */
export const LARGE_ORGANIZATION = { people: 10_000, teams: 500, projects: 300, repositories: 1_000, channels: 2_000 } as const;

const SEED_LARGE = 0x5eed_1a26;

/** ASCII user-name part, as data-organization.ts makes it: "Sørensen" → "sorensen", "de la Cruz" → "delacruz". */
function slug(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, '');
}

/** Grows `org` and `projects` in place to the sizes of LARGE_ORGANIZATION (lookup maps are built afterwards). */
export function addLargeOrganization(org: Organization, projects: ProjectData, anchorMs: number): void {
  const prng = createPrng(SEED_LARGE);
  const buildings = addOffices(prng, org, anchorMs);
  const teams = addTeams(prng, org);
  addPeople(prng, org, teams, buildings);
  addProjects(prng, org, projects, teams, anchorMs);
}

function addOffices(prng: Prng, org: Organization, anchorMs: number): Location[] {
  const regions = new Map(org.locations.filter((l) => l.type === 'Region').map((l) => [l.name, l]));
  const buildings: Location[] = org.locations.filter((l) => l.type === 'Building' && !l.archived);
  const make = (fields: Partial<Location> & Pick<Location, 'name' | 'type'>): Location => {
    const location: Location = Object.assign({ id: prng.id(), name: fields.name, type: fields.type }, {
      timezone: null, tz: null, workdays: null, phones: [], emails: [], equipment: null,
      description: null, address: null, parent: null, mapId: null, capacity: null, channelId: null, archived: false,
    }, fields);
    org.locations.push(location);
    return location;
  };
  for (const [city, region, zone] of LARGE_OFFICES) {
    let parent = regions.get(region);
    if (!parent) {
      parent = make({ name: region, type: 'Region' });
      regions.set(region, parent);
    }
    const building = make({
      name: `${city} Office`, type: 'Building', parent, tz: zone, timezone: { id: zone, offset: zoneOffsetMs(zone, anchorMs) },
      workdays: [1, 2, 3, 4, 5], channelId: prng.id(), mapId: prng.id(), description: `Northwind Orbital in ${city}.`,
      emails: [`${slug(city) || `office${buildings.length}`}-office@${EMAIL_DOMAIN}`],
    });
    buildings.push(building);
    for (const room of prng.sample(ROOM_NAMES, prng.int(2, 4))) {
      make({ name: `${room} (${city})`, type: 'ConferenceRoom', parent: building, capacity: prng.pick([4, 6, 8, 12]), equipment: ['Display'] });
    }
  }
  return buildings;
}

function addTeams(prng: Prng, org: Organization): Team[] {
  const taken = new Set(org.teams.map((t) => t.name));
  const departments = org.teams.filter((t) => t.parent === null && !t.archived);
  const added: Team[] = [];
  const names: string[] = [...LOCAL_TEAM_NAMES];
  for (const area of TEAM_AREAS) for (const what of TEAM_FUNCTIONS) names.push(`${area} ${what}`);
  const wanted = LARGE_ORGANIZATION.teams - org.teams.length;
  for (const name of prng.sample(names.filter((n) => !taken.has(n)), wanted)) {
    // A third of the new teams sit under another new team, so the tree is deeper than two levels.
    const parent = added.length > 20 && prng.chance(0.33) ? prng.pick(added) : prng.pick(departments);
    const team = markExtended<Team>({
      id: prng.id(), name, description: `${name} at Northwind Orbital.`, parent,
      emails: [`${slug(name) || `team${added.length}`}@${EMAIL_DOMAIN}`], channelId: prng.id(), archived: false, disbanded: false,
      disbandedAt: null, externalId: null, defaultManager: null, customFields: {}, memberships: [],
    }, ['memberships']);
    org.teams.push(team);
    added.push(team);
  }
  return added;
}

function pickPool(prng: Prng): NamePool {
  const total = NAME_POOLS.reduce((n, p) => n + p.weight, 0);
  let roll = prng.next() * total;
  for (const pool of NAME_POOLS) {
    roll -= pool.weight;
    if (roll < 0) return pool;
  }
  return NAME_POOLS[0] as NamePool;
}

function addPeople(prng: Prng, org: Organization, teams: Team[], buildings: Location[]): void {
  const taken = new Set(org.profiles.map((p) => p.username.toLowerCase()));
  const role = org.roles.find((r) => r.name === 'Software Engineer') ?? (org.roles[0] as Membership['role']);
  const current = org.profiles.filter((p) => !p.archived).length;
  const leads = new Set<Team>();
  for (let n = current; n < LARGE_ORGANIZATION.people; n++) {
    const pool = pickPool(prng);
    const [firstName, firstLatin] = prng.pick(pool.first);
    const [lastName, lastLatin] = prng.pick(pool.last);
    // Many people share a name in an organization this size; their user names get a number, as Space admins do.
    const base = `${slug(firstLatin)}.${slug(lastLatin)}`;
    let username = base;
    for (let i = 2; taken.has(username); i++) username = `${base}${i}`;
    taken.add(username);
    const joinedMs = Date.UTC(2016, 0, 1) + prng.int(0, 9 * 365) * DAY_MS;
    const avatar = prng.chance(0.7) ? prng.id() : null;
    if (avatar) org.avatars.set(avatar, { seed: username, sizePx: 32 });
    const profile = markExtended<MemberProfile>({
      id: prng.id(), username, name: { firstName, lastName }, speaksEnglish: true, smallAvatar: avatar, avatar, profilePicture: avatar,
      languages: [{ language: { code: 'en', name: 'English' } }], archived: false, notAMember: false, joined: date(joinedMs),
      leftAt: null, left: null, external: false, about: null,
      emails: [{ id: prng.id(), email: `${username}@${EMAIL_DOMAIN}`, blocked: false, verified: true }],
      phones: [], messengers: [], links: [], birthday: null, gender: null, externalId: null, customFields: {},
      managers: [], locations: [], memberships: [],
    }, ['managers', 'locations', 'memberships']);
    org.profiles.push(profile);

    const team = prng.pick(teams);
    const lead = !leads.has(team);
    if (lead) {
      leads.add(team);
      team.defaultManager = profile;
    }
    const membership: Membership = {
      id: prng.id(), member: profile, team, role, lead, manager: lead ? null : team.defaultManager,
      since: { iso: date(joinedMs).iso }, till: null, activeSince: dateTime(joinedMs), activeTill: null,
      requiresApproval: false, archived: false, customFields: {},
    };
    org.memberships.push(membership);
    profile.memberships.push(membership);
    team.memberships.push(membership);
    if (membership.manager) profile.managers.push(membership.manager);

    const building = prng.chance(0.85) ? prng.pick(buildings) : null;
    const zone = building?.tz ?? 'Europe/Lisbon';
    if (building) {
      profile.locations.push({ id: prng.id(), location: building, member: profile, since: { iso: date(joinedMs).iso }, till: null, archived: false });
    }
    org.timeZones.set(profile.id, zone);
    org.workingDays.set(profile.id, makeWorkingDays(prng, zone, false, { remoteZone: zone }));
  }
}

function addProjects(prng: Prng, org: Organization, data: ProjectData, teams: Team[], anchorMs: number): void {
  const takenKeys = new Set(data.projects.map((p) => p.key.key));
  const takenNames = new Set(data.projects.map((p) => p.name));
  const people = org.profiles.filter((p) => !p.archived && p !== org.demoUser);
  const wanted = LARGE_ORGANIZATION.projects - data.projects.length;
  let repositories = data.projects.reduce((n, p) => n + p.repos.length, 0);
  const combos: string[] = [];
  for (const adjective of PROJECT_ADJECTIVES) for (const noun of PROJECT_NOUNS) combos.push(`${adjective} ${noun}`);
  const names = prng.sample(combos.filter((n) => !takenNames.has(n)), wanted);
  names.forEach((name, i) => {
    const words = name.split(' ');
    let key = words.map((w) => w.slice(0, 3)).join('').toUpperCase();
    for (let n = 2; takenKeys.has(key); n++) key = `${words.map((w) => w.slice(0, 3)).join('').toUpperCase()}${n}`;
    takenKeys.add(key);
    // Spread the remaining repositories evenly over the remaining projects (1,000 in all).
    const left = wanted - i;
    const repoCount = Math.max(1, Math.round((LARGE_ORGANIZATION.repositories - repositories) / left));
    repositories += repoCount;
    const prefix = slug(words[1] ?? name);
    const suffixes = prng.sample(REPOSITORY_SUFFIXES, Math.min(repoCount, REPOSITORY_SUFFIXES.length));
    const repos = Array.from({ length: repoCount }, (_, r): RepositoryInfo => ({
      id: prng.id(), name: `${slug(words[0] ?? '')}-${prefix}-${suffixes[r] ?? `part${r}`}`, description: `${name}: ${suffixes[r] ?? 'module'}`,
      latestActivity: dateTime(anchorMs - prng.int(1, 60 * 24) * 3_600_000), state: 'READY', initProgress: null, readmeName: 'README.md',
      defaultBranch: { head: 'refs/heads/main', ref: prng.hex(40) },
    }));
    const members = prng.sample(people, prng.int(4, 24));
    const project: Project = markExtended<Project>({
      id: prng.id(), key: { key }, name, private: false, description: `The ${name} project.`, icon: null,
      latestRepositoryActivity: repos[0]?.latestActivity ?? null,
      createdAt: dateTime(Date.UTC(2019, 0, 1) + prng.int(0, 5 * 365) * DAY_MS), archived: prng.chance(0.03),
      repos, tags: [], memberProfiles: members, adminProfiles: members.slice(0, 1), memberTeams: prng.sample(teams, prng.int(1, 2)),
    }, ['repos', 'tags', 'memberProfiles', 'adminProfiles', 'memberTeams']);
    data.projects.push(project);
  });
}
