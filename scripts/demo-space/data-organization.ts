/**
 * Generates the team directory of "Northwind Orbital": locations with time zones, teams with leads, positions,
 * people, memberships, member locations, working hours, absence plans and avatar ids. Deterministic for a seed.
 */
import { markExtended } from './fields.ts';
import {
  CURATED_PEOPLE, DEMO_USERNAME, FIRST_NAMES, LAST_NAMES, PAST_MEMBERS,
  type CuratedPerson, type OfficeKey, type Whereabouts,
} from './data-names.ts';
import { createPrng, type Prng } from './prng.ts';
import type {
  AbsenceReason, Location, MemberLocation, MemberProfile, Membership, Role, Team, WeekDayTimeInterval, Workday,
  WorkingDays,
} from './world-types.ts';
import { fold } from './text-match.ts';
import { zoneOffsetMs } from './time-zones.ts';
import { DAY_MS, date, dateTime } from './wire.ts';

export const ORGANIZATION_NAME = 'Northwind Orbital';
export const EMAIL_DOMAIN = 'northwind-orbital.example';

/** Current members in the directory (curated + generated), so people search has more than one page. */
export const CURRENT_MEMBER_COUNT = 132;

/** An absence relative to "today", materialized per request so somebody is always away today. */
export interface AbsencePlan {
  id: string;
  member: MemberProfile;
  reason: AbsenceReason;
  description: string;
  /** Days relative to the current UTC day (0 = today); both ends inclusive. */
  fromDay: number;
  toDay: number;
  available: boolean;
  icon: string;
}

export interface AvatarSpec {
  /** Drives colours and pattern. */
  seed: string;
  sizePx: number;
}

export interface Organization {
  locations: Location[];
  roles: Role[];
  teams: Team[];
  /** Current members first (demo user first), then past members. */
  profiles: MemberProfile[];
  memberships: Membership[];
  /** Profile id → working hours. */
  workingDays: Map<string, WorkingDays>;
  /** Profile id → IANA zone (working-hours zone, else the location's). */
  timeZones: Map<string, string>;
  absenceReasons: AbsenceReason[];
  absencePlans: AbsencePlan[];
  avatars: Map<string, AvatarSpec>;
  demoUser: MemberProfile;
}

interface OfficeSpec {
  key: OfficeKey;
  region: string;
  campus?: string;
  building: string;
  zone: string;
  address: string;
  phonePrefix: string;
  rooms: { name: string; type: 'ConferenceRoom' | 'Room'; capacity: number }[];
}

const OFFICES: readonly OfficeSpec[] = [
  {
    key: 'AMS', region: 'Netherlands', building: 'Amsterdam Office', zone: 'Europe/Amsterdam',
    address: 'Keizersgracht 512, 1017 EK Amsterdam', phonePrefix: '+31 20 555',
    rooms: [{ name: 'Kuiper', type: 'ConferenceRoom', capacity: 8 }, { name: 'Oort', type: 'ConferenceRoom', capacity: 4 }, { name: 'Quiet Room', type: 'Room', capacity: 2 }],
  },
  {
    key: 'BER', region: 'Germany', building: 'Berlin Office', zone: 'Europe/Berlin',
    address: 'Rudi-Dutschke-Straße 26, 10969 Berlin', phonePrefix: '+49 30 555',
    rooms: [{ name: 'Tempelhof', type: 'ConferenceRoom', capacity: 12 }, { name: 'Spree', type: 'ConferenceRoom', capacity: 6 }],
  },
  {
    key: 'NYC', region: 'USA', campus: 'New York Campus', building: 'Brooklyn Navy Yard', zone: 'America/New_York',
    address: '63 Flushing Ave, Brooklyn, NY 11205', phonePrefix: '+1 212 555',
    rooms: [{ name: 'Hudson', type: 'ConferenceRoom', capacity: 10 }, { name: 'Gemini', type: 'ConferenceRoom', capacity: 6 }],
  },
  {
    key: 'TYO', region: 'Japan', building: 'Tokyo Office', zone: 'Asia/Tokyo',
    address: '2-11-3 Meguro, Meguro-ku, Tokyo 153-0063', phonePrefix: '+81 3 5555',
    rooms: [{ name: 'Hayabusa', type: 'ConferenceRoom', capacity: 8 }],
  },
  {
    key: 'BLR', region: 'India', building: 'Bengaluru Office', zone: 'Asia/Kolkata',
    address: '80 Feet Road, Koramangala, Bengaluru 560034', phonePrefix: '+91 80 5555',
    rooms: [{ name: 'Aryabhata', type: 'ConferenceRoom', capacity: 10 }],
  },
];

