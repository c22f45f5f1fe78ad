/** Pieces several mappers share: people references and display names. */
import type { Reader } from '../parse.ts';

/** A person mentioned inside another entity (assignee, author, lead). */
export const PERSON_REF_FIELDS = 'username,name(firstName,lastName)';

export function fullName(first: string, last: string, fallback: string): string {
  const name = `${first} ${last}`.trim();
  return name === '' ? fallback : name;
}

export function personRef(profile: Reader): { username: string; name: string } {
  const username = profile.id('username');
  const name = profile.obj('name');
  return { username, name: fullName(name.str('firstName'), name.str('lastName'), username) };
}

/** `YYYY-MM-DD` of the viewer's local calendar day: absences and memberships are date-based. */
export function localIsoDay(now: Date = new Date()): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
