/**
 * Fields Space withheld from a limited token: left out of the object and listed in its inline `$errors`
 * (space-api.md §3, §12 [C]). Mappers never fail for them, keep everything still visible, and name what
 * was lost in `hidden`. Examples first, then a property over every mapper.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Reader, ShapeError } from '../space/parse.ts';
import { absenceToday } from './person/absence.ts';
import { mapArticle } from './article/mapper.ts';
import { mapChannel } from './channel/mapper.ts';
import { mapCodeMatch } from './code/mapper.ts';
import { HiddenFields } from '../space/mappers/common.ts';
import { mapIssue } from './issue/mapper.ts';
import { mapLocation } from './location/mapper.ts';
import { mapPerson } from '../space/mappers/person.ts';
import { mapProject } from './project/mapper.ts';
import { mapRepositoryInfo } from './repository/mapper.ts';
import { mapReview } from './review/mapper.ts';
import { mapTeam } from './team/mapper.ts';
import { currentSchedule } from './person/working-hours.ts';

const ORIGIN = 'https://space.example.com';
const TODAY = '2024-05-10';

type Json = Record<string, unknown>;

/** `fields` of `object` replaced by a `$errors` entry naming them, as Space sends it. */
function withheld(object: Json, fields: string[]): Json {
  const copy: Json = { ...object };
  for (const field of fields) delete copy[field];
  copy.$errors = [{ className: 'HA_InlineError.InaccessibleFields', fields, message: `Could not access following fields: ${fields.join(', ')}` }];
  return copy;
}

/** What the demo server's restricted mode sends for a nested profile: only the id. */
const restrictedProfile = (id: string): Json => withheld({ id, username: 'x', name: {} }, ['username', 'name']);

const joanna = { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: { firstName: 'Joanna', lastName: 'Smith' } };

const issue: Json = {
  id: '3nS0Ac1vOv2T', number: 123, title: 'Login page throws 500 on empty password',
  status: { name: 'In Progress', resolved: false, color: '3e76b5' },
  assignee: joanna, dueDate: { iso: '2024-06-01' },
  creationTime: { iso: '2024-05-10T19:14:16.438Z', timestamp: 1715368456438 },
  projectRef: { key: { key: 'ABC' } },
};

const review: Json = {
  className: 'MergeRequestRecord', id: '13E9bi0xGPvU', number: 188, title: 'Fix authentication bug', state: 'Closed',
  createdAt: 1736937000000, project: { key: 'ABC' }, createdBy: joanna,
  branchPairs: [{ sourceBranch: 'jdoe/fix-auth', targetBranch: 'main', repository: 'backend' }],
};

describe('nested profiles a limited token may not read', () => {
  it('an assignee with only its id is an anonymous reference, and the issue says the assignee is hidden', () => {
    const mapped = mapIssue(Reader.of({ ...issue, assignee: restrictedProfile('4TUpet38n3Ow') }), ORIGIN, 'ABC');
    expect(mapped.assignee).toEqual({ id: '4TUpet38n3Ow', username: null, name: null });
    expect(mapped.hidden).toEqual(['assignee']);
    expect(mapped).toMatchObject({ key: 'ABC-T-123', title: issue.title, status: { name: 'In Progress' } });
  });

  it('a review author with only its id, and one with its name but not its username', () => {
    expect(mapReview(Reader.of({ ...review, createdBy: restrictedProfile('a1') }), ORIGIN, 'ABC'))
      .toMatchObject({ author: { id: 'a1', username: null, name: null }, hidden: ['author'], state: 'Closed' });
    const named = withheld(joanna, ['username']);
    expect(mapReview(Reader.of({ ...review, createdBy: named }), ORIGIN, 'ABC').author)
      .toEqual({ id: '4TUpet38n3Ow', username: null, name: 'Joanna Smith' });
  });

  it('a team lead and members with only their ids still count, and the lead is an anonymous reference', () => {
    const team = mapTeam(Reader.of({
      id: 't', name: 'Web', description: '',
      memberships: [
        { lead: true, archived: false, member: restrictedProfile('m1') },
        { lead: false, archived: false, member: restrictedProfile('m2') },
        { lead: false, archived: false, member: restrictedProfile('m2') },
      ],
    }), ORIGIN, TODAY);
    expect(team).toMatchObject({ lead: { id: 'm1', username: null, name: null }, memberCount: 2, hidden: ['lead'] });
  });

  it('a non-lead member with hidden fields does not make the lead hidden', () => {
    const team = mapTeam(Reader.of({
      id: 't', name: 'Web', description: '',
      memberships: [{ lead: true, member: joanna }, { lead: false, member: restrictedProfile('m2') }],
    }), ORIGIN, TODAY);
    expect(team).toMatchObject({ lead: { username: 'Joanna.Smith' }, memberCount: 2 });
    expect(team.hidden).toBeUndefined();
  });

  it('a nested profile with nothing at all is still a reference: someone is assigned', () => {
    expect(mapIssue(Reader.of({ ...issue, assignee: {} }), ORIGIN, 'ABC').assignee).toEqual({ id: null, username: null, name: null });
    expect(mapIssue(Reader.of({ ...issue, assignee: { id: 'x', username: 7, name: 'Jo' } }), ORIGIN, 'ABC').assignee)
      .toEqual({ id: 'x', username: null, name: null });
  });

  it('names missing or blank are null, not the username', () => {
    const ref = mapIssue(Reader.of({ ...issue, assignee: { id: 'x', username: 'jo', name: { firstName: ' ', lastName: '' } } }), ORIGIN, 'ABC').assignee;
    expect(ref).toEqual({ id: 'x', username: 'jo', name: null });
  });

  it('an assignee field withheld as a whole: unknown (null), and hidden', () => {
    const mapped = mapIssue(Reader.of(withheld(issue, ['assignee'])), ORIGIN, 'ABC');
    expect(mapped).toMatchObject({ assignee: null, hidden: ['assignee'] });
    expect(mapIssue(Reader.of({ ...issue, assignee: null }), ORIGIN, 'ABC')).not.toHaveProperty('hidden');
  });
});