/** Team tree: [name, parent, description]. */
const TEAMS: readonly [string, string | null, string][] = [
  ['Engineering', null, 'Everybody who builds Northwind software.'],
  ['Flight Software', 'Engineering', 'On-board software: guidance, navigation and control loops.'],
  ['Ground Systems', 'Engineering', 'Ground station software and antenna control.'],
  ['Navigation', 'Engineering', 'Orbit determination and star trackers.'],
  ['Telemetry', 'Engineering', 'Telemetry ingest, storage and dashboards.'],
  ['Web Platform', 'Engineering', 'Mission web tools and the design system.'],
  ['Developer Productivity', 'Engineering', 'Build, CI and developer tooling.'],
  ['QA', 'Engineering', 'Test automation and release quality.'],
  ['Data Science', 'Engineering', 'Anomaly detection and forecasting.'],
  ['Product', null, 'Product management, design and documentation.'],
  ['Design', 'Product', 'Product and interaction design.'],
  ['Product Management', 'Product', 'Roadmaps and customer discovery.'],
  ['Technical Writing', 'Product', 'Handbooks, manuals and API docs.'],
  ['Operations', null, 'Keeps the company and the satellites running.'],
  ['Mission Control', 'Operations', 'Satellite operations, 24/7.'],
  ['IT & Security', 'Operations', 'Laptops, accounts and security.'],
  ['People & Culture', 'Operations', 'Hiring, onboarding and wellbeing.'],
  ['Sales & Partnerships', null, 'Launch partners and customers.'],
];

const ARCHIVED_TEAM = 'Legacy Telemetry';

/** Positions generated people get, per team. */
const TEAM_ROLES: Record<string, readonly string[]> = {
  'Flight Software': ['Software Engineer', 'Senior Software Engineer'],
  'Ground Systems': ['Software Engineer', 'Senior Software Engineer'],
  Navigation: ['Flight Dynamics Engineer', 'Software Engineer'],
  Telemetry: ['Software Engineer', 'Data Engineer'],
  'Web Platform': ['Frontend Engineer', 'Software Engineer'],
  'Developer Productivity': ['Build Engineer', 'Software Engineer'],
  QA: ['QA Engineer'],
  'Data Science': ['Data Scientist'],
  Design: ['Product Designer'],
  'Product Management': ['Product Manager'],
  'Technical Writing': ['Technical Writer'],
  'Mission Control': ['Mission Controller'],
  'IT & Security': ['Site Reliability Engineer', 'IT Specialist'],
  'People & Culture': ['Recruiter', 'People Partner'],
  'Sales & Partnerships': ['Account Executive'],
};

const REMOTE_ZONES: readonly string[] = [
  'Europe/Lisbon', 'Europe/Warsaw', 'America/Chicago', 'America/Los_Angeles', 'Asia/Singapore', 'Australia/Sydney',
  'Europe/Amsterdam', 'America/New_York', 'Asia/Tokyo', 'Europe/Berlin', 'Asia/Kolkata',
];

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', ar: 'Arabic', da: 'Danish', de: 'German', el: 'Greek', es: 'Spanish', fi: 'Finnish', fr: 'French',
  ga: 'Irish', he: 'Hebrew', hi: 'Hindi', is: 'Icelandic', ja: 'Japanese', ka: 'Georgian', ko: 'Korean', mi: 'Māori',
  nl: 'Dutch', pl: 'Polish', pt: 'Portuguese', ru: 'Russian', sr: 'Serbian', sv: 'Swedish', ta: 'Tamil', th: 'Thai',
  tr: 'Turkish', vi: 'Vietnamese', zh: 'Chinese',
};

