/**
 * The objects of the shared world (dataset.ts): the directory and the projects, as the demo stores them — a graph
 * (an issue's `assignee` is the profile object itself) cut down per request by `$fields`. Field names are Space's,
 * and only the fields the demo fills are declared. These types are the demo's bookkeeping, not the contract: every
 * answer built from them is checked against the published spec's response schema (scripts/contract/
 * check-response.ts), so a field Space does not have, a wrong type or a stray null fails the test that caused it.
 * A kind's own objects are declared in its module (kinds/<kind>.ts).
 */
import type { WireDate, WireDateTime } from './wire.ts';

export interface ProfileName {
  firstName: string;
  lastName: string;
}

export interface ProfileEmail {
  id: string;
  email: string;
  blocked: boolean;
  verified: boolean;
}

export interface ProfileLanguage {
  language: { code: string; name: string };
}

/** TD_MemberProfile. Extended (explicit-only) fields: managers, locations, memberships. */
export interface MemberProfile {
  id: string;
  username: string;
  name: ProfileName;
  speaksEnglish: boolean;
  smallAvatar: string | null;
  avatar: string | null;
  profilePicture: string | null;
  languages: ProfileLanguage[];
  archived: boolean;
  notAMember: boolean;
  joined: WireDate | null;
  leftAt: WireDateTime | null;
  left: WireDate | null;
  external: boolean;
  about: string | null;
  emails: ProfileEmail[];
  /** [C] NET: plain strings. */
  phones: string[];
  messengers: string[];
  links: string[];
  birthday: WireDate | null;
  gender: string | null;
  externalId: string | null;
  customFields: Record<string, never>;
  managers: MemberProfile[];
  locations: MemberLocation[];
  memberships: Membership[];
}

/** ATimeZoneWithOffset. [U] unit of `offset`; the demo sends milliseconds (Java's convention). */
export interface TimeZoneWithOffset {
  id: string;
  offset: number;
}

/** TD_Location. */
export interface Location {
  id: string;
  name: string;
  timezone: TimeZoneWithOffset | null;
  tz: string | null;
  workdays: number[] | null;
  phones: string[];
  emails: string[];
  equipment: string[] | null;
  description: string | null;
  address: string | null;
  parent: Location | null;
  type: 'Region' | 'Campus' | 'Building' | 'Floor' | 'Room' | 'ConferenceRoom';
  mapId: string | null;
  capacity: number | null;
  channelId: string | null;
  archived: boolean;
}

/** TD_MemberLocation. */
export interface MemberLocation {
  id: string;
  location: Location;
  member: MemberProfile;
  since: WireDate | null;
  till: WireDate | null;
  archived: boolean;
}

/** TD_Role (a position). */
export interface Role {
  id: string;
  name: string;
  parent: Role | null;
  archived: boolean;
}

/** TD_Team. Extended: memberships. */
export interface Team {
  id: string;
  name: string;
  description: string;
  parent: Team | null;
  emails: string[];
  channelId: string | null;
  archived: boolean;
  disbanded: boolean;
  disbandedAt: WireDateTime | null;
  externalId: string | null;
  defaultManager: MemberProfile | null;
  customFields: Record<string, never>;
  memberships: Membership[];
}

/** TD_Membership. */
export interface Membership {
  id: string;
  member: MemberProfile;
  team: Team;
  role: Role;
  lead: boolean;
  manager: MemberProfile | null;
  since: WireDate | null;
  till: WireDate | null;
  activeSince: WireDateTime | null;
  activeTill: WireDateTime | null;
  requiresApproval: boolean;
  archived: boolean;
  customFields: Record<string, never>;
}

export interface LocalTime {
  hours: number;
  minutes: number;
}

/** WeekDayTimeInterval. [I] `day`: 0 = Sunday … 6 = Saturday (third-party SDK code maps 0 to SUNDAY). */
export interface WeekDayTimeInterval {
  day: number;
  checked: boolean;
  interval: { since: LocalTime; till: LocalTime };
}

/** Workday (deprecated in Space since 2020, still required). [I] weekday spelled like "MONDAY". */
export interface Workday {
  weekday: string;
  working: boolean;
  hours: number;
  minutes: number | null;
}

/** TD_WorkingDays. */
export interface WorkingDays {
  id: string;
  dateStart: WireDate | null;
  dateEnd: WireDate | null;
  workingDaysSpec: {
    days: Workday[];
    workingHours: WeekDayTimeInterval[];
    notificationHours: WeekDayTimeInterval[] | null;
    timezone: { id: string } | null;
    boundWeekdays: number[] | null;
  };
}

export interface AbsenceReason {
  id: string;
  name: string;
  description: string;
  defaultAvailability: boolean;
  approvalRequired: boolean;
  archived: boolean;
  icon: string | null;
}

