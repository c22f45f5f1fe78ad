/**
 * Hostile strings for rendering tests, enabled with `startDemoServer({ hostile: true })` (or `--hostile`):
 * markup, `javascript:` values, bidi overrides, zero-width characters, a 5 kB title, odd colours. A Space
 * server controlled by somebody else could send any of these; the extension must show them as inert text.
 * Kept out of the normal demo so the everyday organization looks clean.
 */
import { participantRecord, participantsOf } from './data-waiting.ts';
import { markExtended } from './fields.ts';
import type { Organization } from './data-organization.ts';
import type { ProjectData } from './data-projects.ts';
import { createPrng } from './prng.ts';
import type { Issue, IssueStatus, Location, MemberProfile, Membership, Project, Team } from './world-types.ts';
import { DAY_MS, date, dateTime } from './wire.ts';

export const HOSTILE_PROJECT_KEY = 'XSS';
export const HOSTILE_USERNAME = 'hostile.markup';

/** Every hostile string, exported so tests can assert none of them turns into markup. */
export const HOSTILE_STRINGS = {
  imgTag: '<img src=x onerror=alert(1)>',
  scriptClose: '"><script>alert("xss")</script>',
  svgBreakout: '"><svg onload=alert(1)>',
  javascriptUrl: 'javascript:alert(document.domain)',
  bidi: 'Invoice \u202Egpj.exe\u202C review',
  zeroWidth: 'Ze\u200Bro\u200C-wi\u200Ddth\uFEFF title',
  longTitle: 'Very long title that keeps going '.repeat(160).trim(),
  controlChars: 'Line one\nLine two\tTabbed\u0007bell',
  template: "{{constructor.constructor('alert(1)')()}} ${alert(1)}",
  cssColor: 'red;background:url(javascript:alert(1))',
  percentEncoded: '%3Cscript%3Ealert(1)%3C/script%3E',
  emojiZwj: 'Family 👨‍👩‍👧‍👦 on call',
  rtlMixed: 'مرحبا <b>bold</b> world',
} as const;

const SEED_HOSTILE = 0x5eed_0bad;

