/** Mappers over the example payloads of space-api.md §10, plus the edge cases real servers produce. */
import { describe, expect, it } from 'vitest';
import { parseBatch } from '../space/paging.ts';
import { Reader, ShapeError, readArray } from '../space/parse.ts';
import { absenceToday } from './person/absence.ts';
import { mapIssue } from './issue/mapper.ts';
import { mapLocation } from './location/mapper.ts';
import { mapPerson } from '../space/mappers/person.ts';
import { mapProject } from './project/mapper.ts';
import { mapRepositoryFound, mapRepositoryInfo } from './repository/mapper.ts';
import { mapReview } from './review/mapper.ts';
import { mapTeam } from './team/mapper.ts';
import { currentSchedule } from './person/working-hours.ts';

const ORIGIN = 'https://space.example.com';
const TODAY = '2024-05-10';

describe('person', () => {
  it('maps §10(a), ignoring unknown fields and inline $errors', () => {
    const person = mapPerson(Reader.of({
      id: '2asfen24Jx6u', username: 'John.Doe', name: { firstName: 'John', lastName: 'Doe' },
      emails: [{ email: 'john.doe@example.com' }], smallAvatar: 'vYK0b1Qisdf2C', avatar: '40uDKb4RHdsst',
      about: 'Backend developer', joined: { iso: '2021-03-01', timestamp: 1614556800000 },
      $errors: [{ className: 'HA_InlineError.InaccessibleFields', fields: ['logins'], message: '…' }],
    }), ORIGIN, TODAY);
    expect(person).toEqual({
      kind: 'person', id: '2asfen24Jx6u', title: 'John Doe', webUrl: 'https://space.example.com/m/John.Doe',
      username: 'John.Doe', firstName: 'John', lastName: 'Doe', avatarId: 'vYK0b1Qisdf2C',
      emails: ['john.doe@example.com'], phones: [], positions: [], teams: [], locations: [], timeZone: null,
    });
  });

  it('keeps current memberships and locations, most specific location first', () => {
    const person = mapPerson(Reader.of({
      id: 'p', username: 'u', name: { firstName: '', lastName: '' }, smallAvatar: null, phones: ['+1 555', 7],
      emails: [{ email: 'a@x' }, { email: 'blocked@x', blocked: true }],
      memberships: [
        { archived: false, team: { id: 't1', name: 'Web' }, role: { name: 'Engineer' } },
        { archived: true, team: { id: 't2', name: 'Old' }, role: { name: 'Intern' } },
        { archived: false, till: { iso: '2024-01-01' }, team: { id: 't3', name: 'Ended' }, role: { name: 'Lead' } },
        { archived: false, team: { id: 't1', name: 'Web' }, role: { name: 'Engineer' } },
      ],
      locations: [
        { archived: false, location: { id: 'r', name: 'Netherlands', type: 'Region', tz: null } },
        { archived: false, location: { id: 'b', name: 'Amsterdam Office', type: 'Building', tz: 'Europe/Amsterdam' } },
        { archived: false, location: { id: 'x', name: 'Moon base', type: 'Crater', tz: null } },
        { archived: true, location: { id: 'o', name: 'Old office', type: 'Room', tz: 'Europe/Berlin' } },
      ],
    }), ORIGIN, TODAY);
    expect(person.title).toBe('u');
    expect(person.emails).toEqual(['a@x']);
    expect(person.phones).toEqual(['+1 555']);
    expect(person.teams).toEqual([{ id: 't1', name: 'Web' }]);
    expect(person.positions).toEqual(['Engineer']);
    expect(person.locations.map((l) => l.id)).toEqual(['b', 'r', 'x']);
    expect(person.timeZone).toBe('Europe/Amsterdam');
  });

  it.each([
    [{ username: 'u', name: { firstName: 'a', lastName: 'b' } }, '$.id'],
    [{ id: 'p', name: { firstName: 'a', lastName: 'b' } }, '$.username'],
    [{ id: 'p', username: 'u' }, '$.name'],
    [{ id: 'p', username: 'u', name: { firstName: 'a' } }, '$.name.lastName'],
  ])('a missing required field is a ShapeError at %#', (raw, path) => {
    expect(() => mapPerson(Reader.of(raw), ORIGIN, TODAY)).toThrow(ShapeError);
    try {
      mapPerson(Reader.of(raw), ORIGIN, TODAY);
    } catch (e) {
      expect((e as ShapeError).path).toBe(path);
    }
  });

  it('leaves out a membership or location whose entity is missing, instead of failing the person', () => {
    const person = mapPerson(Reader.of({
      id: 'p', username: 'u', name: { firstName: 'a', lastName: 'b' },
      memberships: [{ team: null, role: { name: 'Engineer' } }, { team: { id: 't1', name: 'Web' } }, { team: { id: 't2' } }],
      locations: [{ location: null }, { location: { id: 'b', name: 'Amsterdam Office', type: 'Building', tz: 'Europe/Amsterdam' } }],
    }), ORIGIN, TODAY);
    expect(person).toMatchObject({ teams: [{ id: 't1', name: 'Web' }], positions: ['Engineer'], locations: [{ id: 'b' }] });
    // Missing is not withheld: nothing is claimed hidden.
    expect(person.hidden).toBeUndefined();
  });

  it('maps the §10(b) batch', () => {
    const batch = parseBatch({
      next: '2', totalCount: 3, data: [
        { id: '2asfen24Jx6u', username: 'John.Doe', name: { firstName: 'John', lastName: 'Doe' }, smallAvatar: 'vYK0b1Qisdf2C' },
        { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: { firstName: 'Joanna', lastName: 'Smith' }, smallAvatar: null },
      ],
    }, (item) => mapPerson(item, ORIGIN, TODAY));
    expect(batch.items.map((p) => [p.title, p.avatarId])).toEqual([['John Doe', 'vYK0b1Qisdf2C'], ['Joanna Smith', null]]);
    expect(batch.next).toBe('2');
  });
});

