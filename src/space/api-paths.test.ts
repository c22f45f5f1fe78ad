import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paths } from './api-paths.ts';
import { SpaceError } from './errors.ts';

describe('API paths', () => {
  it('keep identifier prefixes literal and encode the values', () => {
    expect(paths.profile('John.Doe')).toBe('/team-directory/profiles/username:John.Doe');
    expect(paths.profileTimeZone('a/b')).toBe('/team-directory/profiles/username:a%2Fb/timezone');
    expect(paths.issueByKey('ABC', 'ABC-T-12')).toBe('/projects/key:ABC/planning/issues/key:ABC-T-12');
    expect(paths.issueByNumber('ABC', 7)).toBe('/projects/key:ABC/planning/issues/number:7');
    expect(paths.reviewByNumber('ABC', 3)).toBe('/projects/key:ABC/code-reviews/number:3');
    expect(paths.repository('ABC', 'my repo?')).toBe('/projects/key:ABC/repositories/my%20repo%3F');
    expect(paths.team('UdZB01b2voX')).toBe('/team-directory/teams/UdZB01b2voX');
    expect(paths.attachment('vYK0b1Qisdf2C')).toBe('/d/vYK0b1Qisdf2C');
  });

  it.each(['', '.', '..'])('refuse the id %j, which would change the path itself', (id) => {
    expect(() => paths.team(id)).toThrow(SpaceError);
    expect(() => paths.location(id)).toThrow(SpaceError);
    expect(() => paths.attachment(id)).toThrow(SpaceError);
  });

  it('an id never escapes its segment', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => s !== '.' && s !== '..'), (id) => {
      const url = new URL(`https://space.example.com/api/http${paths.team(id)}?$fields=id`);
      expect(url.pathname.split('/')).toHaveLength(6);
      expect(decodeURIComponent(url.pathname.split('/')[5] ?? '')).toBe(id);
      expect(url.search).toBe('?$fields=id');
    }));
  });
});
