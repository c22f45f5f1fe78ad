/** TD_MemberProfile → Person (space-api.md §2b). */
import { batchFields } from '../fields.ts';
import type { Reader } from '../parse.ts';
import type { Person } from '../types.ts';
import { profileUrl } from '../web-urls.ts';
import { HiddenFields, fullName, idNameRef, localIsoDay } from './common.ts';

/**
 * Everything a person row and card show, in one request: memberships and member locations are entity
 * collections Space leaves out unless named (space-api.md §3), so they are named here.
 */
export const PERSON_FIELDS = 'id,username,name(firstName,lastName),smallAvatar,emails(email,blocked),phones,'
  + 'memberships(archived,till,team(id,name),role(name)),locations(archived,till,location(id,name,type,tz))';
export const PERSON_BATCH_FIELDS = batchFields(PERSON_FIELDS);

/** Most specific first; unknown (newer) types sort after the known ones. */
const LOCATION_SPECIFICITY = ['ConferenceRoom', 'Room', 'Floor', 'Building', 'Campus', 'Region'];

/**
 * A profile read at the top level (a search row, a card, `me`). Its id and username are required unless
 * Space lists them in `$errors` (then one stands in for the other and the link goes to the home page); the
 * name likewise (then the username is the title). Teams, positions, locations, e-mails and phones are
 * optional detail: whatever Space withheld is left out and named in `hidden`, never a failure.
 */
export function mapPerson(profile: Reader, origin: string, today: string = localIsoDay()): Person {
  const hidden = new HiddenFields();
  hidden.check(profile, 'username', 'username');
  hidden.check(profile, 'id', 'id');
  const idOrNull = profile.withheld('id') ? null : profile.id('id');
  const username = profile.idOr('username', '');
  const id = idOrNull ?? username;
  const name = hidden.check(profile, 'name', 'firstName', 'lastName') ? null : profile.obj('name');
  hidden.check(name, 'firstName', 'firstName');
  hidden.check(name, 'lastName', 'lastName');
  const firstName = name?.strOr('firstName', '') ?? '';
  const lastName = name?.strOr('lastName', '') ?? '';

  const current = (entry: Reader, ...as: string[]) => {
    // Without `archived`/`till` an ended membership can't be told from a current one: left out, and marked.
    if (hidden.checkWithin(entry, ['archived', 'till'], ...as)) return false;
    return !entry.optBool('archived', false) && !endedBefore(entry.optDate('till'), today);
  };
  hidden.check(profile, 'memberships', 'teams', 'positions');
  const memberships = profile.looseObjects('memberships').filter((m) => current(m, 'teams', 'positions'));
  const teams = uniqueById(memberships.flatMap((m) => {
    hidden.check(m, 'team', 'teams');
    const team = idNameRef(m.looseObj('team'), hidden, 'teams');
    return team ? [team] : [];
  }));
  const positions = unique(memberships.map((m) => {
    hidden.check(m, 'role', 'positions');
    const role = m.looseObj('role');
    hidden.check(role, 'name', 'positions');
    return role?.looseStr('name') ?? '';
  }).filter((n) => n !== ''));

  hidden.check(profile, 'locations', 'locations', 'timeZone');
  const located = profile.looseObjects('locations').filter((entry) => current(entry, 'locations')).flatMap((entry) => {
    hidden.check(entry, 'location', 'locations');
    const location = entry.looseObj('location');
    const ref = idNameRef(location, hidden, 'locations');
    if (!location || !ref) return [];
    // The order (most specific first) and the zone guess need these two.
    hidden.check(location, 'type', 'locations');
    hidden.check(location, 'tz', 'timeZone');
    return [{ ...ref, rank: rankOf(location.looseStr('type')), tz: location.looseStr('tz') }];
  }).sort((a, b) => a.rank - b.rank);

  hidden.check(profile, 'emails', 'emails');
  const emails = profile.looseObjects('emails').flatMap((e) => {
    // A withheld `blocked` flag could hide a blocked address: left out rather than shown.
    if (hidden.check(e, ['email', 'blocked'], 'emails')) return [];
    const email = e.looseStr('email');
    return email === null || email === '' || e.optBool('blocked', false) ? [] : [email];
  });
  hidden.check(profile, 'phones', 'phones');
  hidden.check(profile, 'smallAvatar', 'avatarId');

  return hidden.apply<Person>({
    kind: 'person',
    id,
    title: fullName(firstName, lastName, username || id),
    webUrl: username === '' ? new URL('/', origin).href : profileUrl(origin, username),
    username,
    firstName,
    lastName,
    avatarId: profile.optStr('smallAvatar'),
    emails,
    phones: profile.strings('phones'),
    positions,
    teams,
    locations: uniqueById(located.map(({ id: locationId, name: locationName }) => ({ id: locationId, name: locationName }))),
    // The location's zone is a first guess; `person()` replaces it with the profile's own zone.
    timeZone: located.find((l) => l.tz !== null && l.tz !== '')?.tz ?? null,
  });
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