describe('location', () => {
  it('maps §10(c), a plain array', () => {
    const locations = readArray([
      { id: '2w9S8K2x3Aqy', name: 'The Netherlands', tz: null, type: 'Region', channelId: null, archived: false },
      { id: '1QnCx00Wb8Zk', name: 'Amsterdam Office', tz: 'Europe/Amsterdam', type: 'Building', channelId: '3Lg7Tq0yGfwd', archived: false },
    ]).map((l) => mapLocation(l, ORIGIN));
    expect(locations[0]).toEqual({
      kind: 'location', id: '2w9S8K2x3Aqy', title: 'The Netherlands', webUrl: 'https://space.example.com/', name: 'The Netherlands',
      type: 'Region', parent: null, timeZone: null, address: null,
    });
    expect(locations[1]).toMatchObject({ timeZone: 'Europe/Amsterdam', webUrl: 'https://space.example.com/im/group/3Lg7Tq0yGfwd' });
  });

  it('falls back to the timezone object and tolerates new location types', () => {
    expect(mapLocation(Reader.of({ id: 'l', name: 'Pod', type: 'Desk', timezone: { id: 'Asia/Tokyo', offset: 0 }, address: '  ' }), ORIGIN))
      .toMatchObject({ type: 'Desk', timeZone: 'Asia/Tokyo', address: null });
  });
});

