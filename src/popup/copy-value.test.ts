import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../shared/kinds.ts';
import { displayText } from '../shared/ui/text.ts';
import { fixtureOf } from '../kinds/test-support/fixtures.ts';
import { markdownLink, markdownText, markdownUrl, valueToCopy } from './copy-value.ts';

const ORIGIN = 'https://space.example.com';

/**
 * A reader of one CommonMark inline link `[text](destination)`, strict where a renderer would read something else:
 * an unescaped `[`/`]` in the text, an unescaped character that opens a code span, raw HTML, emphasis, an entity or
 * (GFM) strikethrough / a table cell, or a destination with a space, a parenthesis, `<` or a backslash. Returns the
 * text as a renderer shows it (escapes removed) and the destination, or null.
 */
function readLink(md: string): { text: string; url: string } | null {
  if (!md.startsWith('[')) return null;
  let text = '';
  let i = 1;
  for (; i < md.length; i++) {
    const c = md[i]!;
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(md[i + 1] ?? '')) {
      text += md[++i];
      continue;
    }
    if (c === ']') break;
    if ('[`*_<>&~|!('.includes(c) || c === ')') return null;
    text += c;
  }
  if (md[i] !== ']' || md[i + 1] !== '(' || !md.endsWith(')')) return null;
  const url = md.slice(i + 2, -1);
  if (/[\s()<>\\]/.test(url)) return null;
  return { text, url };
}

describe('markdownLink (Alt+M)', () => {
  it('is [KEY Title](url) for issues and reviews, [Name](url) for the others', () => {
    const issue = { ...fixtureOf('issue', (n) => `s${n}`), key: 'ABC-T-42', title: 'Login fails', webUrl: `${ORIGIN}/p/ABC/issues/42` };
    expect(markdownLink(issue)).toBe(`[ABC-T-42 Login fails](${ORIGIN}/p/ABC/issues/42)`);
    const review = { ...fixtureOf('review', (n) => `s${n}`), key: 'ABC-MR-7', title: 'Fix [login] (again)', webUrl: `${ORIGIN}/p/ABC/reviews/7` };
    expect(markdownLink(review)).toBe(`[ABC-MR-7 Fix \\[login\\] \\(again\\)](${ORIGIN}/p/ABC/reviews/7)`);
    const person = { ...fixtureOf('person', (n) => `s${n}`), title: 'Ada Lovelace', webUrl: `${ORIGIN}/m/ada` };
    expect(markdownLink(person)).toBe(`[Ada Lovelace](${ORIGIN}/m/ada)`);
  });

  it('reads back as exactly the shown title and the same address, whatever the title and the path hold', () => {
    fc.assert(fc.property(
      fc.constantFrom(...ALL_KINDS),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({ unit: 'binary', maxLength: 40 }).filter((p) => !p.includes('%')),
      (kind, title, path) => {
        const url = `${ORIGIN}/${path}`;
        const entity = { ...fixtureOf(kind, (n) => `k${n}`), title, webUrl: url, ...(kind === 'issue' || kind === 'review' ? { key: 'ABC-T-1' } : {}) };
        const read = readLink(markdownLink(entity));
        expect(read).not.toBeNull();
        const shown = kind === 'issue' || kind === 'review' ? `ABC-T-1 ${title}` : title;
        expect(read!.text).toBe(displayText(shown));
        // Only characters a browser reads the same way were encoded (the path had no % of its own).
        expect(decodeURIComponent(read!.url)).toBe(url);
      },
    ));
  });

  it('escapes every Markdown special character in text and leaves a link\'s own percent-escapes alone', () => {
    expect(markdownText('a\\b`c*d_e<f>g&h~i|j!k')).toBe('a\\\\b\\`c\\*d\\_e\\<f\\>g\\&h\\~i\\|j\\!k');
    expect(markdownUrl(`${ORIGIN}/p/A B/(x)%20`)).toBe(`${ORIGIN}/p/A%20B/%28x%29%20`);
  });

  it('Alt+M copies nothing for a link off the configured origin, like Alt+C', () => {
    const person = { ...fixtureOf('person', (n) => `s${n}`), title: 'Eve', webUrl: 'https://evil.example/m/eve' };
    expect(valueToCopy(person, 'markdown', ORIGIN)).toBeNull();
    expect(valueToCopy(person, 'markdown', null)).toBeNull();
    expect(valueToCopy({ ...person, webUrl: `${ORIGIN}/m/eve` }, 'markdown', ORIGIN)).toBe(`[Eve](${ORIGIN}/m/eve)`);
  });
});
