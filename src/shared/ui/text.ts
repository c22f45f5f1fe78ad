/**
 * Space data is shown as text, never markup. This makes that text safe to *display*: no bidi
 * overrides that could reorder the UI around it, no invisible characters, no control characters,
 * and a bounded length so a 5 kB title cannot blow up the popup.
 */

/** Longest text shown for one field; CSS truncates visually long before this. */
export const MAX_TEXT = 300;

/**
 * Bidi embeddings/overrides/isolates and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C),
 * zero-width characters (U+200B–200D, U+2060, U+FEFF, U+180E), soft hyphen, and C0/C1 controls.
 * Direction is isolated by `<bdi>` / `unicode-bidi: isolate` instead.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const WHITESPACE_RUN = /[\s\u0085]+/g;

/** One line with nothing invisible: what both display text and query text start from. */
const clean = (value: string) => value.replace(INVISIBLE, '').replace(WHITESPACE_RUN, ' ').trim();

export function displayText(value: unknown, max: number = MAX_TEXT): string {
  return typeof value === 'string' ? truncate(clean(value), max) : '';
}

/**
 * Untrusted text that becomes a search query (`?q=`, a page selection, a stored view): one line,
 * nothing invisible, cut without an ellipsis (it is input, not display). `max` counts UTF-16 units, as
 * the worker's schema does (LIMITS.query): a cut by code points could leave emoji text twice too long.
 */
export function singleLine(value: string, max: number): string {
  const line = clean(value);
  if (line.length <= max) return line;
  // Don't cut a surrogate pair in half.
  const cut = /[\ud800-\udbff]/.test(line.charAt(max - 1)) ? line.slice(0, max - 1) : line.slice(0, max);
  return cut.trimEnd();
}

/** Cuts at a code point boundary (never splits a surrogate pair) and marks the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
}

/** One or two letters for an initials avatar. */
export function initials(name: string): string {
  const words = displayText(name, 80).split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w));
  const first = words[0] ? Array.from(words[0])[0] ?? '' : '';
  const last = words.length > 1 ? Array.from(words[words.length - 1] ?? '')[0] ?? '' : '';
  return (first + last).toUpperCase() || '?';
}

/**
 * A stable hue from an id, so the same person always gets the same avatar colour.
 * FNV-1a: tiny and well spread for short strings.
 */
export function hueFor(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 360;
}