describe('top-level identity', () => {
  it('still fails when absent and not withheld', () => {
    const { id: _id, ...noId } = issue;
    expect(() => mapIssue(Reader.of(noId), ORIGIN, 'ABC')).toThrow(ShapeError);
    const { title: _title, ...noTitle } = issue;
    expect(() => mapIssue(Reader.of(noTitle), ORIGIN, 'ABC')).toThrow(ShapeError);
    expect(() => mapPerson(Reader.of({ id: 'p', name: { firstName: 'a', lastName: 'b' } }), ORIGIN, TODAY)).toThrow(ShapeError);
  });

  it('degrades when withheld: the key stands in for a title and an id', () => {
    const mapped = mapIssue(Reader.of(withheld(issue, ['title', 'id'])), ORIGIN, 'ABC');
    expect(mapped).toMatchObject({ id: 'ABC-T-123', title: 'ABC-T-123', key: 'ABC-T-123', hidden: ['id', 'title'] });
  });

  it('a withheld number is the one the lookup asked for; unknown, the link goes to the project', () => {
    expect(mapIssue(Reader.of(withheld(issue, ['number'])), ORIGIN, 'ABC', 123))
      .toMatchObject({ number: 123, key: 'ABC-T-123', webUrl: `${ORIGIN}/p/ABC/issues/123` });
    expect(mapReview(Reader.of(withheld(review, ['number'])), ORIGIN, 'ABC'))
      .toMatchObject({ number: 0, key: '', webUrl: `${ORIGIN}/p/ABC`, hidden: ['key', 'number'] });
  });

  it('a person whose username is withheld keeps the rest and links home', () => {
    const person = mapPerson(Reader.of(withheld({ ...joanna, emails: [{ email: 'j@x' }] }, ['username'])), ORIGIN, TODAY);
    expect(person).toMatchObject({ id: joanna.id, username: '', title: 'Joanna Smith', webUrl: `${ORIGIN}/`, emails: ['j@x'], hidden: ['username'] });
  });
});

describe('person details', () => {
  it('names what was withheld, in domain terms, sorted and unique', () => {
    const person = mapPerson(Reader.of(withheld({
      ...joanna,
      memberships: [
        withheld({ archived: false, team: { id: 't1', name: 'Web' }, role: { name: 'Engineer' } }, ['role']),
        { archived: false, team: withheld({ id: 't2', name: 'Ops' }, ['name']) },
        { archived: false, team: { id: 't3', name: 'Data' } },
      ],
      emails: [{ email: 'a@x' }, withheld({ email: 'b@x', blocked: false }, ['email'])],
    }, ['phones', 'locations'])), ORIGIN, TODAY);
    expect(person).toMatchObject({
      teams: [{ id: 't1', name: 'Web' }, { id: 't3', name: 'Data' }], positions: [], emails: ['a@x'], phones: [], locations: [],
      hidden: ['emails', 'locations', 'phones', 'positions', 'teams', 'timeZone'],
    });
  });

  it('a malformed $errors is ignored, never a failure', () => {
    for (const $errors of [null, 'x', [null, 1, { fields: 'username' }, { fields: [3, null] }], { fields: ['username'] }]) {
      expect(mapPerson(Reader.of({ ...joanna, $errors }), ORIGIN, TODAY)).not.toHaveProperty('hidden');
    }
  });
});