describe('issue', () => {
  const raw = {
    id: '3nS0Ac1vOv2T', number: 123, title: 'Login page throws 500 on empty password',
    status: { id: '1Xu2vN0sd8Ut', name: 'In Progress', resolved: false, color: '3e76b5' },
    assignee: { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: { firstName: 'Joanna', lastName: 'Smith' } },
    createdBy: { name: 'John.Doe', details: { className: 'CUserPrincipalDetails', user: { id: '2asfen24Jx6u', username: 'John.Doe' } } },
    creationTime: { iso: '2024-05-10T19:14:16.438Z', timestamp: 1715368456438 },
    dueDate: null,
    projectRef: { key: { key: 'ABC' }, name: 'Alpha Backend' },
  };

  it('maps §10(d)', () => {
    expect(mapIssue(Reader.of(raw), ORIGIN, 'ABC')).toEqual({
      kind: 'issue', id: '3nS0Ac1vOv2T', title: 'Login page throws 500 on empty password',
      webUrl: 'https://space.example.com/p/ABC/issues/123', projectKey: 'ABC', number: 123, key: 'ABC-T-123',
      status: { name: 'In Progress', resolved: false, color: '#3e76b5' },
      assignee: { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: 'Joanna Smith' }, dueDate: null, createdAt: 1715368456438,
    });
  });

  it('follows a moved issue to its new project and drops odd colours', () => {
    const moved = { ...raw, projectRef: { key: { key: 'xyz' } }, status: { ...raw.status, color: 'red;background:url(x)' }, dueDate: { iso: '2024-06-01' } };
    expect(mapIssue(Reader.of(moved), ORIGIN, 'ABC')).toMatchObject({
      projectKey: 'XYZ', key: 'XYZ-T-123', webUrl: 'https://space.example.com/p/XYZ/issues/123',
      status: { color: null }, dueDate: '2024-06-01',
    });
  });

  it('rejects a non-integer number', () => {
    expect(() => mapIssue(Reader.of({ ...raw, number: 1.5 }), ORIGIN, 'ABC')).toThrow(ShapeError);
  });
});

describe('review', () => {
  it('maps the §10(e) list item', () => {
    const batch = parseBatch({
      next: '1', totalCount: 7, data: [{
        review: {
          className: 'MergeRequestRecord', id: '13E9bi0xGPvU', number: 188, title: 'Fix authentication bug', state: 'Opened',
          createdAt: 1736937000000, branchPairs: [{ sourceBranch: 'jdoe/fix-auth', targetBranch: 'main', repository: 'backend' }],
        },
        messagesCount: 4,
      }],
    }, (item) => mapReview(item.obj('review'), ORIGIN, 'ABC'));
    expect(batch.items[0]).toEqual({
      kind: 'review', id: '13E9bi0xGPvU', title: 'Fix authentication bug', webUrl: 'https://space.example.com/p/ABC/reviews/188',
      projectKey: 'ABC', number: 188, key: 'ABC-MR-188', state: 'Opened', type: 'merge-request',
      branches: { source: 'jdoe/fix-auth', target: 'main', repository: 'backend' }, author: null, createdAt: 1736937000000,
    });
  });

  it('maps a commit-set review and an unknown subtype', () => {
    const base = { id: 'r', number: 5, title: 'T', state: 'Closed', createdAt: 1, project: { key: 'ABC' } };
    expect(mapReview(Reader.of({ ...base, className: 'CommitSetReviewRecord' }), ORIGIN, 'ABC')).toMatchObject({ type: 'commit-set', key: 'ABC-CR-5', branches: null });
    expect(mapReview(Reader.of({ ...base, className: 'FutureReview', branchPairs: [] }), ORIGIN, 'ABC')).toMatchObject({ type: 'merge-request' });
  });
});

describe('project, repository, team', () => {
  it('maps a project; key is an object', () => {
    expect(mapProject(Reader.of({ id: 'p1', key: { key: 'ABC' }, name: 'Alpha', private: true, repos: [{ name: 'backend' }] }), ORIGIN))
      .toEqual({ kind: 'project', id: 'p1', title: 'Alpha', webUrl: 'https://space.example.com/p/ABC', key: 'ABC', name: 'Alpha', description: '', private: true, repositories: ['backend'] });
    expect(() => mapProject(Reader.of({ id: 'p1', key: 'ABC', name: 'Alpha' }), ORIGIN)).toThrow(ShapeError);
  });

  it('maps both repository shapes', () => {
    expect(mapRepositoryFound(Reader.of({ projectKey: 'ABC', repository: 'backend', starred: true }), ORIGIN))
      .toMatchObject({ id: 'ABC/backend', name: 'backend', description: '', webUrl: 'https://space.example.com/p/ABC/repositories/backend' });
    expect(mapRepositoryInfo(Reader.of({
      name: 'backend', description: 'Kotlin', latestActivity: { iso: '2024-05-10T00:00:00Z', timestamp: 1715299200000 },
      defaultBranch: { head: 'refs/heads/main', ref: 'abc' },
    }), ORIGIN, 'ABC')).toMatchObject({ description: 'Kotlin', defaultBranch: 'main', latestActivity: 1715299200000 });
  });

  it('maps a team with and without memberships', () => {
    const row = mapTeam(Reader.of({ id: 't', name: 'Web Platform', description: 'UI', parent: { id: 'e', name: 'Engineering' } }), ORIGIN, TODAY);
    expect(row).toMatchObject({ lead: null, memberCount: null, parent: { id: 'e', name: 'Engineering' } });
    const member = (id: string, lead = false, archived = false) => ({ lead, archived, member: { id, username: id, name: { firstName: id, lastName: 'X' } } });
    const card = mapTeam(Reader.of({
      id: 't', name: 'Web Platform', description: 'UI',
      memberships: [member('a'), member('b', true), member('a'), member('c', true, true), { ...member('d'), till: { iso: '2020-01-01' } }],
    }), ORIGIN, TODAY);
    expect(card).toMatchObject({ lead: { id: 'b', username: 'b', name: 'b X' }, memberCount: 2 });
  });
});

