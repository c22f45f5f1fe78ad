import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Person } from '../space/types.ts';
import { escapeXml, toSuggestion } from './omnibox.ts';

const person = (title: string, username = 'jo'): Person => ({
  kind: 'person', id: 'p1', title, webUrl: 'https://space.example.com/m/jo', username, firstName: 'J', lastName: 'O',
  avatarId: null, emails: [], phones: [], positions: [], teams: [], locations: [], timeZone: null,
});

describe('omnibox suggestions', () => {
  it('escapes every XML special character', () => {
    expect(escapeXml(`<match>&"'</match>`)).toBe('&lt;match&gt;&amp;&quot;&apos;&lt;/match&gt;');
  });

  it('never lets Space text add or close an XML element (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string(), (title, username) => {
      const { description } = toSuggestion(person(title, username), true);
      // Exactly our one <dim> element; no other tags, no bare ampersands.
      expect(description.match(/<[^>]*>/g)).toEqual(['<dim>', '</dim>']);
      expect(description).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
      expect(description).not.toMatch(/[\u0000-\u001f]/);
    }), { numRuns: 1000 });
  });

  it('shows plain text where descriptions are not XML (Firefox)', () => {
    expect(toSuggestion(person('Ann & <Bob>'), false).description).toBe('Ann & <Bob> — @jo');
  });

  it('uses the entity URL as the content', () => {
    expect(toSuggestion(person('Jo'), true).content).toBe('https://space.example.com/m/jo');
  });
});
