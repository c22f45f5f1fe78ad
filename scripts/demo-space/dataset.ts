/**
 * The whole demo organization plus lookup indexes. Built once per server from fixed seeds; `anchorMs` (the
 * UTC day the server started) only shifts relative times such as issue ages and repository activity.
 */
import { generateArticles } from './data-blog.ts';
import { generateChannels } from './data-chats.ts';
import { addHostileData } from './data-hostile.ts';
import { hostileKinds } from './data-hostile-kinds.ts';
import { ORGANIZATION_NAME, generateOrganization, type AbsencePlan, type Organization } from './data-organization.ts';
import { generateProjects, type ProjectData } from './data-projects.ts';
import { generateSourceFiles } from './data-source.ts';
import { markKind } from './fields.ts';
import type {
  AbsenceRecord, ArticleRecord, ChatChannel, CodeReviewWithCount, Issue, Location, MemberProfile, Project, SourceFile, Team,
} from './space-types.ts';
import { DAY_MS, date, startOfUtcDay } from './wire.ts';

export interface Dataset extends Organization, ProjectData {
  organizationName: string;
  /** 00:00 UTC of the day the data was generated. */
  anchorMs: number;
  hostile: boolean;
  profileById: Map<string, MemberProfile>;
  /** Lower-cased user name → profile. [I] Space treats user names case-insensitively in identifiers. */
  profileByUsername: Map<string, MemberProfile>;
  profileByEmail: Map<string, MemberProfile>;
  locationById: Map<string, Location>;
  teamById: Map<string, Team>;
  projectById: Map<string, Project>;
  /** Upper-cased key → project. */
  projectByKey: Map<string, Project>;
  issuesByProject: Map<string, Issue[]>;
  reviewsByProject: Map<string, CodeReviewWithCount[]>;
  /** Chat channels (data-chats.ts), in a fixed order. */
  channels: ChatChannel[];
  /** Blog articles, newest first (data-blog.ts). */
  articles: ArticleRecord[];
  articleById: Map<string, ArticleRecord>;
  /** Files in the repositories, for source search (data-source.ts). */
  sourceFiles: SourceFile[];
}

/** Space's type name of a member profile; every profile object in the data set is tagged with it (markKind). */
export const PROFILE_KIND = 'TD_MemberProfile';

export interface DatasetOptions {
  hostile?: boolean;
  /** Clock for relative times; defaults to Date.now(). */
  now?: number;
}

export function buildDataset(options: DatasetOptions = {}): Dataset {
  const anchorMs = startOfUtcDay(options.now ?? Date.now());
  const org = generateOrganization(anchorMs);
  const projects = generateProjects(org, anchorMs);
  if (options.hostile) addHostileData(org, projects, anchorMs);
  // Restricted mode withholds nested profiles wherever they appear (an assignee, a review author, a team
  // member…); the tag tells the projection which objects are profiles without guessing from key names.
  for (const profile of org.profiles) markKind(profile, PROFILE_KIND);

  const groupBy = <T>(items: T[], key: (item: T) => string): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const k = key(item);
      const list = map.get(k);
      if (list) list.push(item);
      else map.set(k, [item]);
    }
    return map;
  };

  // Each from its own seed, after everything else: adding to them never reshuffles people, issues or reviews.
  const channels = generateChannels(org, anchorMs);
  const articles = generateArticles(org, anchorMs);
  const sourceFiles = generateSourceFiles(projects);
  if (options.hostile) {
    const hostile = hostileKinds(org.profiles, projects.projects, org.demoUser, anchorMs);
    channels.push(hostile.channel);
    articles.push(hostile.article);
    sourceFiles.push(hostile.file);
  }
  articles.sort((a, b) => b.created.timestamp - a.created.timestamp);

  return {
    ...org,
    ...projects,
    channels,
    articles,
    articleById: new Map(articles.map((a) => [a.id, a])),
    sourceFiles,
    organizationName: ORGANIZATION_NAME,
    anchorMs,
    hostile: options.hostile === true,
    profileById: new Map(org.profiles.map((p) => [p.id, p])),
    profileByUsername: new Map(org.profiles.map((p) => [p.username.toLowerCase(), p])),
    profileByEmail: new Map(org.profiles.flatMap((p) => p.emails.map((e) => [e.email.toLowerCase(), p] as const))),
    locationById: new Map(org.locations.map((l) => [l.id, l])),
    teamById: new Map(org.teams.map((t) => [t.id, t])),
    projectById: new Map(projects.projects.map((p) => [p.id, p])),
    projectByKey: new Map(projects.projects.map((p) => [p.key.key.toUpperCase(), p])),
    issuesByProject: groupBy(projects.issues, (i) => i.projectId),
    reviewsByProject: groupBy(projects.reviews, (r) => r.review.projectId),
  };
}

/** All absences with dates relative to the UTC day of `nowMs`, in plan order. */
export function materializeAbsences(dataset: Dataset, nowMs: number): AbsenceRecord[] {
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
