/**
 * Changes to the directory while the server runs, as an administrator would make them in Space, for tests of a
 * client that keeps a copy (issue 16: a renamed person appears under the new name after a refresh, a deleted one
 * disappears). Reached through `DemoServer.renamePerson` / `deletePerson` and `POST /__demo/people/…` (control.ts).
 */
import type { Dataset } from './dataset.ts';
import type { MemberProfile } from './world-types.ts';

export class UnknownPersonError extends Error {
  override readonly name = 'UnknownPersonError';
}

function profileNamed(ds: Dataset, username: string): MemberProfile {
  const profile = ds.profileByUsername.get(username.toLowerCase());
  if (!profile) throw new UnknownPersonError(`no profile with user name '${username}'`);
  return profile;
}

/** Space's "Update profile" of the name: every answer from now on (search, the profile, nested in issues…) has it. */
export function renamePerson(ds: Dataset, username: string, name: { firstName: string; lastName: string }): void {
  if (name.firstName.trim() === '' && name.lastName.trim() === '') throw new TypeError('a name needs a first or a last name');
  const profile = profileNamed(ds, username);
  profile.name = { firstName: name.firstName, lastName: name.lastName };
}

/**
 * Space's "Delete profile" (`DELETE /team-directory/profiles/{profile}` in the spec): the person is gone from the
 * directory — searches, teams, absences, lookups by id, user name or e-mail (404). [I] What Space then answers where
 * the profile is nested in older objects (an issue's assignee) is unknown; the demo leaves those objects as they were.
 * The demo user owns the server's token, so it cannot be deleted.
 */
export function deletePerson(ds: Dataset, username: string): void {
  const profile = profileNamed(ds, username);
  if (profile === ds.demoUser) throw new TypeError('the demo user owns the demo token and cannot be deleted');
  const at = ds.profiles.indexOf(profile);
  if (at >= 0) ds.profiles.splice(at, 1);
  ds.profileById.delete(profile.id);
  ds.profileByUsername.delete(profile.username.toLowerCase());
  for (const email of profile.emails) {
    if (ds.profileByEmail.get(email.email.toLowerCase()) === profile) ds.profileByEmail.delete(email.email.toLowerCase());
  }
  for (const membership of profile.memberships) {
    const list = membership.team.memberships;
    const i = list.indexOf(membership);
    if (i >= 0) list.splice(i, 1);
  }
  ds.memberships = ds.memberships.filter((m) => m.member !== profile);
  ds.absencePlans = ds.absencePlans.filter((a) => a.member !== profile);
  for (const channel of ds.channels) {
    const i = channel.subscribers.indexOf(profile);
    if (i >= 0) channel.subscribers.splice(i, 1);
  }
}
