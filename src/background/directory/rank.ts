/**
 * How the local directory matches and orders a query: one function for every directory kind.
 *
 * Space ranks its own searches; its exact rules are [U] (docs/space-behaviour.md, "Local directory"). The index
 * ranks the way a user expects a lookup to, in four tiers, each kept in index order (stable):
 *   0. exact     a name (full name, username, key…) equals the query;
 *   1. prefix    a name starts with the query;
 *   2. words     every word of the query starts a word of the names ("jo sm" → "John Smith");
 *   3. contains  the query is inside a name, for kinds Space searches by substring (repositories, chat channels
 *                [C: `term` is "a substring of the name"; channels' `query` matches name or description]) and for
 *                queries in scripts written without spaces (Chinese, Japanese: a word is a whole run of
 *                characters there) — or inside the extra text (e-mail, description, address) of any kind.
 * Case and diacritics are folded (Łukasz = lukasz, Jörg = jorg, Ελένη = ελενη, Ё = е), for every script.
 */

/** Letters NFD leaves whole. */
const EXTRA: Record<string, string> = { ς: 'σ', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', ħ: 'h', ŧ: 't' };
const MARKS = /\p{M}+/gu;
const FOLDED = /[ςøłđðþæœßıħŧ]/g;
/** Anything that is not a letter or a digit separates words. */
const SEPARATOR = /[^\p{L}\p{N}]+/u;
/** Scripts written without spaces between words. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}]/u;

/**
 * Lower case without diacritics, ø/ł/ß & co. spelled out; NFC. Upper then lower case, so letters with an odd lower
 * form (ᲀ, ſ) meet their usual one; marks go after, since casing may add some (İ → i̇).
 */
export function fold(text: string): string {
  return text.toUpperCase().toLowerCase().normalize('NFD').replace(MARKS, '').replace(FOLDED, (c) => EXTRA[c]!).normalize('NFC');
}

export function wordsOf(folded: string): string[] {
  return folded.split(SEPARATOR).filter((w) => w !== '');
}

/** An item's texts, folded once when the index is loaded. */
export interface Searchable {
  /** Names, key, username, e-mail: what exact, prefix and word matches look at. */
  names: string[];
  /** Their words. */
  words: string[];
  /** Extra text only found by `contains` (description, address), newline-joined. */
  extra: string;
  /** Names are found by substring too (the kind's server search does that). */
  inside: boolean;
}

export function searchable(names: readonly string[], extra: readonly string[], inside = false): Searchable {
  const folded = names.filter((n) => n !== '').map(fold);
  return { names: folded, words: folded.flatMap(wordsOf), extra: extra.filter((e) => e !== '').map(fold).join('\n'), inside };
}

/** A folded query and its words. */
export interface Needle {
  text: string;
  words: string[];
  unspaced: boolean;
}

export function needle(query: string): Needle {
  const text = fold(query).trim();
  return { text, words: wordsOf(text), unspaced: UNSPACED.test(text) };
}

/** The tier (0 best … 3), or -1 when the item does not match; an empty query matches nothing. */
export function tierOf(q: Needle, item: Searchable): number {
  if (q.text === '') return -1;
  let best = -1;
  for (const name of item.names) {
    if (name === q.text) return 0;
    if (name.startsWith(q.text)) best = 1;
  }
  if (best !== -1) return best;
  if (q.words.length > 0 && q.words.every((w) => item.words.some((iw) => iw.startsWith(w)))) return 2;
  if ((item.inside || q.unspaced) && item.names.some((n) => n.includes(q.text))) return 3;
  return item.extra.includes(q.text) ? 3 : -1;
}

/**
 * The best `top` of `items` for the query: by tier, then in their own order. One pass, keeping at most `top` per
 * tier, so a 10,000-person directory costs one scan per keystroke and no sort of the whole list.
 */
export function rank<T>(q: Needle, items: readonly T[], textOf: (item: T) => Searchable, top: number): T[] {
  const tiers: T[][] = [[], [], [], []];
  for (const item of items) {
    const tier = tierOf(q, textOf(item));
    if (tier >= 0 && tiers[tier]!.length < top) {
      tiers[tier]!.push(item);
      if (tier === 0 && tiers[0]!.length >= top) break;
    }
  }
  return tiers.flat().slice(0, top);
}