const WEEKDAY_NAMES = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** Seeds per domain, so adding data in one domain never reshuffles another. */
const SEED_DIRECTORY = 0x5eed_0001;

export function generateOrganization(anchorMs: number): Organization {
  const prng = createPrng(SEED_DIRECTORY);
  const { locations, buildings } = generateLocations(prng, anchorMs);
  const roles = generateRoles(prng);
  const roleByName = new Map(roles.map((r) => [r.name, r]));
  const teams = generateTeams(prng, anchorMs);
  const teamByName = new Map(teams.map((t) => [t.name, t]));

  const specs = [...CURATED_PEOPLE, ...generatedPeople(prng)];
  const avatars = new Map<string, AvatarSpec>();
  const profiles: MemberProfile[] = [];
  const memberships: Membership[] = [];
  const workingDays = new Map<string, WorkingDays>();
  const timeZones = new Map<string, string>();

  const addPerson = (spec: CuratedPerson, past: boolean): void => {
    const profile = makeProfile(prng, spec, past, avatars, anchorMs);
    profiles.push(profile);
    const team = teamByName.get(spec.team ?? '') ?? prng.pick(teams.filter((t) => t.parent !== null && !t.archived));
    const roleName = spec.role ?? prng.pick(TEAM_ROLES[team.name] ?? ['Software Engineer']);
    const role = roleByName.get(roleName) ?? (roleByName.get('Software Engineer') as Role);
    const joined = profile.joined?.iso ?? '2020-01-01';
    const membership: Membership = {
      id: prng.id(), member: profile, team, role, lead: spec.lead === true, manager: null,
      since: { iso: joined }, till: past ? profile.left : null,
      activeSince: dateTime(Date.parse(joined)), activeTill: past && profile.leftAt ? profile.leftAt : null,
      requiresApproval: false, archived: past, customFields: {},
    };
    memberships.push(membership);
    profile.memberships.push(membership);
    if (!past) team.memberships.push(membership);

    let zone: string;
    if ('office' in spec.where) {
      const building = buildings.get(spec.where.office) as Location;
      zone = building.tz as string;
      const memberLocation: MemberLocation = {
        id: prng.id(), location: building, member: profile, since: { iso: joined }, till: past ? profile.left : null, archived: past,
      };
      profile.locations.push(memberLocation);
      const officeSpec = OFFICES.find((o) => o.key === (spec.where as { office: OfficeKey }).office) as OfficeSpec;
      if (prng.chance(0.7)) profile.phones.push(`${officeSpec.phonePrefix} ${String(prng.int(100, 9999)).padStart(4, '0')}`);
    } else {
      zone = spec.where.remoteZone;
      if (prng.chance(0.4)) profile.phones.push(`+1 555 01${String(prng.int(0, 99)).padStart(2, '0')}`);
    }
    timeZones.set(profile.id, zone);
    workingDays.set(profile.id, makeWorkingDays(prng, zone, spec.username === DEMO_USERNAME, spec.where));
  };

  for (const spec of specs) addPerson(spec, false);
  for (const spec of PAST_MEMBERS) addPerson(spec, true);

  assignLeadsAndManagers(memberships, teams);

  const demoUser = profiles.find((p) => p.username === DEMO_USERNAME) as MemberProfile;
  const absenceReasons = generateAbsenceReasons(prng);
  const absencePlans = generateAbsencePlans(prng, profiles.filter((p) => !p.archived && p !== demoUser), absenceReasons);

  return { locations, roles, teams, profiles, memberships, workingDays, timeZones, absenceReasons, absencePlans, avatars, demoUser };
}

