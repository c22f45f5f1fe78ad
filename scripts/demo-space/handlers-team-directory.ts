/**
 * Team directory endpoints the client calls (src/space/api-paths.ts): profiles, a profile's time zone and
 * working hours, locations, teams, absences, and revoking the calling token. Paths and parameters from
 * space-api.md §2a.
 */
import { materializeAbsences, type Dataset } from './dataset.ts';
import { resolveProfile, resolveProfileLoosely } from './lookup.ts';
import { NO_CONTENT, route, type RequestContext, type Route } from './router.ts';
import type { Location, MemberProfile, Team } from './space-types.ts';
import { containsFolded, fold, matchesWordPrefixes } from './text-match.ts';
import { ApiError, paginate, validationError } from './wire.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const fullName = (p: MemberProfile): string => `${p.name.firstName} ${p.name.lastName}`;

/** [C] the right `GET /absences` needs (OAS `x-rights` "View absences"; space-api.md §12). */
export const ABSENCES_RIGHT = 'Profile.Absences.View';

export const teamDirectoryRoutes: readonly Route[] = [
  route('GET', '/team-directory/profiles', searchProfiles),
  route('GET', '/team-directory/profiles/{profile}', (ctx) => profileParam(ctx)),
  route('GET', '/team-directory/profiles/{profile}/timezone', (ctx) => ({ id: timeZoneOf(ctx.dataset, profileParam(ctx)) })),
  route('GET', '/team-directory/profiles/{profile}/working-days', (ctx) => {
    const hours = ctx.dataset.workingDays.get(profileParam(ctx).id);
    return paginate(hours ? [hours] : [], ctx.query.get('$skip'), ctx.query.get('$top'));
  }),
  route('DELETE', '/team-directory/profiles/{profile}/permanent-tokens/current', revokeCurrentToken),
  route('GET', '/team-directory/locations', searchLocations),
  route('GET', '/team-directory/locations/{id}', (ctx) => {
    const location = ctx.dataset.locationById.get(ctx.params.id as string);
    if (!location) throw new ApiError(404, 'not-found', 'Location not found');
    return location;
  }),
  route('GET', '/team-directory/teams', searchTeams),
  route('GET', '/team-directory/teams/{id}', (ctx) => teamParam(ctx)),
  route('GET', '/absences', listAbsences),
];

function profileParam(ctx: RequestContext): MemberProfile {
  return resolveProfile(ctx.dataset, ctx.params.profile as string, ctx.viewer);
}

function teamParam(ctx: RequestContext): Team {
  const team = ctx.dataset.teamById.get(ctx.params.id as string);
  if (!team) throw new ApiError(404, 'not-found', 'Team not found');
  return team;
}

/** [C] (OAS): the working-hours time zone, else the location's, else the device's (the demo has no device). */
function timeZoneOf(ds: Dataset, profile: MemberProfile): string | null {
  const fromHours = ds.workingDays.get(profile.id)?.workingDaysSpec.timezone?.id;
  if (fromHours) return fromHours;
  for (const memberLocation of profile.locations) {
    for (let l: Location | null = memberLocation.location; l; l = l.parent) if (l.tz) return l.tz;
  }
  return ds.timeZones.get(profile.id) ?? null;
}

function profileSearchText(p: MemberProfile): string[] {
  return [p.name.firstName, p.name.lastName, fullName(p), `${p.name.lastName} ${p.name.firstName}`, p.username, ...p.emails.map((e) => e.email)];
}

/**
 * [I] guessed ordering for `order=DEFAULT`: user-name matches first, then name-prefix matches, then the rest,
 * each group by full name. `FULL_NAME` sorts by full name only. Space's real relevance ranking is unknown.
 */
