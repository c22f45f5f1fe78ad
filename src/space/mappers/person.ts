/** TD_MemberProfile → Person (space-api.md §2b). */
import { batchFields } from '../fields.ts';
import type { Reader } from '../parse.ts';
import type { Person } from '../types.ts';
import { profileUrl } from '../web-urls.ts';
import { fullName, localIsoDay } from './common.ts';

/**
 * Everything a person row and card show, in one request: memberships and member locations are entity
 * collections Space leaves out unless named (space-api.md §3), so they are named here.
 */
export const PERSON_FIELDS = 'id,username,name(firstName,lastName),smallAvatar,emails(email,blocked),phones,'
  + 'memberships(archived,till,team(id,name),role(name)),locations(archived,till,location(id,name,type,tz))';
export const PERSON_BATCH_FIELDS = batchFields(PERSON_FIELDS);

/** Most specific first; unknown (newer) types sort after the known ones. */
const LOCATION_SPECIFICITY = ['ConferenceRoom', 'Room', 'Floor', 'Building', 'Campus', 'Region'];

export function mapPerson(profile: Reader, origin: string, today: string = localIsoDay()): Person {
  const id = profile.id('id');
  const username = profile.id('username');
  const name = profile.obj('name');
  const firstName = name.str('firstName');
  const lastName = name.str('lastName');

  const current = (entry: Reader) => !entry.optBool('archived', false) && !endedBefore(entry.optDate('till'), today);

  const memberships = profile.objects('memberships').filter(current);
  const teams = uniqueById(memberships.map((m) => {
    const team = m.obj('team');
    return { id: team.id('id'), name: team.str('name') };
  }));
  const positions = unique(memberships.map((m) => m.optObj('role')?.optStr('name') ?? '').filter((n) => n !== ''));

  const located = profile.objects('locations').filter(current).map((entry) => {
    const location = entry.obj('location');
    return {
      id: location.id('id'),
      name: location.str('name'),
      rank: rankOf(location.optStr('type')),
      tz: location.optStr('tz'),
    };
  }).sort((a, b) => a.rank - b.rank);

  return {
    kind: 'person',
    id,
    title: fullName(firstName, lastName, username),
    webUrl: profileUrl(origin, username),
    username,
    firstName,
    lastName,
    avatarId: profile.optStr('smallAvatar'),
    emails: profile.objects('emails').filter((e) => !e.optBool('blocked', false)).map((e) => e.str('email')),
    phones: profile.strings('phones'),
    positions,
    teams,
    locations: uniqueById(located.map(({ id: locationId, name: locationName }) => ({ id: locationId, name: locationName }))),
    // The location's zone is a first guess; `person()` replaces it with the profile's own zone.
    timeZone: located.find((l) => l.tz !== null && l.tz !== '')?.tz ?? null,
  };
}

function endedBefore(till: string | null, today: string): boolean {
  return till !== null && till < today;
}

function rankOf(type: string | null): number {
  const i = type === null ? -1 : LOCATION_SPECIFICITY.indexOf(type);
  return i === -1 ? LOCATION_SPECIFICITY.length : i;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && (seen.add(item.id), true));
}
