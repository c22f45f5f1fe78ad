import { copyKeyOf } from '../kinds/card-registry.tsx';
import type { Entity } from '../shared/kinds.ts';
import { displayText } from '../shared/ui/text.ts';
import { isSameOriginUrl } from '../space/same-origin.ts';
import { fullest } from './details-cache.ts';

export type CopyWhat = 'link' | 'key' | 'email' | 'markdown';

/** What Alt+C / Alt+K / Alt+E / Alt+M put on the clipboard for a result, or null when it has none. */
export function valueToCopy(entity: Entity, what: CopyWhat, origin: string | null): string | null {
  if (what === 'link' || what === 'markdown') {
    if (!origin || !isSameOriginUrl(entity.webUrl, origin)) return null;
    return what === 'link' ? entity.webUrl : markdownLink(entity);
  }
  if (what === 'key') return copyKeyOf(entity);
  const full = fullest(entity);
  return full.kind === 'person' ? full.emails[0] ?? null : null;
}

/**
 * Space text as CommonMark link text: a backslash before every character that could end the text (`]`), open a
 * nested link, a code span or raw HTML (which bind tighter than the link's brackets), or turn the title into
 * emphasis, an entity or (GFM) strikethrough or a table cell. Any ASCII punctuation may be backslash-escaped, so
 * every renderer shows the title as it is.
 */
export const markdownText = (text: string) => displayText(text).replace(/[\\`*_[\]()<>&~|!]/g, '\\$&');

/**
 * A link's destination for Markdown: characters that would end it (space, `)`), unbalance it (`(`), or make it an
 * angle-bracket destination are percent-encoded, which a browser reads as the same address.
 */
export const markdownUrl = (url: string) =>
  // eslint-disable-next-line no-control-regex
  url.replace(/[\s()<>\\\u0000-\u001f\u007f]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));

/** `[ABC-T-42 Title](url)` for issues and reviews (key and title, as their rows show them), `[Name](url)` for the others. */
export function markdownLink(entity: Entity): string {
  const text = entity.kind === 'issue' || entity.kind === 'review' ? `${entity.key} ${entity.title}` : entity.title;
  return `[${markdownText(text)}](${markdownUrl(entity.webUrl)})`;
}