describe('working hours and absences', () => {
  const slot = (day: number) => ({ day, checked: true, interval: { since: { hours: 9, minutes: 0 }, till: { hours: 17, minutes: 0 } } });

  it('a slot without its times is left out; the schedule says so', () => {
    const hidden = new HiddenFields();
    const schedule = currentSchedule([Reader.of({
      dateStart: { iso: '2024-01-01' },
      workingDaysSpec: { workingHours: [slot(1), { ...slot(2), interval: withheld(slot(2).interval, ['till']) }], timezone: withheld({ id: 'x' }, ['id']) },
    })], TODAY, hidden);
    expect(schedule).toEqual({ hours: { days: [{ weekday: 1, from: 540, to: 1020 }] }, timeZone: null });
    expect(hidden.list()).toEqual(['timeZone', 'workingHours']);
  });

  it('an absence whose dates are withheld cannot be placed: unknown, and hidden', () => {
    const hidden = new HiddenFields();
    expect(absenceToday([Reader.of(withheld({ since: { iso: TODAY }, till: { iso: TODAY }, reason: { name: 'Sick' } }, ['since', 'till']))], TODAY, hidden))
      .toBeNull();
    expect(hidden.list()).toEqual(['absence']);
  });
});

// ---------------------------------------------------------------------------------------------------------
// The property: any subset of the fields of any object (nested or not) replaced by a `$errors` entry listing
// them never throws, and every domain field that differs from the unrestricted result is named in `hidden`.

type Path = (string | number)[];

/** Every object in `value`, the root included, with its path. */
function objectPaths(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, i]));
  if (typeof value !== 'object' || value === null) return [];
  return [path, ...Object.entries(value).flatMap(([key, child]) => objectPaths(child, [...path, key]))];
}

function at(value: unknown, path: Path): Json {
  return path.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], value) as Json;
}

/** A copy of `raw` where each selected object has its selected fields withheld (deepest first). */
function restrict(raw: unknown, selections: [Path, string[]][]): unknown {
  let copy = structuredClone(raw);
  for (const [path, fields] of [...selections].sort((a, b) => b[0].length - a[0].length)) {
    if (fields.length === 0) continue;
    if (path.length === 0) {
      copy = withheld(copy as Json, fields);
      continue;
    }
    const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path[path.length - 1] as string | number;
    parent[key] = withheld(parent[key] as Json, fields);
  }
  return copy;
}

/** For each object of `raw`, any subset of its own fields. */
function selectionsOf(raw: unknown): fc.Arbitrary<[Path, string[]][]> {
  const paths = objectPaths(raw);
  return fc.tuple(...paths.map((path) => fc.subarray(Object.keys(at(raw, path))))).map((subsets) =>
    paths.map((path, i) => [path, subsets[i] ?? []] as [Path, string[]]));
}

/** Derived from several fields: allowed to change whenever anything is hidden. */
const DERIVED: Record<string, (hidden: string[]) => boolean> = {
  title: (h) => h.length > 0,
  // A location's link comes from its chat channel when it has one, the home page otherwise (checked below).
  webUrl: () => true,
  key: (h) => h.length > 0,
  // A person's zone is guessed from locations; a schedule's zone belongs to its working hours.
  timeZone: (h) => h.includes('timeZone') || h.includes('locations') || h.includes('workingHours'),
};