function generateLocations(prng: Prng, anchorMs: number): { locations: Location[]; buildings: Map<OfficeKey, Location> } {
  const locations: Location[] = [];
  const buildings = new Map<OfficeKey, Location>();
  const make = (fields: Partial<Location> & Pick<Location, 'name' | 'type'>): Location => {
    // Object.assign keeps the key order of the first object, so responses read id, name, type, … .
    const location: Location = Object.assign({ id: prng.id(), name: fields.name, type: fields.type }, {
      timezone: null, tz: null, workdays: null, phones: [], emails: [], equipment: null,
      description: null, address: null, parent: null, mapId: null, capacity: null, channelId: null, archived: false,
    }, fields);
    locations.push(location);
    return location;
  };
  const zoneFields = (zone: string): Pick<Location, 'tz' | 'timezone'> => ({
    tz: zone, timezone: { id: zone, offset: zoneOffsetMs(zone, anchorMs) },
  });
  const regions = new Map<string, Location>();
  for (const office of OFFICES) {
    let parent = regions.get(office.region);
    if (!parent) {
      parent = make({ name: office.region, type: 'Region' });
      regions.set(office.region, parent);
    }
    if (office.campus) parent = make({ name: office.campus, type: 'Campus', parent, ...zoneFields(office.zone) });
    const building = make({
      name: office.building, type: 'Building', parent, address: office.address, channelId: prng.id(), workdays: [1, 2, 3, 4, 5],
      phones: [`${office.phonePrefix} 0100`], emails: [`${office.key.toLowerCase()}-office@${EMAIL_DOMAIN}`],
      description: `Northwind Orbital ${office.building.replace(' Office', '')} office.`, mapId: prng.id(), ...zoneFields(office.zone),
    });
    buildings.set(office.key, building);
    for (const room of office.rooms) {
      make({
        name: room.name, type: room.type, parent: building, capacity: room.capacity,
        equipment: room.type === 'ConferenceRoom' ? ['Display', 'Video conferencing'] : [],
        description: room.type === 'ConferenceRoom' ? `Meeting room in the ${office.building}.` : null,
      });
    }
  }
  make({
    name: 'Rotterdam Office', type: 'Building', parent: regions.get('Netherlands') ?? null, archived: true,
    address: 'Wilhelminakade 123, 3072 AP Rotterdam', description: 'Closed in 2023; everybody moved to Amsterdam.',
    ...zoneFields('Europe/Amsterdam'),
  });
  return { locations, buildings };
}

function generateRoles(prng: Prng): Role[] {
  const names = new Set<string>(['Software Engineer', 'Senior Software Engineer', 'Engineering Manager', 'VP of Engineering', 'Head of Product', 'Head of Operations']);
  for (const list of Object.values(TEAM_ROLES)) for (const name of list) names.add(name);
  for (const p of CURATED_PEOPLE) if (p.role) names.add(p.role);
  return [...names].sort().map((name) => ({ id: prng.id(), name, parent: null, archived: false }));
}

function generateTeams(prng: Prng, anchorMs: number): Team[] {
  const teams: Team[] = [];
  const byName = new Map<string, Team>();
  const make = (name: string, parent: Team | null, description: string, archived: boolean): Team => {
    const team = markExtended<Team>({
      id: prng.id(), name, description, parent,
      emails: [`${fold(name).replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}@${EMAIL_DOMAIN}`],
      channelId: prng.id(), archived, disbanded: archived, disbandedAt: archived ? dateTime(anchorMs - 400 * DAY_MS) : null,
      externalId: null, defaultManager: null, customFields: {}, memberships: [],
    }, ['memberships']);
    teams.push(team);
    byName.set(name, team);
    return team;
  };
  for (const [name, parentName, description] of TEAMS) {
    make(name, parentName ? (byName.get(parentName) ?? null) : null, description, false);
  }
  make(ARCHIVED_TEAM, byName.get('Engineering') ?? null, 'Replaced by the Telemetry team.', true);
  return teams;
}

function generatedPeople(prng: Prng): CuratedPerson[] {
  const taken = new Set(CURATED_PEOPLE.map((p) => p.username));
  const people: CuratedPerson[] = [];
  const offices: OfficeKey[] = ['AMS', 'AMS', 'BER', 'BER', 'NYC', 'NYC', 'TYO', 'BLR'];
  while (CURATED_PEOPLE.length + people.length < CURRENT_MEMBER_COUNT) {
    const firstName = prng.pick(FIRST_NAMES);
    const lastName = prng.pick(LAST_NAMES);
    const base = `${slug(firstName)}.${slug(lastName)}`;
    if (taken.has(base)) continue;
    taken.add(base);
    const where: Whereabouts = prng.chance(0.2) ? { remoteZone: prng.pick(REMOTE_ZONES) } : { office: prng.pick(offices) };
    people.push({ firstName, lastName, username: base, where });
  }
  return people;
}