describe('working hours and absences', () => {
  const slot = (day: number, since: [number, number], till: [number, number], checked = true) =>
    ({ day, checked, interval: { since: { hours: since[0], minutes: since[1] }, till: { hours: till[0], minutes: till[1] } } });

  it('picks the schedule in force today and converts it to minutes', () => {
    const entries = [
      { dateStart: { iso: '2020-01-01' }, dateEnd: { iso: '2023-12-31' }, workingDaysSpec: { workingHours: [slot(1, [6, 0], [14, 0])] } },
      { dateStart: { iso: '2024-01-01' }, dateEnd: null, workingDaysSpec: {
        workingHours: [slot(2, [9, 30], [17, 0]), slot(1, [9, 0], [17, 0]), slot(6, [10, 0], [12, 0], false), slot(5, [22, 0], [6, 0])],
        timezone: { id: 'Europe/Berlin' },
      } },
    ].map((e) => Reader.of(e));
    expect(currentSchedule(entries, TODAY)).toEqual({
      hours: { days: [{ weekday: 1, from: 540, to: 1020 }, { weekday: 2, from: 570, to: 1020 }, { weekday: 5, from: 1320, to: 1800 }] },
      timeZone: 'Europe/Berlin',
    });
  });

  it('never makes a fractional minute of the day: a fractional `minutes` (int32 in the spec) is an unexpected answer', () => {
    const entry = Reader.of({ dateStart: { iso: '2024-01-01' }, dateEnd: null, workingDaysSpec: { workingHours: [slot(5, [22, 0.5], [6, 0])] } });
    expect(() => currentSchedule([entry], TODAY)).toThrow(ShapeError);
  });

  it('has no schedule when none covers today', () => {
    expect(currentSchedule([Reader.of({ dateStart: { iso: '2030-01-01' }, workingDaysSpec: { workingHours: [] } })], TODAY)).toBeNull();
    expect(currentSchedule([], TODAY)).toBeNull();
  });

  it('finds the absence covering today, preferring an unavailable one', () => {
    const absence = (since: string, till: string, reason: string, available = false, archived = false) =>
      Reader.of({ since: { iso: since }, till: { iso: till }, reason: { name: reason }, available, archived });
    expect(absenceToday([
      absence('2024-05-01', '2024-05-09', 'Past'),
      absence('2024-05-08', '2024-05-12', 'Business trip', true),
      absence('2024-05-10', '2024-05-10', 'Sick leave'),
      absence('2024-05-09', '2024-05-11', 'Archived', false, true),
    ], TODAY)).toEqual({ reason: 'Sick leave', until: '2024-05-10' });
    expect(absenceToday([absence('2024-05-11', '2024-05-12', 'Future')], TODAY)).toBeNull();
    expect(absenceToday([Reader.of({ since: { iso: TODAY }, till: { iso: TODAY }, description: 'Dentist' })], TODAY))
      .toEqual({ reason: 'Dentist', until: TODAY });
  });
});