function checkRestricted<T extends object>(raw: unknown, map: (raw: unknown) => T & { hidden?: string[] }) {
  const full = map(raw);
  expect(full.hidden).toBeUndefined();
  fc.assert(fc.property(selectionsOf(raw), (selections) => {
    const restricted = restrict(raw, selections);
    const got = map(restricted);
    const hidden = got.hidden ?? [];
    expect(hidden).toEqual([...new Set(hidden)].sort());
    const { webUrl } = got as { webUrl?: unknown };
    if (webUrl !== undefined) expect(String(webUrl).startsWith(`${ORIGIN}/`)).toBe(true);
    for (const key of new Set([...Object.keys(full), ...Object.keys(got)])) {
      if (key === 'hidden') continue;
      const same = JSON.stringify((full as Json)[key]) === JSON.stringify((got as Json)[key]);
      if (same) continue;
      const allowed = DERIVED[key]?.(hidden) ?? hidden.includes(key);
      expect(allowed, `${key} changed without being named hidden (${hidden.join(', ')})`).toBe(true);
    }
  }), { numRuns: 300 });
}

const profile = (id: string, first: string) => ({ id, username: id, name: { firstName: first, lastName: 'X' } });

const rawPerson = {
  id: 'p1', username: 'zoe', name: { firstName: 'Zoë', lastName: 'Lambert' }, smallAvatar: 'av1', phones: ['+31 20'],
  emails: [{ email: 'zoe@x', blocked: false }, { email: 'old@x', blocked: true }],
  memberships: [
    { archived: false, till: null, team: { id: 't1', name: 'Web' }, role: { name: 'Engineer' } },
    { archived: false, till: { iso: '2020-01-01' }, team: { id: 't2', name: 'Old' }, role: { name: 'Intern' } },
    { archived: true, till: null, team: { id: 't3', name: 'Gone' }, role: { name: 'Lead' } },
  ],
  locations: [
    { archived: false, till: null, location: { id: 'r', name: 'Netherlands', type: 'Region', tz: 'Europe/Amsterdam' } },
    { archived: false, till: null, location: { id: 'b', name: 'Amsterdam Office', type: 'Building', tz: 'Europe/Berlin' } },
  ],
};

const rawTeam = {
  id: 't', name: 'Web Platform', description: 'UI', parent: { id: 'e', name: 'Engineering' },
  memberships: [
    { lead: false, archived: false, till: null, member: profile('a', 'Ann') },
    { lead: true, archived: false, till: null, member: profile('b', 'Bo') },
    { lead: false, archived: false, till: null, member: profile('a', 'Ann') },
    { lead: true, archived: true, till: null, member: profile('c', 'Cy') },
    { lead: false, archived: false, till: { iso: '2020-01-01' }, member: profile('d', 'Di') },
  ],
};

const rawLocation = {
  id: 'l', name: 'Amsterdam Office', type: 'Building', tz: 'Europe/Amsterdam', timezone: { id: 'Europe/Amsterdam' },
  address: 'Street 1', channelId: 'ch1', archived: false, parent: { id: 'r', name: 'Netherlands' },
};

const rawProject = { id: 'pr', key: { key: 'ABC' }, name: 'Alpha', description: 'Core', private: true, archived: false, repos: [{ name: 'backend' }, { name: 'web' }] };

const rawRepository = { name: 'backend', description: 'Kotlin', latestActivity: { iso: '2024-05-10T00:00:00Z', timestamp: 1715299200000 }, defaultBranch: { head: 'refs/heads/main' } };

const rawCommitSet = { ...review, className: 'CommitSetReviewRecord', branchPairs: [] };

const rawSchedules = [
  { dateStart: { iso: '2020-01-01' }, dateEnd: { iso: '2023-12-31' }, workingDaysSpec: { workingHours: [{ day: 1, checked: true, interval: { since: { hours: 6, minutes: 0 }, till: { hours: 14, minutes: 0 } } }] } },
  { dateStart: { iso: '2024-01-01' }, dateEnd: null, workingDaysSpec: {
    workingHours: [
      { day: 1, checked: true, interval: { since: { hours: 9, minutes: 30 }, till: { hours: 17, minutes: 0 } } },
      { day: 6, checked: false, interval: { since: { hours: 10, minutes: 0 }, till: { hours: 12, minutes: 0 } } },
      { day: 5, checked: true, interval: { since: { hours: 22, minutes: 0 }, till: { hours: 6, minutes: 0 } } },
    ],
    timezone: { id: 'Europe/Berlin' },
  } },
];

const rawAbsences = [
  { archived: false, since: { iso: '2024-05-01' }, till: { iso: '2024-05-09' }, available: false, reason: { name: 'Past' }, description: 'd1' },
  { archived: false, since: { iso: '2024-05-08' }, till: { iso: '2024-05-12' }, available: true, reason: { name: 'Business trip' }, description: 'd2' },
  { archived: false, since: { iso: '2024-05-10' }, till: { iso: '2024-05-10' }, available: false, reason: { name: 'Sick leave' }, description: 'd3' },
  { archived: true, since: { iso: '2024-05-09' }, till: { iso: '2024-05-11' }, available: false, reason: { name: 'Archived' }, description: 'd4' },
];

