/**
 * The read permissions the extension uses, in the order Space's token dialog groups them (space-api.md §6).
 * On its own so the options page can list them without the worker's 403 parsing.
 */
export const REQUIRED_PERMISSIONS = [
  'Profile.View',
  'Profile.WorkingDays.View',
  'Profile.Locations.View',
  // Today's absence on a person's card: OAS `x-rights` of `GET /absences` is "View absences" [C §12].
  'Profile.Absences.View',
  'Locations.View',
  'Team.View',
  'Project.View',
  'Project.Issues.View',
  'Project.CodeReview.View',
  'VcsRepository.Read',
  // Chat channels: OAS `x-rights` of `GET /chats/channels/all-channels` is "View channel info" [C]; code from NET
  // `PermissionIdentifierViewChannelInfo` [C]. Blog: "View articles" of `GET /blog` [C] → `Article.View` (NET
  // `PermissionIdentifierViewArticles` [C]; JetBrains' unfurl app asks for `global:Article.View`). Source search
  // has no `x-rights` in the spec; it reads repositories, so `VcsRepository.Read` above covers it [I].
  'Channel.ViewChannel',
  'Article.View',
] as const;

export type RequiredPermission = (typeof REQUIRED_PERMISSIONS)[number];
