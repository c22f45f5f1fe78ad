/**
 * Case- and accent-insensitive matching for the demo server's search parameters (`query`, `term`, `text`).
 *
 * [I] guessed Space behaviour: Space's people search finds "Łukasz" for "lukasz" and "Jörg" for "jorg"
 * and matches word prefixes ("jo" finds "Jonathan", not "Bjorn"). The exact rules of Space's search index are
 * unknown; these are the rules a user would expect.
 */

/** Letters that NFD does not decompose into base letter + mark. */
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', ħ: 'h', ŧ: 't',
};

/** The data set is fixed, so the same strings are folded on every search; caching keeps searches fast. */
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 50_000;

/** Lower case, strip diacritics (including Greek tonos/breathings), map ø/ł/ß & co. */
export function fold(text: string): string {
  const cached = foldCache.get(text);
  if (cached !== undefined) return cached;
  const folded = foldUncached(text);
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  foldCache.set(text, folded);
  return folded;
}

function foldUncached(text: string): string {
  const lowered = text.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('en');
  let out = '';
  for (const ch of lowered) out += EXTRA_FOLDS[ch] ?? ch;
  return out.normalize('NFC');
}

const wordsCache = new Map<string, readonly string[]>();

/** Splits folded text into words on anything that is not a letter or digit. */
export function words(text: string): readonly string[] {
  let cached = wordsCache.get(text);
  if (cached === undefined) {
    cached = fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
    if (wordsCache.size >= FOLD_CACHE_LIMIT) wordsCache.clear();
    wordsCache.set(text, cached);
  }
  return cached;
}

/**
 * True when every word of the query is a prefix of some word of the haystacks, or the whole folded query is a
 * prefix of one of the haystacks (so "alex.de" finds the username "alex.demo"). An empty query matches everything.
 */
export function matchesWordPrefixes(query: string, haystacks: readonly string[]): boolean {
  const queryWords = words(query);
  if (queryWords.length === 0) return true;
  const foldedQuery = fold(query).trim();
  if (haystacks.some((h) => fold(h).startsWith(foldedQuery))) return true;
  const candidateWords = haystacks.flatMap(words);
  return queryWords.every((q) => candidateWords.some((w) => w.startsWith(q)));
}

/** Folded substring match; an empty needle matches everything. */
export function containsFolded(haystack: string, needle: string): boolean {
  return fold(haystack).includes(fold(needle).trim());
}