/** PR_RepositoryInfo. [I] defaultBranch `{head: "refs/heads/main", ref: <commit>}`. */
export interface RepositoryInfo {
  id: string;
  name: string;
  description: string;
  latestActivity: WireDateTime | null;
  state: 'READY' | 'IN_PROGRESS' | 'ERROR';
  initProgress: string | null;
  readmeName: string | null;
  defaultBranch: { head: string; ref: string } | null;
}

export interface PlanningTag {
  id: string;
  name: string;
  archived: boolean;
}

/** PR_Project. `key` is an object ([C]). Extended: repos, tags, memberProfiles, adminProfiles, memberTeams. */
export interface Project {
  id: string;
  key: { key: string };
  name: string;
  private: boolean;
  description: string | null;
  icon: string | null;
  latestRepositoryActivity: WireDateTime | null;
  createdAt: WireDateTime | null;
  archived: boolean;
  repos: RepositoryInfo[];
  tags: PlanningTag[];
  memberProfiles: MemberProfile[];
  adminProfiles: MemberProfile[];
  memberTeams: Team[];
}

/** IssueStatus. `color` is hex without `#` ([C] example). */
export interface IssueStatus {
  id: string;
  archived: boolean;
  name: string;
  resolved: boolean;
  color: string;
}

/** CPrincipal with CUserPrincipalDetails. */
export interface Principal {
  name: string;
  details: { className: 'CUserPrincipalDetails'; user: MemberProfile } | null;
}

/** Issue. Extended: tags, sprints (entity collections). */
export interface Issue {
  id: string;
  archived: boolean;
  projectId: string;
  projectRef: Project;
  number: number;
  title: string;
  description: string | null;
  createdBy: Principal;
  creationTime: WireDateTime;
  assignee: MemberProfile | null;
  status: IssueStatus;
  dueDate: WireDate | null;
  tags: PlanningTag[];
  sprints: never[];
  attachmentsCount: number;
  subItemsCount: number;
  doneSubItemsCount: number;
  commentsCount: number;
  deletedBy: null;
  deletedTime: null;
  channel: { id: string };
  customFields: Record<string, never>;
}

/** CodeReviewParticipant ([C] OAS 2024.3): the items of `CodeReviewWithCount.participants.participants`. */
export interface ReviewParticipant {
  user: MemberProfile;
  role: 'Author' | 'Reviewer' | 'Watcher';
  state: 'Accepted' | 'Rejected' | null;
  theirTurn: boolean;
}

/**
 * CodeReviewParticipantRecord ([C] OAS 2024.3): the items of a review's `reviewers`, `authors` and `watchers`, and of
 * `CodeReviewWithCount.participants.reviewers` / `authors` / `watchers`. Whose turn it is: `theirTurn`; a reviewer's
 * verdict: `reviewerState`.
 */
export interface ReviewParticipantRecord {
  id: string;
  projectId: string;
  role: 'Author' | 'Reviewer' | 'Watcher';
  profile: MemberProfile;
  reviewerState: 'Accepted' | 'Rejected' | null;
  theirTurn: boolean | null;
  archived: boolean;
}

export interface BranchPair {
  repository: string;
  sourceBranch: string;
  targetBranch: string;
  sourceBranchRef: string;
  /** [I] present on MergeRequestBranchPair in recent models. */
  isMerged: boolean;
}

interface ReviewRecordBase {
  id: string;
  project: { key: string };
  projectId: string;
  number: number;
  title: string;
  state: 'Opened' | 'Closed' | 'Deleted';
  /** Epoch ms number, not a date object ([C]). */
  createdAt: number;
  createdBy: MemberProfile | null;
  /** Last update, epoch ms ([I] meaning). */
  timestamp: number;
  turnBased: boolean;
  feedChannelId: string;
  description: string | null;
  reviewers: ReviewParticipantRecord[];
  authors: ReviewParticipantRecord[];
  watchers: ReviewParticipantRecord[];
}

export interface MergeRequestRecord extends ReviewRecordBase {
  className: 'MergeRequestRecord';
  branchPairs: BranchPair[];
}

export interface CommitSetReviewRecord extends ReviewRecordBase {
  className: 'CommitSetReviewRecord';
}

export type CodeReviewRecord = MergeRequestRecord | CommitSetReviewRecord;

/** CodeReviewWithCount, the item of the code-review list. */
export interface CodeReviewWithCount {
  review: CodeReviewRecord;
  messagesCount: number;
  authors: { author: string; email: string; profile: MemberProfile | null }[];
  /** CodeReviewParticipants ([C]): the same people twice, as CodeReviewParticipant and as records. */
  participants: {
    id: string;
    participants: ReviewParticipant[];
    reviewers: ReviewParticipantRecord[];
    authors: ReviewParticipantRecord[];
    watchers: ReviewParticipantRecord[];
  };
}
