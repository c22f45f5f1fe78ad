/**
 * `createSpaceClient`: every lookup of `SpaceApi`, each one request (or a small parallel fan-out for a
 * person's card) with a trimmed `$fields`, mapped into domain objects whose links are built locally.
 */
import type { SpaceApi, SpaceClientOptions } from './api.ts';
import { paths } from './api-paths.ts';
import { normalizeBaseUrl } from './base-url.ts';
import { SpaceError, isSpaceError } from './errors.ts';
import { SpaceHttp, type Query } from './http.ts';
import { formatIssueKey, formatReviewKey, isItemNumber, parseIssueKey, parseReviewKey } from './keys.ts';
import { ABSENCE_BATCH_FIELDS, absenceToday } from './mappers/absence.ts';
import { ARTICLE_BATCH_FIELDS, ARTICLE_FIELDS, mapArticle } from './mappers/article.ts';
import { CHANNEL_BATCH_FIELDS, mapChannel } from './mappers/channel.ts';
import { CODE_BATCH_FIELDS, mapCodeMatch } from './mappers/code.ts';
import { HiddenFields, localIsoDay } from './mappers/common.ts';
import { ISSUE_BATCH_FIELDS, ISSUE_FIELDS, mapIssue } from './mappers/issue.ts';
import { LOCATION_FIELDS, mapLocation } from './mappers/location.ts';
import { PERSON_BATCH_FIELDS, PERSON_FIELDS, mapPerson } from './mappers/person.ts';
import { PROJECT_BATCH_FIELDS, PROJECT_FIELDS, mapProject } from './mappers/project.ts';
import {
  REPOSITORY_FIND_BATCH_FIELDS, REPOSITORY_INFO_FIELDS, mapRepositoryFound, mapRepositoryInfo,
} from './mappers/repository.ts';
import { REVIEW_BATCH_FIELDS, REVIEW_FIELDS, mapReview } from './mappers/review.ts';
import { TEAM_BATCH_FIELDS, TEAM_DETAIL_FIELDS, mapTeam } from './mappers/team.ts';
import { WORKING_DAYS_BATCH_FIELDS, currentSchedule } from './mappers/working-hours.ts';
import { mapEach, parseBatch } from './paging.ts';
import { Reader, readArrayElements } from './parse.ts';
import type { CallOptions, Page, Person } from './types.ts';

export const DEFAULTS = {
  timeoutMs: 10_000,
  retry: { retries: 2, baseDelayMs: 300, maxDelayMs: 3_000, totalBudgetMs: 8_000 },
  maxBodyBytes: 2 * 1024 * 1024,
  avatarMaxBytes: 512 * 1024,
  /** Same-origin redirects an avatar may take; a real one needs one, a few allow a sized copy behind a signed path. */
  avatarRedirects: 3,
  /** Page size when the caller doesn't say: a popup shows a handful per kind. */
  top: 20,
  /** Space's own default and, as far as anyone knows, a safe maximum for `$top` [U]. */
  maxTop: 100,
} as const;

/**
 * Raster formats only. SVG is left out on purpose: it is a document format, and a picture is all we need.
 * Exactly the formats `imageTypeOf` (and the worker's `sniffRasterType`) recognise from the bytes: asking
 * for more would download pictures that are then thrown away.
 */
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

