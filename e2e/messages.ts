/**
 * The extension's English UI strings, resolved like chrome.i18n.getMessage does (the unit fakes' resolver),
 * so tests assert that the specific message for a situation is shown without copying its wording.
 */
import { getMessage } from '../src/shared/test-support/messages.ts';

export function msg(key: string, ...subs: string[]): string {
  const text = getMessage(key, subs);
  if (text === '') throw new Error(`no message "${key}" in messages.json`);
  return text;
}