function searchProfiles(ctx: RequestContext): unknown {
  const { dataset: ds, query: q } = ctx;
  const query = q.get('query') ?? '';
  const current = q.flag('reportCurrentMembers', true);
  const past = q.flag('reportPastMembers', false);
  const wanted = q.getAll('profiles');
  if (wanted.length > 100) throw validationError("Parameter 'profiles' accepts at most 100 values");
  const wantedSet = wanted.length > 0 ? new Set(wanted.map((w) => resolveProfileLoosely(ds, w, ctx.viewer))) : null;
  const teamId = q.get('teamId');
  const locationId = q.get('locationId');
  const roleId = q.get('roleId');

  let results = ds.profiles.filter((p) => {
    if (wantedSet && !wantedSet.has(p)) return false;
    if (p.archived ? !past : !current) return false;
    if (teamId && !p.memberships.some((m) => !m.archived && m.team.id === teamId)) return false;
    if (roleId && !p.memberships.some((m) => !m.archived && m.role.id === roleId)) return false;
    if (locationId && !p.locations.some((ml) => isWithin(ml.location, locationId))) return false;
    return matchesWordPrefixes(query, profileSearchText(p));
  });

  const order = (q.get('order') ?? 'DEFAULT').toUpperCase();
  if (order !== 'DEFAULT' && order !== 'FULL_NAME') throw validationError("Parameter 'order' has an invalid value");
  const folded = fold(query).trim();
  const rank = (p: MemberProfile): number => {
    if (order === 'FULL_NAME' || folded === '') return 0;
    if (fold(p.username).startsWith(folded)) return 0;
    if (fold(p.name.firstName).startsWith(folded) || fold(p.name.lastName).startsWith(folded)) return 1;
    return 2;
  };
  results = results
    .map((p) => ({ p, rank: rank(p), name: fullName(p) }))
    .sort((a, b) => a.rank - b.rank || collator.compare(a.name, b.name) || a.p.id.localeCompare(b.p.id))
    .map((r) => r.p);
  if (q.flag('meOnTop', false) && results.includes(ctx.viewer)) {
    results = [ctx.viewer, ...results.filter((p) => p !== ctx.viewer)];
  }
  return paginate(results, q.get('$skip'), q.get('$top'));
}

function isWithin(location: Location, ancestorId: string): boolean {
  for (let l: Location | null = location; l; l = l.parent) if (l.id === ancestorId) return true;
  return false;
}

function revokeCurrentToken(ctx: RequestContext): unknown {
  const profile = profileParam(ctx);
  // [I] guessed: revoking another member's current token is a permission problem, not a missing entity.
  if (profile !== ctx.viewer) throw new ApiError(403, 'permission-denied', 'Permission denied: Profile.PermanentTokens.Manage');
  ctx.revokeCurrentToken();
  return NO_CONTENT;
}

/** [C] not paginated: a plain array. `type` may repeat. */
function searchLocations(ctx: RequestContext): unknown {
  const q = ctx.query;
  const query = q.get('query') ?? '';
  const types = q.getAll('type').map((t) => t.toLowerCase());
  const withArchived = q.flag('withArchived', false);
  return ctx.dataset.locations.filter((l) =>
    (withArchived || !l.archived)
    && (types.length === 0 || types.includes(l.type.toLowerCase()))
    && containsFolded(l.name, query));
}

function searchTeams(ctx: RequestContext): unknown {
  const q = ctx.query;
  const query = q.get('query') ?? '';
  const withArchived = q.flag('withArchived', false);
  const teams = ctx.dataset.teams
    .filter((t) => (withArchived || !t.archived) && matchesWordPrefixes(query, [t.name]))
    .sort((a, b) => collator.compare(a.name, b.name));
  return paginate(teams, q.get('$skip'), q.get('$top'));
}

/**
 * `GET /absences` ([C] NET GetAllAbsencesAsync): member, members, team, location, reason, since/till
 * (yyyy-MM-dd), Batch<AbsenceRecord>. [I] since/till select absences overlapping the range.
 */
function listAbsences(ctx: RequestContext): unknown {
  const { dataset: ds, query: q } = ctx;
  // [I] a token without the right gets a 403 for the whole list (the description naming the right, as the
  // demo's faults do); field-level `$errors` are for objects inside an answer the token may read.
  if (ctx.restricted) throw new ApiError(403, 'permission-denied', `Permission denied: ${ABSENCES_RIGHT}`);
  const memberValues = [...q.getAll('member'), ...q.getAll('members')];
  const members = new Set(memberValues.map((v) => resolveProfileLoosely(ds, v, ctx.viewer)));
  const since = dateParam(q.get('since'), 'since');
  const till = dateParam(q.get('till'), 'till');
  const teamId = q.get('team');
  const locationId = q.get('location');
  const reasonId = q.get('reason');
  const absences = materializeAbsences(ds, ctx.now).filter((a) =>
    (memberValues.length === 0 || members.has(a.member))
    && (since === null || a.till.iso >= since)
    && (till === null || a.since.iso <= till)
    && (!teamId || a.member.memberships.some((m) => !m.archived && m.team.id === teamId))
    && (!locationId || a.member.locations.some((ml) => isWithin(ml.location, locationId)))
    && (!reasonId || a.reason?.id === reasonId));
  return paginate(absences, q.get('$skip'), q.get('$top'));
}

function dateParam(value: string | undefined, name: string): string | null {
  if (value === undefined || value === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw validationError(`Parameter '${name}' has an invalid value`);
  return value;
}
