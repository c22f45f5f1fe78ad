/**
 * English for a SpaceError, for tests only. The extension words errors in the user's language from the code and
 * details (src/shared/error-text.ts + _locales), so no module it bundles imports this one (describe.test.ts checks)
 * and the worker ships none of this text.
 *
 * Only our own words, the host, the identifier asked for and a strictly matched permission name are used —
 * the details hold nothing else (http-errors.ts). Operations this table doesn't know read as "talking to Space".
 */
import messages from '../../../public/_locales/en/messages.json';
import type { SpaceErrorCode, SpaceErrorDetails, SpaceOperation } from '../errors.ts';

export interface SpaceErrorDescription {
  /** What happened. */
  message: string;
  /** What the user can do about it. */
  hint: string;
}

/**
 * The permission Space documents for an operation's endpoint (space-api.md §6; OAS `x-rights`), for the English
 * hint of a 403 that names none. The extension's own is the kind's `PERMISSION` (src/kinds/<kind>/space.ts), which
 * the worker puts on such an error; these are the ones the tests here word.
 */
export const OPERATION_PERMISSION: Readonly<Record<string, string | null>> = {
  me: 'Profile.View',
  searchPeople: 'Profile.View',
  person: 'Profile.View',
  personTimeZone: 'Profile.View',
  personWorkingHours: 'Profile.WorkingDays.View',
  personAbsences: 'Profile.Absences.View',
  searchLocations: 'Locations.View',
  location: 'Locations.View',
  searchTeams: 'Team.View',
  team: 'Team.View',
  searchProjects: 'Project.View',
  myProjects: 'Project.View',
  project: 'Project.View',
  searchIssues: 'Project.Issues.View',
  issue: 'Project.Issues.View',
  searchRepositories: 'VcsRepository.Read',
  repository: 'VcsRepository.Read',
  searchReviews: 'Project.CodeReview.View',
  review: 'Project.CodeReview.View',
  searchChannels: 'Channel.ViewChannel',
  searchArticles: 'Article.View',
  article: 'Article.View',
  searchCode: 'VcsRepository.Read',
  avatar: null,
  revokeToken: null,
};

/** The Space UI's name of a permission code: its `perm_<code>` text in messages.json (the Options page lists them). */
function permissionName(code: string): string | undefined {
  const key = `perm_${code.replaceAll('.', '_')}`;
  return Object.hasOwn(messages, key) ? (messages as Record<string, { message: string }>)[key]?.message : undefined;
}

/** "“View issues” (Project.Issues.View)" for a known code, the text as given otherwise. */
export function describePermission(permission: string): string {
  const name = permissionName(permission);
  if (name !== undefined) return `“${name}” (${permission})`;
  const code = Object.keys(messages).filter((key) => key.startsWith('perm_'))
    .map((key) => key.slice('perm_'.length).replaceAll('_', '.'))
    .find((candidate) => permissionName(candidate)?.toLowerCase() === permission.toLowerCase());
  return code === undefined ? `“${permission}”` : `“${permission}” (${code})`;
}

/** [what was being done, as a gerund phrase; the thing that may not exist, capitalized]. */
function words(op: SpaceOperation | undefined, subject = '?'): [what: string, thing: string] {
  switch (op) {
    case 'me': return ['loading your profile', 'Your profile'];
    case 'searchPeople': return ['searching people', 'It'];
    case 'person': return [`looking up @${subject}`, `@${subject}`];
    case 'personTimeZone': return [`loading the time zone of @${subject}`, `The time zone of @${subject}`];
    case 'personWorkingHours': return [`loading the working hours of @${subject}`, `The working hours of @${subject}`];
    case 'personAbsences': return [`loading the absences of @${subject}`, `The absences of @${subject}`];
    case 'searchLocations': return ['searching locations', 'It'];
    case 'location': return ['looking up a location', 'The location'];
    case 'searchTeams': return ['searching teams', 'It'];
    case 'team': return ['looking up a team', 'The team'];
    case 'searchProjects': return ['searching projects', 'It'];
    case 'myProjects': return ['listing your projects', 'It'];
    case 'project': return [`looking up project ${subject}`, `Project ${subject}`];
    case 'searchIssues': return [`searching issues in ${subject}`, `Project ${subject}`];
    case 'issue': return [`looking up issue ${subject}`, `Issue ${subject}`];
    case 'searchRepositories': return ['searching repositories', 'It'];
    case 'repository': return [`looking up repository ${subject}`, `Repository ${subject}`];
    case 'searchReviews': return [`searching code reviews in ${subject}`, `Project ${subject}`];
    case 'review': return [`looking up review ${subject}`, `Review ${subject}`];
    case 'searchChannels': return ['searching chat channels', 'It'];
    case 'searchArticles': return ['searching blog articles', 'It'];
    case 'article': return ['loading a blog article', 'The article'];
    case 'searchCode': return ['searching code', 'It'];
    case 'avatar': return ['loading a profile picture', 'The picture'];
    case 'revokeToken': return ['revoking the token', 'The token'];
    default: return ['talking to Space', 'It'];
  }
}

