import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, needle, rank, searchable, tierOf, wordsOf } from './rank.ts';

const names = (list: string[], extra: string[] = [], inside = false) => list.map((n) => ({ n, s: searchable([n], extra, inside) }));
const top = (query: string, list: { n: string; s: ReturnType<typeof searchable> }[], k = 10) => rank(needle(query), list, (x) => x.s, k).map((x) => x.n);

describe('fold', () => {
  it('folds case and diacritics in Latin, Greek and Cyrillic, and spells out letters NFD keeps whole', () => {
    expect(fold('Łukasz Żółć')).toBe('lukasz zolc');
    expect(fold('Jörg Ærø Straße')).toBe('jorg aero strasse');
    expect(fold('Ελένη Παπαδοπούλου')).toBe('ελενη παπαδοπουλου');
    expect(fold('ΟΔΟΣ')).toBe('οδοσ');
    expect(fold('Ёлка Йошкар')).toBe('елка иошкар');
    expect(fold('İstanbul')).toBe('istanbul');
    expect(fold('東京 タロウ')).toBe('東京 タロウ');
  });

  it('is idempotent and ignores case and combining marks (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
      expect(fold(fold(s))).toBe(fold(s));
      expect(fold(s.toUpperCase())).toBe(fold(s.toLowerCase()));
      expect(fold(s.normalize('NFD'))).toBe(fold(s.normalize('NFC')));
    }));
  });

  it('a name is found by its own folded prefix, typed in any case (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }).filter((s) => /[a-z0-9]/i.test(s)), fc.nat(), (name, cut) => {
      const prefix = name.slice(0, 1 + (cut % name.length));
      if (!/[a-z0-9]/i.test(prefix)) return;
      const tier = tierOf(needle(prefix.toUpperCase()), searchable([name], []));
      expect(tier).toBeGreaterThanOrEqual(0);
      expect(tier).toBeLessThanOrEqual(2);
    }));
  });
});

describe('rank', () => {
  const people = names(['Johanna Berg', 'Bjorn Johansson', 'John', 'Anna-Jo Lind', 'Jonathan Smith', 'Mary Ajolo']);

  it('orders exact, prefix, then word prefix; a word inside a word is no match', () => {
    expect(top('john', people)).toEqual(['John']);
    expect(top('jo', people)).toEqual(['Johanna Berg', 'John', 'Jonathan Smith', 'Bjorn Johansson', 'Anna-Jo Lind']);
    expect(top('jo sm', people)).toEqual(['Jonathan Smith']);
    expect(top('smith jon', people)).toEqual(['Jonathan Smith']);
    expect(top('ajo', people)).toEqual(['Mary Ajolo']);
  });

  it('an empty or blank query finds nothing', () => {
    expect(top('', people)).toEqual([]);
    expect(top('  ', people)).toEqual([]);
  });

  it('finds Greek, Cyrillic and accented names without their accents, and Chinese or Japanese inside a name', () => {
    const list = names(['Ελένη Παπαδοπούλου', 'Ёжиков Сергей', 'Zoë Łukasiewicz', '山田太郎', 'サトウ ハナコ']);
    expect(top('ελενη', list)).toEqual(['Ελένη Παπαδοπούλου']);
    expect(top('ΠΑΠΑ', list)).toEqual(['Ελένη Παπαδοπούλου']);
    expect(top('ежик', list)).toEqual(['Ёжиков Сергей']);
    expect(top('сергей', list)).toEqual(['Ёжиков Сергей']);
    expect(top('zoe luk', list)).toEqual(['Zoë Łukasiewicz']);
    expect(top('太郎', list)).toEqual(['山田太郎']);
    expect(top('ハナ', list)).toEqual(['サトウ ハナコ']);
  });

  it('substring matches only where the kind is searched by substring, and in the extra text last', () => {
    expect(top('lookup', names(['space-lookup', 'lookup-service'], [], true))).toEqual(['lookup-service', 'space-lookup']);
    expect(top('ookup', names(['space-lookup'], [], true))).toEqual(['space-lookup']);
    expect(top('ookup', names(['space-lookup']))).toEqual([]);
    const channels = [{ n: 'general', s: searchable(['general'], ['Where the deploys are announced']) }, ...names(['deploys'])];
    expect(top('deploy', channels)).toEqual(['deploys', 'general']);
  });

  it('keeps the index order within a tier and never returns more than top (property)', () => {
    const word = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')), { maxLength: 40 }), word, fc.integer({ min: 1, max: 8 }), (list, q, k) => {
      const items = names(list);
      const found = rank(needle(q), items, (x) => x.s, k);
      expect(found.length).toBeLessThanOrEqual(k);
      const tiers = found.map((x) => tierOf(needle(q), x.s));
      expect(tiers.every((t) => t >= 0)).toBe(true);
      expect([...tiers].sort((a, b) => a - b)).toEqual(tiers);
      for (let i = 1; i < found.length; i++) {
        if (tiers[i] === tiers[i - 1]) expect(items.indexOf(found[i]!)).toBeGreaterThan(items.indexOf(found[i - 1]!));
      }
      // Nothing better was left out: every matching item of a tier above the last one shown is shown.
      const last = tiers.at(-1);
      if (last !== undefined) {
        const better = items.filter((x) => { const t = tierOf(needle(q), x.s); return t >= 0 && t < last; });
        for (const x of better) expect(found).toContain(x);
      }
    }));
  });

  it('splits words on anything that is neither a letter nor a digit', () => {
    expect(wordsOf(fold('alex.demo@example.com Ann-Marie O’Neil'))).toEqual(['alex', 'demo', 'example', 'com', 'ann', 'marie', 'o', 'neil']);
  });
});
