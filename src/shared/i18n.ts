/**
 * UI text from `public/_locales/<lang>/messages.json`. The key type is derived from the English file,
 * so a typo in a key is a compile error rather than a blank label.
 */
import browser from './browser.ts';
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

/**
 * The localized message, with `$1…$9` substitutions. Falls back to the key itself so a missing
 * translation is visible (and testable) instead of an empty label.
 */
export function t(key: MessageKey, substitutions?: string | readonly string[]): string {
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions ? [...substitutions] : undefined;
  let text = '';
  try {
    text = browser.i18n.getMessage(key, subs);
  } catch {
    // getMessage throws on more than 9 substitutions or outside an extension; the key is still useful.
  }
  return text || key;
}