/** ASCII user-name part: "Sørensen" → "sorensen", "D'Angelo" → "dangelo", "de Vries" → "devries". */
function slug(name: string): string {
  return fold(name).replace(/[^a-z0-9]+/g, '');
}

function makeProfile(prng: Prng, spec: CuratedPerson, past: boolean, avatars: Map<string, AvatarSpec>, anchorMs: number): MemberProfile {
  // Joined dates are absolute (2016 … 2025) so tenure does not drift from day to day.
  const joinedMs = Date.UTC(2016, 0, 1) + prng.int(0, 9 * 365) * DAY_MS;
  const leftMs = past ? anchorMs - prng.int(30, 300) * DAY_MS : null;
  const hasAvatar = spec.username === DEMO_USERNAME || prng.chance(0.85);
  const avatarId = (sizePx: number): string | null => {
    if (!hasAvatar) return null;
    const id = prng.id();
    avatars.set(id, { seed: spec.username, sizePx });
    return id;
  };
  const emails = [{ id: prng.id(), email: `${spec.username}@${EMAIL_DOMAIN}`, blocked: false, verified: true }];
  if (prng.chance(0.2)) emails.push({ id: prng.id(), email: `${spec.username.split('.')[0]}@orbital.example`, blocked: false, verified: prng.chance(0.5) });
  const languages = ['en', ...(spec.languages ?? [])].map((code) => ({ language: { code, name: LANGUAGE_NAMES[code] ?? code } }));
  const birthdayMs = prng.chance(0.5) ? Date.UTC(prng.int(1965, 2001), prng.int(0, 11), prng.int(1, 28)) : null;
  return markExtended<MemberProfile>({
    id: prng.id(),
    username: spec.username,
    name: { firstName: spec.firstName, lastName: spec.lastName },
    speaksEnglish: true,
    smallAvatar: avatarId(32),
    avatar: avatarId(64),
    profilePicture: avatarId(160),
    languages,
    archived: past,
    notAMember: false,
    joined: date(joinedMs),
    leftAt: leftMs === null ? null : dateTime(leftMs),
    left: leftMs === null ? null : date(leftMs),
    external: false,
    about: spec.about ?? null,
    emails,
    phones: [],
    messengers: [],
    links: [],
    birthday: birthdayMs === null ? null : date(birthdayMs),
    gender: null,
    externalId: null,
    customFields: {},
    managers: [],
    locations: [],
    memberships: [],
  }, ['managers', 'locations', 'memberships']);
}

/**
 * The lead of a team manages its members; a lead is managed by the lead of the parent team. Membership
 * `manager` and team `defaultManager` follow the same rule.
 */
function assignLeadsAndManagers(memberships: Membership[], teams: Team[]): void {
  const leadOf = new Map<Team, MemberProfile>();
  for (const m of memberships) if (m.lead && !m.archived) leadOf.set(m.team, m.member);
  const managerFor = (team: Team | null, self: MemberProfile): MemberProfile | null => {
    for (let t = team; t; t = t.parent) {
      const lead = leadOf.get(t);
      if (lead && lead !== self) return lead;
    }
    return null;
  };
  for (const team of teams) team.defaultManager = leadOf.get(team) ?? null;
  for (const m of memberships) {
    const manager = m.lead ? managerFor(m.team.parent, m.member) : managerFor(m.team, m.member);
    m.manager = manager;
    if (manager && !m.member.managers.includes(manager)) m.member.managers.push(manager);
  }
}

