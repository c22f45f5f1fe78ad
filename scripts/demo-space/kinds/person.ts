/**
 * People: the team directory's profiles (search, one profile, its time zone and working hours), their absences,
 * and revoking the calling personal token. Paths and parameters from space-api.md §2a. The profiles themselves are
 * part of the shared world (data-organization.ts): teams, locations, projects and reviews link to them.
 */
import { profileUrl } from '../../../src/space/web-urls.ts';
import type { AbsencePlan } from '../data-organization.ts';
import type { Dataset } from '../dataset.ts';
import {
  ApiError, DAY_MS, NO_CONTENT, date, dayParam, defineKind, fold, matchesWordPrefixes, pageOf, requireRight, route,
  validationError, type RequestContext,
} from '../kind-kit.ts';
import { isWithinLocation, resolveProfile, resolveProfileLoosely } from '../lookup.ts';
import type { AbsenceReason, Location, MemberProfile } from '../world-types.ts';
import { startOfUtcDay, type WireDate } from '../wire.ts';

/** [C] the right `GET /absences` needs (OAS `x-rights` "View absences"; space-api.md §12). */
export const ABSENCES_RIGHT = 'Profile.Absences.View';

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const fullName = (p: MemberProfile): string => `${p.name.firstName} ${p.name.lastName}`;

export default defineKind({
  kind: 'person',
  routes: [
    route('GET', '/team-directory/profiles', searchProfiles),
    route('GET', '/team-directory/profiles/{profile}', (ctx) => profileParam(ctx)),
    route('GET', '/team-directory/profiles/{profile}/timezone', (ctx) => ({ id: timeZoneOf(ctx.dataset, profileParam(ctx)) })),
    route('GET', '/team-directory/profiles/{profile}/working-days', (ctx) => {
      const hours = ctx.dataset.workingDays.get(profileParam(ctx).id);
      return pageOf(hours ? [hours] : [], ctx.query);
    }),
    route('DELETE', '/team-directory/profiles/{profile}/permanent-tokens/current', revokeCurrentToken),
    route('GET', '/absences', listAbsences),
  ],
  counts: (ds) => ({ profiles: ds.profiles.filter((p) => !p.archived).length }),
  e2e: { query: 'jonathan', url: (origin) => profileUrl(origin, 'jonathan.whitaker') },
});

function profileParam(ctx: RequestContext): MemberProfile {
  return resolveProfile(ctx.dataset, ctx.params.profile as string, ctx.viewer);
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
    if (locationId && !p.locations.some((ml) => isWithinLocation(ml.location, locationId))) return false;
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
  return pageOf(results, q);
}

function revokeCurrentToken(ctx: RequestContext): unknown {
  const profile = profileParam(ctx);
  // [I] guessed: revoking another member's current token is a permission problem, not a missing entity.
  if (profile !== ctx.viewer) throw new ApiError(403, 'permission-denied', 'Permission denied: Profile.PermanentTokens.Manage');
  ctx.revokeCurrentToken();
  return NO_CONTENT;
}

/**
 * `GET /absences` ([C] NET GetAllAbsencesAsync): member, members, team, location, reason, since/till
 * (yyyy-MM-dd), Batch<AbsenceRecord>. [I] since/till select absences overlapping the range.
 */
function listAbsences(ctx: RequestContext): unknown {
  const { dataset: ds, query: q } = ctx;
  // [I] a token without the right gets a 403 for the whole list (the description naming the right, as the
  // demo's faults do).
  requireRight(ctx, ABSENCES_RIGHT);
  const memberValues = [...q.getAll('member'), ...q.getAll('members')];
  const members = new Set(memberValues.map((v) => resolveProfileLoosely(ds, v, ctx.viewer)));
  const since = dayParam(q, 'since');
  const till = dayParam(q, 'till');
  const teamId = q.get('team');
  const locationId = q.get('location');
  const reasonId = q.get('reason');
  const absences = materializeAbsences(ds, ctx.now).filter((a) =>
    (memberValues.length === 0 || members.has(a.member))
    && (since === null || a.till.iso >= since)
    && (till === null || a.since.iso <= till)
    && (!teamId || a.member.memberships.some((m) => !m.archived && m.team.id === teamId))
    && (!locationId || a.member.locations.some((ml) => isWithinLocation(ml.location, locationId)))
    && (!reasonId || a.reason?.id === reasonId));
  return pageOf(absences, q);
}

/** AbsenceRecord ([C] NET DTO). since/till are dates. */
export interface AbsenceRecord {
  id: string;
  archived: boolean;
  member: MemberProfile;
  icon: string;
  reason: AbsenceReason | null;
  description: string | null;
  since: WireDate;
  till: WireDate;
  location: Location | null;
  available: boolean;
  approval: null;
  customFields: Record<string, never>;
}

/** All absences with dates relative to the UTC day of `nowMs`, in plan order. */
export function materializeAbsences(dataset: Pick<Dataset, 'absencePlans'>, nowMs: number): AbsenceRecord[] {
  const today = startOfUtcDay(nowMs);
  return dataset.absencePlans.map((plan) => toAbsenceRecord(plan, today));
}

function toAbsenceRecord(plan: AbsencePlan, todayMs: number): AbsenceRecord {
  return {
    id: plan.id,
    archived: false,
    member: plan.member,
    icon: plan.icon,
    reason: plan.reason,
    description: plan.description === '' ? null : plan.description,
    since: date(todayMs + plan.fromDay * DAY_MS),
    till: date(todayMs + plan.toDay * DAY_MS),
    location: null,
    available: plan.available,
    approval: null,
    customFields: {},
  };
}