export function addHostileData(org: Organization, data: ProjectData, anchorMs: number): void {
  const prng = createPrng(SEED_HOSTILE);
  const h = HOSTILE_STRINGS;

  const engineering = org.teams.find((t) => t.name === 'Engineering') ?? null;
  const team = markExtended<Team>({
    id: prng.id(), name: h.svgBreakout, description: h.imgTag, parent: engineering, emails: [h.javascriptUrl], channelId: null,
    archived: false, disbanded: false, disbandedAt: null, externalId: null, defaultManager: null, customFields: {}, memberships: [],
  }, ['memberships']);
  org.teams.push(team);

  const location: Location = {
    id: prng.id(), name: `<iframe src="${h.javascriptUrl}">`, timezone: { id: 'Europe/Amsterdam', offset: 3_600_000 },
    tz: 'Europe/Amsterdam', workdays: null, phones: [h.javascriptUrl], emails: [], equipment: [h.imgTag], description: h.bidi,
    address: h.javascriptUrl, parent: org.locations.find((l) => l.type === 'Region') ?? null, type: 'Room', mapId: null,
    capacity: 1, channelId: null, archived: false,
  };
  org.locations.push(location);

  const role = org.roles[0] as Membership['role'];
  const person = (username: string, firstName: string, lastName: string, extra: Partial<MemberProfile>): MemberProfile => {
    const profile = markExtended<MemberProfile>({
      id: prng.id(), username, name: { firstName, lastName }, speaksEnglish: true, smallAvatar: null, avatar: null,
      profilePicture: null, languages: [], archived: false, notAMember: false, joined: date(Date.UTC(2024, 1, 29)),
      leftAt: null, left: null, external: true, about: null,
      emails: [{ id: prng.id(), email: `${username}@hostile.example`, blocked: false, verified: false }],
      phones: [], messengers: [], links: [], birthday: null, gender: null, externalId: null, customFields: {},
      managers: [], locations: [], memberships: [], ...extra,
    }, ['managers', 'locations', 'memberships']);
    org.profiles.push(profile);
    const membership: Membership = {
      id: prng.id(), member: profile, team, role, lead: false, manager: null, since: profile.joined, till: null,
      activeSince: dateTime(Date.UTC(2024, 1, 29)), activeTill: null, requiresApproval: false, archived: false, customFields: {},
    };
    org.memberships.push(membership);
    profile.memberships.push(membership);
    team.memberships.push(membership);
    const memberLocation = { id: prng.id(), location, member: profile, since: null, till: null, archived: false };
    profile.locations.push(memberLocation);
    org.timeZones.set(profile.id, 'Europe/Amsterdam');
    return profile;
  };

  const markup = person(HOSTILE_USERNAME, h.imgTag, h.scriptClose, {
    about: h.javascriptUrl, links: [h.javascriptUrl, 'data:text/html,<script>alert(1)</script>'], phones: [h.javascriptUrl],
    messengers: [h.svgBreakout],
    emails: [{ id: prng.id(), email: `"${h.svgBreakout}"@hostile.example`, blocked: false, verified: false }],
  });
  // A user name that is itself a URL scheme: links must be built with encoding, never by concatenation.
  person('javascript:alert(1)', h.bidi, h.zeroWidth, { about: h.controlChars });
  person('hostile.long', h.longTitle.slice(0, 2_500), h.emojiZwj, { about: h.longTitle });
  person('hostile.rtl', h.rtlMixed, h.template, { about: h.percentEncoded });

  const reason = org.absenceReasons[0];
  if (reason) {
    org.absencePlans.push({ id: prng.id(), member: markup, reason, description: h.imgTag, fromDay: 0, toDay: 3, available: false, icon: h.svgBreakout });
  }

  const project = markExtended<Project>({
    id: prng.id(), key: { key: HOSTILE_PROJECT_KEY }, name: `<svg/onload=alert('project')>`, private: false,
    description: h.javascriptUrl, icon: h.javascriptUrl, latestRepositoryActivity: dateTime(anchorMs - 3_600_000),
    createdAt: dateTime(Date.UTC(2024, 3, 1)), archived: false,
    repos: [{
      id: prng.id(), name: 'odd name & ünïcode', description: h.svgBreakout, latestActivity: dateTime(anchorMs - 3_600_000),
      state: 'READY', initProgress: null, readmeName: h.imgTag, defaultBranch: { head: `refs/heads/${h.imgTag}`, ref: prng.hex(40) },
    }],
    tags: [{ id: prng.id(), name: h.imgTag, archived: false }],
    memberProfiles: [org.demoUser, markup], adminProfiles: [markup], memberTeams: [team],
  }, ['repos', 'tags', 'memberProfiles', 'adminProfiles', 'memberTeams']);
  data.projects.push(project);
  data.starredProjects.get(org.demoUser.id)?.add(project.id);

  const statuses: IssueStatus[] = [
    { id: prng.id(), archived: false, name: '<b>Open</b>', resolved: false, color: h.cssColor },
    { id: prng.id(), archived: false, name: h.zeroWidth, resolved: true, color: '"><img src=x>' },
  ];

  const titles = [
    h.svgBreakout, h.imgTag, h.javascriptUrl, h.bidi, h.zeroWidth, h.longTitle, h.controlChars, h.template, h.percentEncoded,
    h.emojiZwj, h.rtlMixed,
  ];
  titles.forEach((title, index) => {
    const number = index + 1;
    const createdAt = anchorMs - (titles.length - index) * DAY_MS;
    const issue = markExtended<Issue>({
      id: prng.id(), archived: false, projectId: project.id, projectRef: project, number, title, description: h.scriptClose,
      createdBy: { name: h.imgTag, details: { className: 'CUserPrincipalDetails', user: markup } },
      creationTime: dateTime(createdAt), assignee: index % 2 === 0 ? markup : null, status: statuses[index % 2] as IssueStatus,
      dueDate: date(anchorMs + index * DAY_MS), tags: project.tags, sprints: [], attachmentsCount: 0, subItemsCount: 0,
      doneSubItemsCount: 0, commentsCount: 0, deletedBy: null, deletedTime: null, channel: { id: prng.id() }, customFields: {},
    }, ['tags', 'sprints']);
    data.issues.push(issue);
    data.issueUpdatedAt.set(issue.id, createdAt);
  });

  const reviewCreatedAt = anchorMs - 2 * DAY_MS;
  const reviewId = prng.id();
  const participant = participantRecord(reviewId, project, markup, 'Author', 0, true);
  const review = markExtended({
    className: 'MergeRequestRecord' as const, id: reviewId, project: { key: HOSTILE_PROJECT_KEY }, projectId: project.id,
    number: 1, title: `"><img src=x onerror=alert('review')>`, state: 'Opened' as const, createdAt: reviewCreatedAt, createdBy: markup,
    timestamp: reviewCreatedAt, turnBased: false, feedChannelId: prng.id(), description: h.javascriptUrl,
    reviewers: [], authors: [participant], watchers: [],
    branchPairs: [{
      repository: 'odd name & ünïcode', sourceBranch: `feature/${h.imgTag}`, targetBranch: h.svgBreakout,
      sourceBranchRef: `refs/heads/feature/${h.imgTag}`, isMerged: false,
    }],
  }, ['reviewers', 'authors', 'watchers']);
  data.reviews.push({
    review, messagesCount: 1, authors: [{ author: h.imgTag, email: h.javascriptUrl, profile: markup }],
    participants: participantsOf(review),
  });
}