export function createSpaceClient(opts: SpaceClientOptions): SpaceApi {
  const normalized = normalizeBaseUrl(opts.origin);
  if (!normalized.ok || normalized.origin !== opts.origin) {
    throw new SpaceError('invalid-url', { reason: normalized.ok ? 'not-canonical' : normalized.reason });
  }
  const origin = normalized.origin;
  const http = new SpaceHttp({
    origin,
    token: opts.token,
    fetch: opts.fetch ?? globalThis.fetch.bind(globalThis),
    timeoutMs: opts.timeoutMs ?? DEFAULTS.timeoutMs,
    retry: { ...DEFAULTS.retry, ...opts.retry },
    maxBodyBytes: opts.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    ...(opts.onResponse ? { onResponse: opts.onResponse } : {}),
  });

  const mapPersonIn = (json: unknown) => mapPerson(Reader.of(json), origin);

  const api: SpaceApi = {
    origin,

    me: async (call) => http.getJson({
      path: paths.me, fields: PERSON_FIELDS, op: 'me', signal: call?.signal,
    }, mapPersonIn),

    searchPeople: async (query, page, call) => http.getJson({
      path: paths.profiles, fields: PERSON_BATCH_FIELDS, query: { query, ...paging(page) },
      op: 'searchPeople', on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapPerson(item, origin))),

    person: async (username, call) => loadPerson(http, origin, username, call),

    async searchLocations(query, page, call) {
      // A plain array on the wire (space-api.md §3): paged here, by offset, so callers see a Batch.
      const all = await http.getJson({
        path: paths.locations, fields: LOCATION_FIELDS, query: { query, withArchived: false },
        op: 'searchLocations', on404: 'unsupported', signal: call?.signal,
      }, (json) => mapEach(readArrayElements(json), (l) => (l.optBool('archived', false) ? null : mapLocation(l, origin))));
      const live = all.items.filter((l) => l !== null);
      const skip = offsetOf(page?.skip);
      const end = skip + topOf(page?.top);
      // Unreadable elements are counted once, with the first page: they have no place in the order.
      return {
        items: live.slice(skip, end), next: end < live.length ? String(end) : null, totalCount: live.length,
        unreadable: skip === 0 ? all.unreadable : 0,
      };
    },

    location: async (id, call) => http.getJson({
      path: paths.location(id), fields: LOCATION_FIELDS, op: 'location', signal: call?.signal,
    }, (json) => mapLocation(Reader.of(json), origin)),

    searchTeams: async (query, page, call) => http.getJson({
      path: paths.teams, fields: TEAM_BATCH_FIELDS, query: { query, withArchived: false, ...paging(page) },
      op: 'searchTeams', on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapTeam(item, origin))),

    team: async (id, call) => http.getJson({
      path: paths.team(id), fields: TEAM_DETAIL_FIELDS, op: 'team', signal: call?.signal,
    }, (json) => mapTeam(Reader.of(json), origin)),

    searchProjects: async (query, page, call) => http.getJson({
      path: paths.projects, fields: PROJECT_BATCH_FIELDS,
      query: { term: query, ...(page?.starred === undefined ? {} : { starred: page.starred }), ...paging(page) },
      op: 'searchProjects', on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapProject(item, origin))),

    myProjects: async (page, call) => http.getJson({
      path: paths.myProjects, fields: PROJECT_BATCH_FIELDS, query: paging(page),
      op: 'myProjects', on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapProject(item, origin))),

    project: async (key, call) => http.getJson({
      path: paths.project(key), fields: PROJECT_FIELDS, op: 'project', subject: key, onInvalid: 'not-found', signal: call?.signal,
    }, (json) => mapProject(Reader.of(json), origin)),

    searchIssues: async (projectKey, query, page, call) => inProject(http, projectKey, 'searchIssues', call, () => http.getJson({
      path: paths.issues(projectKey), fields: ISSUE_BATCH_FIELDS,
      // `sorting` and `descending` are required by Space (space-api.md §2a); most recently updated first.
      // A project that doesn't exist answers a 404 (`inProject`), which multi-project searches skip.
      query: { ...(query === '' ? {} : { query }), sorting: 'UPDATED', descending: true, ...paging(page) },
      op: 'searchIssues', subject: projectKey, on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapIssue(item, origin, projectKey)))),

    async issueByKey(key, call) {
      const parsed = parseIssueKey(key);
      if (!parsed) throw notAKey(key, 'issue');
      const canonical = formatIssueKey(parsed.projectKey, parsed.number);
      return http.getJson({
        path: paths.issueByKey(parsed.projectKey, canonical), fields: ISSUE_FIELDS,
        op: 'issue', subject: canonical, onInvalid: 'not-found', signal: call?.signal,
      }, (json) => mapIssue(Reader.of(json), origin, parsed.projectKey, parsed.number));
    },

    async issueByNumber(projectKey, number, call) {
      if (!isItemNumber(number)) throw notAKey(`${projectKey}-T-${number}`, 'issue');
      const key = formatIssueKey(projectKey, number);
      return http.getJson({
        path: paths.issueByNumber(projectKey, number), fields: ISSUE_FIELDS,
        op: 'issue', subject: key, onInvalid: 'not-found', signal: call?.signal,
      }, (json) => mapIssue(Reader.of(json), origin, projectKey, number));
    },

    searchRepositories: async (query, page, call) => http.getJson({
      path: paths.repositoriesFind, fields: REPOSITORY_FIND_BATCH_FIELDS, query: { term: query, ...paging(page) },
      op: 'searchRepositories', on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapRepositoryFound(item, origin))),

    repository: async (projectKey, name, call) => http.getJson({
      path: paths.repository(projectKey, name), fields: REPOSITORY_INFO_FIELDS,
      op: 'repository', subject: `${projectKey}/${name}`, onInvalid: 'not-found', signal: call?.signal,
    }, (json) => mapRepositoryInfo(Reader.of(json), origin, projectKey, name)),

    searchReviews: async (projectKey, query, page, call) => inProject(http, projectKey, 'searchReviews', call, () => http.getJson({
      path: paths.reviews(projectKey), fields: REVIEW_BATCH_FIELDS,
      // `state` defaults to `Opened`; an empty `state=` means every state, so merged and closed reviews are
      // found by their title too (space-api.md §12 [C]: spec default; NET sends `state.ToEnumString()`, empty
      // for null, and its sample lists all reviews with `state: null`). Newest activity first.
      query: { ...(query === '' ? {} : { text: query }), state: '', sort: 'LastUpdatedDesc', ...paging(page) },
      op: 'searchReviews', subject: projectKey, on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapReview(item.obj('review'), origin, projectKey)))),

    async reviewByKey(key, call) {
      const parsed = parseReviewKey(key);
      if (!parsed) throw notAKey(key, 'review');
      // The key's letters are what the user typed: people write MR for a commit-set review and CR for a
      // merge request. `number:{n}` names the review by its per-project number whatever its type, where
      // `key:ABC-CR-12` may be refused for a merge request [I: whether Space's `key:` resolution checks the
      // letters is unknown; a real server asked for `key:ABC-CR-n` of a merge request would settle it].
      // `number:` is a documented review identifier [C §4, NET ReviewIdentifier]. The mapped review carries
      // the key of its real type.
      const typed = formatReviewKey(parsed.projectKey, parsed.number, parsed.type);
      return http.getJson({
        path: paths.reviewByNumber(parsed.projectKey, parsed.number), fields: REVIEW_FIELDS,
        op: 'review', subject: typed, onInvalid: 'not-found', signal: call?.signal,
      }, (json) => mapReview(Reader.of(json), origin, parsed.projectKey, parsed.number));
    },

    searchChannels: async (query, page, call) => http.getJson({
      // `query` is required [C OAS, NET]: sent even when empty. `withArchived` defaults to true [C]: a lookup
      // wants the channels people still write in, as team search leaves out archived teams.
      path: paths.allChannels, fields: CHANNEL_BATCH_FIELDS, query: { query, withArchived: false, ...paging(page) },
      op: 'searchChannels', on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapChannel(item, origin))),

    searchArticles: async (query, page, call) => http.getJson({
      path: paths.blog, fields: ARTICLE_BATCH_FIELDS, query: { ...(query === '' ? {} : { term: query }), ...paging(page) },
      op: 'searchArticles', on404: 'unsupported', signal: call?.signal,
    }, (json) => parseBatch(json, (item) => mapArticle(item, origin))),

    article: async (id, call) => http.getJson({
      path: paths.article(id), fields: ARTICLE_FIELDS, op: 'article', subject: id, onInvalid: 'not-found', signal: call?.signal,
    }, (json) => mapArticle(Reader.of(json), origin)),

    async searchCode(query, page, call) {
      try {
        return await http.getJson({
          // In the 2024.3 spec, not in the 2024-11 SDK (space-api.md §12): a server without it answers a bare 404,
          // read as `unsupported` like every collection here.
          path: paths.sourceSearch, fields: CODE_BATCH_FIELDS, query: { query, ...paging(page) },
          op: 'searchCode', on404: 'unsupported', signal: call?.signal,
        }, (json) => parseBatch(json, (item) => mapCodeMatch(item, origin)));
      } catch (e) {
        // A server without the endpoint may instead route `/projects/source-search` to `GET /projects/{project}`
        // and refuse `source-search` as a project identifier (400) or find no such project (Space's 404) [I: how
        // an older Space answers is unknown]. The search names no entity and sends only free text, so either
        // answer here means the endpoint is missing.
        if (isSpaceError(e) && (e.code === 'not-found' || e.code === 'invalid-request')) {
          throw new SpaceError('unsupported', { host: http.host, op: 'searchCode', status: e.status ?? 404 });
        }
        throw e;
      }
    },

    async avatar(attachmentId, call) {
      try {
        return await http.getBytes({
          absolutePath: paths.attachment(attachmentId), maxBytes: DEFAULTS.avatarMaxBytes,
          accept: AVATAR_TYPES.join(', '), contentTypes: AVATAR_TYPES,
          // `/d/{id}` may redirect within Space (to a sized copy, a storage path…) [U]: followed there, a few
          // hops and never to another origin (http.ts getBytes), so a real picture is not replaced by initials.
          redirects: DEFAULTS.avatarRedirects,
          op: 'avatar', signal: call?.signal,
        });
      } catch (e) {
        // Whether `/d/{id}` accepts a Bearer token at all is unknown (space-api.md §2c). A 401/403 here
        // must not read as "token revoked" and disconnect the user; pictures are just unavailable.
        if (isSpaceError(e) && (e.code === 'unauthorized' || e.code === 'forbidden')) {
          throw new SpaceError('unsupported', e.status === undefined ? { host: http.host, op: 'avatar' } : { host: http.host, op: 'avatar', status: e.status });
        }
        throw e;
      }
    },

    revokeCurrentToken: async (call) => http.delete({
      path: paths.revokeCurrentToken, op: 'revokeToken', signal: call?.signal,
    }),
  };
  return api;
}

