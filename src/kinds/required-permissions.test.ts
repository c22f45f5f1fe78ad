import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../shared/kinds.ts';
import { OAUTH_SCOPE, REQUIRED_PERMISSIONS } from './required-permissions.ts';
import { KIND_SEARCHES } from './search-registry.ts';

describe('the permissions the extension uses', () => {
  it('are every kind\'s, once each, in ALL_KINDS order', () => {
    // The person kind's come first (the token owner is a profile); a new kind's are found by its folder, not listed here.
    expect(REQUIRED_PERMISSIONS.slice(0, 4)).toEqual(['Profile.View', 'Profile.WorkingDays.View', 'Profile.Locations.View', 'Profile.Absences.View']);
    expect(new Set(REQUIRED_PERMISSIONS).size).toBe(REQUIRED_PERMISSIONS.length);
    // Each kind's search permission is listed, the kinds' in ALL_KINDS order (a kind may share an earlier one's).
    const searched = [...new Set(ALL_KINDS.map((kind) => KIND_SEARCHES[kind].permission))].map((p) => REQUIRED_PERMISSIONS.indexOf(p));
    expect(searched.every((at) => at >= 0)).toBe(true);
    expect(searched).toEqual([...searched].sort((a, b) => a - b));
  });

  it('"Sign in with Space" asks for exactly those, in the global context', () => {
    expect(OAUTH_SCOPE.split(' ')).toEqual(REQUIRED_PERMISSIONS.map((p) => `global:${p}`));
    expect(OAUTH_SCOPE).not.toContain('**');
  });
});
