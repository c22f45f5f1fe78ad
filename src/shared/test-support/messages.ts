/** chrome.i18n.getMessage over the real English messages.json, for the page and worker fakes alike. */
import messages from '../../../public/_locales/en/messages.json' with { type: 'json' };

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/** chrome.i18n.getMessage semantics: named placeholders → their content, then $1…$9 → substitutions. */
export function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = (messages as Record<string, MessageEntry | undefined>)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? placeholder.content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : subs[Number(d) - 1] ?? ''));
}
