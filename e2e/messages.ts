/**
 * The extension's English UI strings, resolved like chrome.i18n.getMessage does, so tests assert that the
 * specific message for a situation is shown without copying its wording.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.ts';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const catalog = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, MessageEntry>;

export function msg(key: string, ...subs: string[]): string {
  const entry = catalog[key];
  if (!entry) throw new Error(`no message "${key}" in messages.json`);
  return entry.message.replace(/\$(\w+)\$/g, (whole, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content;
    if (!content) return whole;
    return content.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  });
}