const rawChannel = {
  channelId: 'ch1', name: 'zenith-lounge', description: 'Night shift', subscribers: 12, subscribed: true, archived: false,
  lastMessageTime: { iso: '2024-05-10T08:00:00.000Z', timestamp: 1715328000000 },
};

const rawArticle = {
  id: 'a1', title: 'Two weeks in Kourou', created: { iso: '2024-05-01T09:00:00.000Z', timestamp: 1714554000000 },
  author: joanna, preview: 'Launch campaign diary',
  teams: [{ id: 't1', name: 'Mission Control' }, { id: 't2', name: 'Ground Systems' }], locations: [{ id: 'l1', name: 'Berlin Office' }],
};

const rawCode = {
  project: { key: { key: 'NAV' } }, repository: 'nav-core',
  file: { path: 'src/main/kotlin/AlbedoCorrection.kt', commit: 'a1b2c3' },
  lines: [{ start: 11, length: 1 }, { start: 14, length: 1 }],
  content: { lines: [
    { text: '', index: 10, offset: 300 },
    { text: 'fun albedoCorrection(x: Double) =', index: 11, offset: 301 },
    { text: '  x * ALBEDO', index: 12, offset: 335 },
    { text: '// albedo again', index: 14, offset: 360 },
  ] },
};

/** Non-entity results, checked the same way: what changed must be named by the `hidden` the mapper filled. */
function scheduleOf(raw: unknown) {
  const hidden = new HiddenFields();
  const schedule = currentSchedule((raw as unknown[]).map((e) => Reader.of(e)), TODAY, hidden);
  const result = { workingHours: schedule?.hours ?? null, timeZone: schedule?.timeZone ?? null };
  return hidden.list().length > 0 ? { ...result, hidden: hidden.list() } : result;
}

function absenceOf(raw: unknown) {
  const hidden = new HiddenFields();
  const result = { absence: absenceToday((raw as unknown[]).map((e) => Reader.of(e)), TODAY, hidden) };
  return hidden.list().length > 0 ? { ...result, hidden: hidden.list() } : result;
}

describe('property: withheld fields never fail a mapper and are always named', () => {
  type Mapper = (raw: unknown) => { hidden?: string[] };
  it.each<[string, unknown, Mapper]>([
    ['person', rawPerson, (raw: unknown) => mapPerson(Reader.of(raw), ORIGIN, TODAY)],
    ['team', rawTeam, (raw: unknown) => mapTeam(Reader.of(raw), ORIGIN, TODAY)],
    ['location', rawLocation, (raw: unknown) => mapLocation(Reader.of(raw), ORIGIN)],
    ['project', rawProject, (raw: unknown) => mapProject(Reader.of(raw), ORIGIN)],
    ['issue', issue, (raw: unknown) => mapIssue(Reader.of(raw), ORIGIN, 'ABC')],
    ['issue by number', { ...issue, projectRef: { key: { key: 'XYZ' } } }, (raw: unknown) => mapIssue(Reader.of(raw), ORIGIN, 'ABC', 123)],
    ['repository', rawRepository, (raw: unknown) => mapRepositoryInfo(Reader.of(raw), ORIGIN, 'ABC', 'backend')],
    ['merge request', review, (raw: unknown) => mapReview(Reader.of(raw), ORIGIN, 'ABC')],
    ['commit-set review', rawCommitSet, (raw: unknown) => mapReview(Reader.of(raw), ORIGIN, 'ABC')],
    ['chat channel', rawChannel, (raw: unknown) => mapChannel(Reader.of(raw), ORIGIN)],
    ['blog article', rawArticle, (raw: unknown) => mapArticle(Reader.of(raw), ORIGIN)],
    ['code match', rawCode, (raw: unknown) => mapCodeMatch(Reader.of(raw), ORIGIN)],
  ])('%s', (_name, raw, map) => {
    checkRestricted(raw, map);
  });

  it('working hours', () => {
    checkRestricted(rawSchedules, scheduleOf);
  });

  it('absences', () => {
    checkRestricted(rawAbsences, absenceOf);
  });
});
