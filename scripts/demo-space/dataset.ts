/**
 * The whole demo organization plus lookup indexes. Built once per server from fixed seeds; `anchorMs` (the
 * UTC day the server started) only shifts relative times such as issue ages and repository activity.
 */
import { addHostileData } from './data-hostile.ts';
import { addLargeOrganization } from './data-large.ts';
import { ORGANIZATION_NAME, generateOrganization, type Organization } from './data-organization.ts';
import { generateProjects, type ProjectData } from './data-projects.ts';
import { markKind } from './fields.ts';
import type { KindModule } from './kind-kit.ts';
import type { CodeReviewWithCount, Issue, Location, MemberProfile, Project, Team } from './world-types.ts';
import { startOfUtcDay } from './wire.ts';

/**
 * The shared world every kind links into: the directory (people, teams, locations) and the projects with their
 * repositories, issues and reviews, generated together (an issue's assignee is a project member, a team's lead a
 * profile) from fixed seeds, with lookup indexes.
 */
export interface World extends Organization, ProjectData {
  organizationName: string;
  /** 00:00 UTC of the day the data was generated. */
  anchorMs: number;
  hostile: boolean;
  /** The large organization (data-large.ts): 10,000 people, 500 teams, 300 projects, 1,000 repositories, 2,000 channels. */
  large: boolean;
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
}

/**
 * The data kind modules add to the world (KindModule.data), each declaring its own slots by declaration merging
 * (`declare module '../dataset.ts' { interface KindData { channels: ChatChannel[] } }` in kinds/channel.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the kind modules, see above
export interface KindData {}

export interface Dataset extends World, KindData {}

/** Space's type name of a member profile; every profile object in the data set is tagged with it (markKind). */
export const PROFILE_KIND = 'TD_MemberProfile';

export interface DatasetOptions {
  hostile?: boolean;
  /** Grow the organization to the large one (data-large.ts), on top of the everyday one. */
  large?: boolean;
  /** Clock for relative times; defaults to Date.now(). */
  now?: number;
}

/** The world, then each kind module's own data (kind-modules.ts loads them). */
export function buildDataset(kinds: readonly KindModule[], options: DatasetOptions = {}): Dataset {
  const anchorMs = startOfUtcDay(options.now ?? Date.now());
  const hostile = options.hostile === true;
  const large = options.large === true;
  const org = generateOrganization(anchorMs);
  const projects = generateProjects(org, anchorMs);
  if (hostile) addHostileData(org, projects, anchorMs);
  // After the everyday organization and from its own seed: nobody of it changes, it only gains company.
  if (large) addLargeOrganization(org, projects, anchorMs);
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

  const world: World = {
    ...org,
    ...projects,
    organizationName: ORGANIZATION_NAME,
    anchorMs,
    hostile,
    large,
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
  // Each kind's data from its own seed, after the world: adding to it never reshuffles people, issues or reviews.
  const kindData: Partial<KindData> = {};
  for (const kind of kinds) Object.assign(kindData, kind.data?.(world, { anchorMs, hostile, large }));
  return { ...world, ...kindData } as Dataset;
}
