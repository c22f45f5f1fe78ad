import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameOriginUrl } from '../space/same-origin.ts';
import { personalTokensUrl, profileUrl } from '../space/web-urls.ts';
import { issueUrl } from './issue/web-url.ts';
import { locationUrl } from './location/web-url.ts';
import { projectUrl } from './project/web-url.ts';
import { repositoryUrl } from './repository/web-url.ts';
import { reviewUrl } from './review/web-url.ts';
import { teamUrl } from './team/web-url.ts';

const ORIGIN = 'https://space.example.com';

describe('web URLs', () => {
  it('builds the documented patterns', () => {
    expect(profileUrl(ORIGIN, 'John.Doe')).toBe('https://space.example.com/m/John.Doe');
    expect(projectUrl(ORIGIN, 'ABC')).toBe('https://space.example.com/p/ABC');
    expect(issueUrl(ORIGIN, 'ABC', 123)).toBe('https://space.example.com/p/ABC/issues/123');
    expect(reviewUrl(ORIGIN, 'ABC', 188)).toBe('https://space.example.com/p/ABC/reviews/188');
    expect(repositoryUrl(ORIGIN, 'ABC', 'backend')).toBe('https://space.example.com/p/ABC/repositories/backend');
    expect(teamUrl(ORIGIN, { id: 'UdZB01b2voX', name: 'Machine Learning in Code Completion' }))
      .toBe('https://space.example.com/team?team=Machine%20Learning%20in%20Code%20Completion-UdZB01b2voX');
    expect(personalTokensUrl('http://127.0.0.1:8084')).toBe('http://127.0.0.1:8084/m/me/authentication?tab=PermanentTokens');
  });

  it('falls back for locations, which have no known page', () => {
    expect(locationUrl(ORIGIN, { channelId: '3Lg7Tq0yGfwd' })).toBe('https://space.example.com/im/group/3Lg7Tq0yGfwd');
    expect(locationUrl(ORIGIN, { channelId: null })).toBe('https://space.example.com/');
  });

  it('encodes every segment', () => {
    expect(profileUrl(ORIGIN, 'a/b?c#d')).toBe('https://space.example.com/m/a%2Fb%3Fc%23d');
    expect(repositoryUrl(ORIGIN, 'ABC', '../../evil')).toBe('https://space.example.com/p/ABC/repositories/..%2F..%2Fevil');
    expect(profileUrl(ORIGIN, 'Łukasz')).toBe('https://space.example.com/m/%C5%81ukasz');
  });

  it('keeps the port of an on-premises origin', () => {
    expect(issueUrl('http://127.0.0.1:8084', 'ABC', 1)).toBe('http://127.0.0.1:8084/p/ABC/issues/1');
  });
});

describe('isSameOriginUrl', () => {
  it.each([
    ['https://space.example.com/p/abc', true],
    ['https://space.example.com', true],
    ['https://SPACE.example.com:443/m/x', true],
    ['https://space.example.com:8443/p/abc', false],
    ['http://space.example.com/p/abc', false],
    ['https://space.example.com.evil.com/p', false],
    ['https://evil.com/?https://space.example.com', false],
    ['https://user:pw@space.example.com/p', false],
    ['javascript:alert(1)//https://space.example.com', false],
    ['//space.example.com/p', false],
    ['not a url', false],
  ])('%s → %s', (url, same) => expect(isSameOriginUrl(url, ORIGIN)).toBe(same));
});

describe('web URL properties', () => {
  const origin = fc.constantFrom(ORIGIN, 'http://127.0.0.1:8084', 'http://[::1]:8084', 'https://xn--bcher-kva.example');
  const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

  it('every link stays on the configured origin, whatever the ids', () => {
    fc.assert(fc.property(origin, anyText, anyText, fc.integer(), (o, a, b, n) => {
      const urls = [
        profileUrl(o, a), projectUrl(o, a), issueUrl(o, a, n), reviewUrl(o, a, n), repositoryUrl(o, a, b),
        teamUrl(o, { id: a, name: b }), locationUrl(o, { channelId: a }),
      ];
      for (const url of urls) {
        expect(new URL(url).origin).toBe(o);
        expect(isSameOriginUrl(url, o)).toBe(true);
      }
    }), { numRuns: 1000 });
  });

  it('an id never adds a path segment or a query', () => {
    fc.assert(fc.property(anyText.filter((s) => s !== '.' && s !== '..'), (id) => {
      const url = new URL(profileUrl(ORIGIN, id));
      expect(url.pathname.split('/')).toHaveLength(3);
      expect(url.search).toBe('');
      expect(decodeURIComponent(url.pathname.slice('/m/'.length))).toBe(id);
    }));
  });
});