const TOKEN_HINT = 'Create a new personal token in Space (Preferences → Personal Tokens) and replace it in Options.';

function duration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function describeSpaceError(e: { code: SpaceErrorCode } & SpaceErrorDetails): SpaceErrorDescription {
  const host = e.host ?? 'Space';
  const [what, thing] = words(e.op, e.subject);
  const http = e.status === undefined ? '' : ` (HTTP ${e.status})`;
  const d = (message: string, hint: string): SpaceErrorDescription => ({ message, hint });
  switch (e.code) {
    case 'invalid-url':
      return e.reason === 'not-canonical'
        ? d('The Space address is not in its canonical form.', 'Save the Space address again in Options.')
        : d(`The Space address is not valid (${e.reason ?? 'unknown reason'}).`, 'Enter the address you open Space with, for example https://space.example.com.');
    case 'unauthorized':
      return e.reason === 'expired'
        ? d(`The token for ${host} has expired.`, TOKEN_HINT)
        : d(`${host} rejected the token (it may have been revoked or expired).`, TOKEN_HINT);
    case 'forbidden': {
      if (e.permission !== undefined) {
        return d(`Your token doesn't have the ${describePermission(e.permission)} permission needed for ${what}.`,
          'In Space, edit the personal token and grant that permission, or ask an administrator to grant it to you.');
      }
      const documented = e.op === undefined ? null : OPERATION_PERMISSION[e.op] ?? null;
      return d(`Your token lacks a permission needed for ${what}.`,
        'Grant the token more permissions in Space (Preferences → Personal Tokens), or ask an administrator.'
        + (documented === null ? '' : ` It usually needs ${describePermission(documented)}.`));
    }
    case 'not-found':
      if (e.reason === 'not-a-key') {
        const review = e.op === 'review';
        return d(`“${e.subject ?? ''}” is not a valid ${review ? 'review' : 'issue'} key.`,
          review ? 'Review keys look like ABC-MR-12 or ABC-CR-12.' : 'Issue keys look like ABC-T-123.');
      }
      if (e.reason === 'empty-id') return d('That item doesn\'t exist.', 'Check the link or search again.');
      return d(`${thing} wasn't found on ${host}.`, 'Check the spelling. It may also have been deleted or moved, or be hidden from your token.');
    case 'invalid-request':
      return d(`${host} refused our request as invalid while ${what}${http}.`,
        'Your Space version may expect a different request. Other lookups keep working; if this one keeps failing, report it.');
    case 'unsupported':
      if (e.op === 'avatar' && (e.status === 401 || e.status === 403)) {
        return d(`${host} doesn't serve profile pictures to tokens.`, 'Initials are shown instead.');
      }
      return d(`This Space server (${host}) doesn't support ${what}.`, 'Your Space version offers a different API for it. Other lookups keep working.');
    case 'rate-limited':
      return d(`${host} is receiving too many requests and asked us to slow down.`,
        `Try again in ${e.retryAfterMs === undefined ? 'a moment' : duration(e.retryAfterMs)}.`);
    case 'server': {
      const which = e.status === 502 || e.status === 504 ? `The gateway in front of ${host} couldn't get an answer from Space`
        : e.status === 503 ? `Space at ${host} is temporarily unavailable`
        : `Space at ${host} ran into an internal error`;
      return d(`${which}${http}.`, 'Try again in a moment. If it keeps happening, tell your Space administrator.');
    }
    case 'unreachable':
      return d(`Can't reach ${host}.`, 'Check your network connection (and VPN), and that the Space address in Options is right.');
    case 'timeout':
      return d(e.status === 408 ? `${host} took too long to answer.` : `${host} didn't answer in time.`,
        'Space or the network may be slow right now. Try again.');
    case 'cancelled':
      return d('The request was cancelled.', 'Nothing to do: a newer request replaced it.');
    case 'bad-response':
      switch (e.reason) {
        case 'too-large':
          return d(`The answer from ${host} for ${what} was too large to read.`, 'Try a narrower search.');
        case 'html':
          return d(`${host} answered with a web page instead of Space data.`, 'Check that the address points to Space itself, not to a sign-in page or proxy.');
        case 'redirect':
          return d(`${host} redirected the request to another address.`, 'Enter the address Space finally opens at in the browser (for example with https://).');
        case 'not-image':
          return d(`${host} sent something other than an image when ${what}.`, 'The picture is shown as initials instead.');
        case 'unexpected-status':
          return d(`${host} gave an unexpected answer${http} for ${what}.`, 'Try again. If it keeps happening, check the Space address in Options.');
        default:
          return d(`${host} sent data Space Lookup couldn't read for ${what}.`, 'Your Space version may be incompatible with this extension. Other lookups may still work.');
      }
  }
}