/**
 * A person's card: the profile plus time zone, working hours and today's absence, requested in
 * parallel. The extras are best effort — a token may lack their permissions, or an older server the
 * endpoints — so their failures leave the piece empty instead of failing the card. Only the
 * profile's own failure (and cancellation, or a rejected token) fails the whole call.
 *
 * A 403 on an extra means the token lacks its permission: the piece is named in `person.hidden`
 * (`timeZone`, `workingHours`, `absence`) so the card can say so. Any other failure leaves it unknown.
 */
async function loadPerson(http: SpaceHttp, origin: string, username: string, call?: CallOptions): Promise<Person> {
  const today = localIsoDay();
  // Extras stop as soon as the profile fails: nobody will look at them.
  const extras = new AbortController();
  const signal = call?.signal ? AbortSignal.any([call.signal, extras.signal]) : extras.signal;
  const hidden = new HiddenFields();

  const profile = http.getJson({
    path: paths.profile(username), fields: PERSON_FIELDS,
    op: 'person', subject: username, onInvalid: 'not-found', signal: call?.signal,
  }, (json) => mapPerson(Reader.of(json), origin, today));
  profile.catch(() => extras.abort());

  const timeZone = bestEffort(http.getJson({
    path: paths.profileTimeZone(username), fields: 'id',
    op: 'personTimeZone', subject: username, signal,
  }, (json) => Reader.of(json).optStr('id')));

  const scheduleHidden = new HiddenFields();
  const schedule = bestEffort(http.getJson({
    path: paths.profileWorkingDays(username), fields: WORKING_DAYS_BATCH_FIELDS, query: { $top: 20 },
    op: 'personWorkingHours', subject: username, signal,
  }, (json) => currentSchedule(Reader.of(json).objects('data'), today, scheduleHidden)));

  // `member` takes the profile id [C §12: NET appends it as is], so this one waits for the profile;
  // `since`/`till` narrow it to absences overlapping today. It needs "View absences" (OAS `x-rights` of
  // `GET /absences`, NET remarks [C §12]), which a token made from the older permission list lacks.
  const absenceHidden = new HiddenFields();
  const absence = bestEffort(profile.then(async (p) => {
    // Without the profile's id (withheld) there is nothing to ask for: unknown.
    if (p.hidden?.includes('id')) return undefined;
    return http.getJson({
      path: paths.absences, fields: ABSENCE_BATCH_FIELDS,
      query: { member: p.id, since: today, till: today, viewMode: 'All', $top: 20 },
      op: 'personAbsences', subject: username, signal,
    }, (json) => absenceToday(Reader.of(json).objects('data'), today, absenceHidden));
  }));

  const [person, zone, hours, away] = await Promise.all([profile, timeZone, schedule, absence]);
  for (const name of person.hidden ?? []) hidden.add(name);
  const result: Person = {
    ...person,
    timeZone: nonEmpty(zone.ok ? zone.value : null) ?? nonEmpty(hours.ok ? hours.value?.timeZone : null) ?? person.timeZone,
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

/**
 * A search inside one project (issues, reviews), whose path names the project: its 404 means either that project
 * is gone or — on a server without the endpoint — the endpoint. Space's `not-found` body already says which
 * (http.ts). A 404 of any other shape is told apart by asking for the project itself: there, the endpoint is what
 * is missing ('unsupported', "not available on this server"); gone, or when that lookup can't tell (403, 5xx,
 * network), the project is gone ('not-found': multi-project searches skip it, a key reads "No project ABC").
 * [U] A public Space client notes that an unknown project's 404 "uses a different shape"; which shape is unknown.
 * [I] Both endpoints are in every Space the client knows (2024-11 SDK, 2024.3 spec), so "project gone" is the
 * expected outcome; the extra request is made only after such a 404.
 */
async function inProject<T>(
  http: SpaceHttp, projectKey: string, op: 'searchIssues' | 'searchReviews', call: CallOptions | undefined, search: () => Promise<T>,
): Promise<T> {
  try {
    return await search();
  } catch (e) {
    if (!isSpaceError(e) || e.code !== 'unsupported' || e.status !== 404) throw e;
    let exists = false;
    try {
      await http.getJson({
        path: paths.project(projectKey), fields: 'id', op: 'project', subject: projectKey, onInvalid: 'not-found', signal: call?.signal,
      }, () => undefined);
      exists = true;
    } catch (probe) {
      // Cancellation and a rejected token are about the whole call, not the project.
      if (isSpaceError(probe) && (probe.code === 'cancelled' || probe.code === 'unauthorized')) throw probe;
    }
    if (exists) throw e;
    throw new SpaceError('not-found', { host: http.host, op, subject: projectKey, status: 404 });
  }
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

function paging(page: Page | undefined): Query {
  return { $top: topOf(page?.top), ...(page?.skip ? { $skip: page.skip } : {}) };
}

function topOf(top: number | undefined): number {
  if (top === undefined || !Number.isFinite(top)) return DEFAULTS.top;
  return Math.min(DEFAULTS.maxTop, Math.max(1, Math.floor(top)));
}

function offsetOf(skip: string | undefined): number {
  const n = Number(skip ?? 0);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

function nonEmpty(text: string | null | undefined): string | null {
  return text === null || text === undefined || text.trim() === '' ? null : text;
}

function notAKey(text: string, op: 'issue' | 'review'): SpaceError {
  return new SpaceError('not-found', { op, subject: text.slice(0, 80), reason: 'not-a-key' });
}

