import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paths, profilePath } from '../space/api-paths.ts';
import { SpaceError } from '../space/errors.ts';
import { locationPath } from './location/space.ts';
import { repositoryPath } from './repository/space.ts';
import { teamPath } from './team/space.ts';

describe('API paths', () => {
  it('keep identifier prefixes literal and encode the values', () => {
    expect(profilePath('John.Doe')).toBe('/team-directory/profiles/username:John.Doe');
    expect(profilePath('a/b')).toBe('/team-directory/profiles/username:a%2Fb');
    expect(repositoryPath('ABC', 'my repo?')).toBe('/projects/key:ABC/repositories/my%20repo%3F');
    expect(teamPath('UdZB01b2voX')).toBe('/team-directory/teams/UdZB01b2voX');
    expect(paths.attachment('vYK0b1Qisdf2C')).toBe('/d/vYK0b1Qisdf2C');
  });

  it.each(['', '.', '..'])('refuse the id %j, which would change the path itself', (id) => {
    expect(() => teamPath(id)).toThrow(SpaceError);
    expect(() => locationPath(id)).toThrow(SpaceError);
    expect(() => paths.attachment(id)).toThrow(SpaceError);
  });

  it('an id never escapes its segment', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => s !== '.' && s !== '..'), (id) => {
      const url = new URL(`https://space.example.com/api/http${teamPath(id)}?$fields=id`);
      expect(url.pathname.split('/')).toHaveLength(6);
      expect(decodeURIComponent(url.pathname.split('/')[5] ?? '')).toBe(id);
      expect(url.search).toBe('?$fields=id');
    }));
  });
});
