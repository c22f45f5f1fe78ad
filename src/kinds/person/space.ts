/**
 * The person kind's Space side: profile search, and the card's profile with its time zone, working hours and
 * today's absence. The profile mapper and its `$fields` are the client's (src/space/mappers/person.ts): the token's
 * owner (`me`) is a profile too.
 */
import type { SpaceApi } from '../../space/api.ts';
import { profilePath } from '../../space/api-paths.ts';
import { batchOf } from '../../space/endpoint.ts';
import { isSpaceError } from '../../space/errors.ts';
import { HiddenFields, localIsoDay } from '../../space/mappers/common.ts';
import { PERSON_BATCH_FIELDS, PERSON_FIELDS, mapPerson } from '../../space/mappers/person.ts';
import { pageQuery } from '../../space/paging.ts';
import { Reader } from '../../space/parse.ts';
import type { Batch, CallOptions, Page, Person } from '../../space/types.ts';
import { ABSENCE_BATCH_FIELDS, absenceToday } from './absence.ts';
import { WORKING_DAYS_BATCH_FIELDS, currentSchedule } from './working-hours.ts';

export const searchPeople = async (api: SpaceApi, query: string, page?: Page, call?: CallOptions): Promise<Batch<Person>> => api.get({
  op: 'searchPeople', path: '/team-directory/profiles', fields: PERSON_BATCH_FIELDS, query: { query, ...pageQuery(page) },
  on404: 'unsupported', map: batchOf(mapPerson),
}, call);

/**
 * A person's card: the profile plus time zone, working hours and today's absence, requested in
 * parallel. The extras are best effort — a token may lack their permissions, or an older server the
 * endpoints — so their failures leave the piece empty instead of failing the card. Only the
 * profile's own failure (and cancellation, or a rejected token) fails the whole call.
 *
 * A 403 on an extra means the token lacks its permission: the piece is named in `person.hidden`
 * (`timeZone`, `workingHours`, `absence`) so the card can say so. Any other failure leaves it unknown.
 */
export async function person(api: SpaceApi, username: string, call?: CallOptions): Promise<Person> {
  const today = localIsoDay();
  const path = profilePath(username);
  // Extras stop as soon as the profile fails: nobody will look at them.
  const extras = new AbortController();
  const signal = call?.signal ? AbortSignal.any([call.signal, extras.signal]) : extras.signal;
  const hidden = new HiddenFields();

  const profile = api.get({
    op: 'person', path, fields: PERSON_FIELDS, subject: username, onInvalid: 'not-found',
    map: (json, origin) => mapPerson(Reader.of(json), origin, today),
  }, call);
  profile.catch(() => extras.abort());

  // Needs only "View member profiles"; working days "View working hours" (space-api.md §6).
  const timeZone = bestEffort(api.get({
    op: 'personTimeZone', path: `${path}/timezone`, fields: 'id', subject: username,
    map: (json) => Reader.of(json).optStr('id'),
  }, { signal }));

  const scheduleHidden = new HiddenFields();
  const schedule = bestEffort(api.get({
    op: 'personWorkingHours', path: `${path}/working-days`, fields: WORKING_DAYS_BATCH_FIELDS, query: { $top: 20 }, subject: username,
    map: (json) => currentSchedule(Reader.of(json).objects('data'), today, scheduleHidden),
  }, { signal }));

  // `member` takes the profile id [C §12: NET appends it as is], so this one waits for the profile;
  // `since`/`till` narrow it to absences overlapping today. It needs "View absences" (OAS `x-rights` of
  // `GET /absences`, NET remarks [C §12]), which a token made from the older permission list lacks.
  const absenceHidden = new HiddenFields();
  const absence = bestEffort(profile.then(async (p) => {
    // Without the profile's id (withheld) there is nothing to ask for: unknown.
    if (p.hidden?.includes('id')) return undefined;
    return api.get({
      op: 'personAbsences', path: '/absences', fields: ABSENCE_BATCH_FIELDS, subject: username,
      query: { member: p.id, since: today, till: today, viewMode: 'All', $top: 20 },
      map: (json) => absenceToday(Reader.of(json).objects('data'), today, absenceHidden),
    }, { signal });
  }));

  const [found, zone, hours, away] = await Promise.all([profile, timeZone, schedule, absence]);
  for (const name of found.hidden ?? []) hidden.add(name);
  const result: Person = {
    ...found,
    timeZone: nonEmpty(zone.ok ? zone.value : null) ?? nonEmpty(hours.ok ? hours.value?.timeZone : null) ?? found.timeZone,
    workingHours: hours.ok ? hours.value?.hours ?? null : null,
  };
  // `absence` stays undefined when Space couldn't tell (no permission, no endpoint).
  if (away.ok && away.value !== undefined) result.absence = away.value;

  for (const name of [...scheduleHidden.list(), ...absenceHidden.list()]) hidden.add(name);
  // The profile's own zone makes withheld guesses (a location's or a schedule's zone) irrelevant.
  if (zone.ok && nonEmpty(zone.value) !== null) hidden.delete('timeZone');
  if (!zone.ok && zone.forbidden) hidden.add('timeZone');
  if (!hours.ok && hours.forbidden) hidden.add('workingHours');
  if (!away.ok && away.forbidden) hidden.add('absence');
  delete result.hidden;
  return hidden.apply(result);
}

type Piece<T> = { ok: true; value: T } | { ok: false; forbidden: boolean };

/**
 * The piece, or why it is missing (`forbidden`: the token lacks its permission). Cancellation and a
 * rejected token still throw.
 */
async function bestEffort<T>(pending: Promise<T>): Promise<Piece<T>> {
  try {
    return { ok: true, value: await pending };
  } catch (e) {
    if (isSpaceError(e) && (e.code === 'cancelled' || e.code === 'unauthorized')) throw e;
    if (isSpaceError(e)) return { ok: false, forbidden: e.code === 'forbidden' };
    throw e;
  }
}

function nonEmpty(text: string | null | undefined): string | null {
  return text === null || text === undefined || text.trim() === '' ? null : text;
}
