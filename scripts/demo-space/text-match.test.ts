import { describe, expect, it } from 'vitest';
import { containsFolded, fold, matchesWordPrefixes } from './text-match.ts';

describe('fold', () => {
  it.each([
    ['Zoë', 'zoe'], ['Łukasz', 'lukasz'], ['Jörg', 'jorg'], ['Søren Østergaard', 'soren ostergaard'], ['Þórsson', 'thorsson'],
    ['Ayşe Yılmaz', 'ayse yilmaz'], ['Ἀθηνᾶ', 'αθηνα'], ['Дмитрий', 'дмитрии'], ['Nguyễn', 'nguyen'], ['Straße', 'strasse'],
    ["O'Brien", "o'brien"], ['山田 太郎', '山田 太郎'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('matchesWordPrefixes', () => {
  const jonathan = ['Jonathan', 'Whitaker', 'Jonathan Whitaker', 'jonathan.whitaker', 'jonathan.whitaker@northwind-orbital.example'];

  it('matches word prefixes, case- and accent-insensitively', () => {
    expect(matchesWordPrefixes('jo', jonathan)).toBe(true);
    expect(matchesWordPrefixes('WHIT', jonathan)).toBe(true);
    expect(matchesWordPrefixes('jon whi', jonathan)).toBe(true);
    expect(matchesWordPrefixes('lukasz', ['Łukasz', 'Wiśniewski'])).toBe(true);
    expect(matchesWordPrefixes('obrien', ["O'Brien"])).toBe(false);
    expect(matchesWordPrefixes("o'brien", ["Siobhán O'Brien"])).toBe(true);
  });

  it('matches a whole-string prefix such as a user name with a dot', () => {
    expect(matchesWordPrefixes('jonathan.wh', jonathan)).toBe(true);
  });

  it('does not match inside words, and an empty query matches everything', () => {
    expect(matchesWordPrefixes('athan', jonathan)).toBe(false);
    expect(matchesWordPrefixes('jo', ['Bjørn Hansen'])).toBe(false);
    expect(matchesWordPrefixes('   ', jonathan)).toBe(true);
  });
});

describe('containsFolded', () => {
  it('finds folded substrings', () => {
    expect(containsFolded('Antenna pointing firmware', 'POINT')).toBe(true);
    expect(containsFolded('Gonçalves', 'calv')).toBe(true);
    expect(containsFolded('backend', 'front')).toBe(false);
  });
});