export function makeWorkingDays(prng: Prng, zone: string, isDemoUser: boolean, where: Whereabouts): WorkingDays {
  // Start 07:00 … 10:00 in half hours; Tokyo starts later; some people work four days or part time.
  const startHalfHours = isDemoUser ? 18 : prng.int(14, 20) + ('office' in where && where.office === 'TYO' ? 2 : 0);
  const lengthMinutes = isDemoUser ? 510 : prng.pick([480, 480, 510, 540, 270]);
  const workingWeekdays = isDemoUser || prng.chance(0.88) ? [1, 2, 3, 4, 5] : [1, 2, 3, 4];
  const since = { hours: Math.floor(startHalfHours / 2), minutes: (startHalfHours % 2) * 30 };
  const endMinutes = since.hours * 60 + since.minutes + lengthMinutes;
  const till = { hours: Math.floor(endMinutes / 60), minutes: endMinutes % 60 };
  const workingHours: WeekDayTimeInterval[] = [0, 1, 2, 3, 4, 5, 6].map((day) => ({
    day, checked: workingWeekdays.includes(day), interval: { since: { ...since }, till: { ...till } },
  }));
  const days: Workday[] = [0, 1, 2, 3, 4, 5, 6].map((day) => {
    const working = workingWeekdays.includes(day);
    return {
      weekday: WEEKDAY_NAMES[day] as string, working,
      hours: working ? Math.floor(lengthMinutes / 60) : 0, minutes: working ? lengthMinutes % 60 : 0,
    };
  });
  return {
    id: prng.id(), dateStart: null, dateEnd: null,
    workingDaysSpec: { days, workingHours, notificationHours: null, timezone: { id: zone }, boundWeekdays: null },
  };
}

function generateAbsenceReasons(prng: Prng): AbsenceReason[] {
  const make = (name: string, defaultAvailability: boolean, icon: string): AbsenceReason => ({
    id: prng.id(), name, description: `${name} (Northwind policy)`, defaultAvailability, approvalRequired: !defaultAvailability,
    archived: false, icon,
  });
  return [
    make('Vacation', false, 'vacation'),
    make('Sick leave', false, 'sick'),
    make('Business trip', true, 'travel'),
    make('Conference', true, 'conference'),
    make('Parental leave', false, 'parental'),
  ];
}

/** Named people who are away today (so the demo always shows absences), plus random past/future ones. */
const ABSENT_TODAY: readonly [username: string, reason: string, fromDay: number, toDay: number, description: string][] = [
  ['jonathan.whitaker', 'Vacation', -3, 4, 'Hiking in the Dolomites'],
  ['priya.raghunathan', 'Conference', 0, 1, 'Speaking at SpaceOps'],
  ['soren.ostergaard', 'Sick leave', 0, 0, ''],
  ['taro.yamada', 'Business trip', -1, 2, 'Launch campaign at the Tanegashima site'],
  ['mateo.garcia', 'Parental leave', -40, 50, 'Back in spring'],
];

function generateAbsencePlans(prng: Prng, people: MemberProfile[], reasons: AbsenceReason[]): AbsencePlan[] {
  const reasonByName = new Map(reasons.map((r) => [r.name, r]));
  const plans: AbsencePlan[] = [];
  const add = (member: MemberProfile, reason: AbsenceReason, fromDay: number, toDay: number, description: string): void => {
    plans.push({ id: prng.id(), member, reason, description, fromDay, toDay, available: reason.defaultAvailability, icon: reason.icon ?? 'vacation' });
  };
  for (const [username, reasonName, fromDay, toDay, description] of ABSENT_TODAY) {
    const member = people.find((p) => p.username === username);
    if (member) add(member, reasonByName.get(reasonName) as AbsenceReason, fromDay, toDay, description);
  }
  const named = new Set(ABSENT_TODAY.map(([u]) => u));
  const others = people.filter((p) => !named.has(p.username));
  // A few more away today, and some absences in the past and the future that must not count as "today".
  for (const member of prng.sample(others, 3)) add(member, prng.pick(reasons), -prng.int(0, 2), prng.int(0, 5), 'Out of office');
  for (const member of prng.sample(others, 12)) {
    const future = prng.chance(0.5);
    const start = future ? prng.int(2, 30) : -prng.int(10, 60);
    add(member, prng.pick(reasons), start, start + prng.int(0, 7), future ? 'Planned' : 'Earlier this year');
  }
  return plans;
}
