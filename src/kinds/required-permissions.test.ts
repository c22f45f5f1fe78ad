import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../shared/kinds.ts';
import { OAUTH_SCOPE, REQUIRED_PERMISSIONS } from './required-permissions.ts';
import { KIND_SEARCHES } from './search-registry.ts';

describe('the permissions the extension uses', () => {
  it('are every kind\'s, once each, in ALL_KINDS order', () => {
    expect(REQUIRED_PERMISSIONS).toEqual([
      'Profile.View', 'Profile.WorkingDays.View', 'Profile.Locations.View', 'Profile.Absences.View', 'Team.View',
      'Locations.View', 'Project.View', 'Project.Issues.View', 'VcsRepository.Read', 'Project.CodeReview.View',
      'Channel.ViewChannel', 'Article.View',
    ]);
    for (const kind of ALL_KINDS) expect(REQUIRED_PERMISSIONS).toContain(KIND_SEARCHES[kind].permission);
  });

  it('"Sign in with Space" asks for exactly those, in the global context', () => {
    expect(OAUTH_SCOPE.split(' ')).toEqual(REQUIRED_PERMISSIONS.map((p) => `global:${p}`));
    expect(OAUTH_SCOPE).not.toContain('**');
  });
});
