/**
 * "1 result could not be read" / "3 results could not be read": the count of a group's items Space sent in a shape
 * the extension could not read (`ResultGroup.unreadable`). Chrome's i18n has no plurals, so the form is chosen
 * with the UI language's plural rules; a language with more forms than `one`/`other` gets its `other` text until
 * it has keys of its own.
 */
import { t } from '../shared/i18n.ts';

export function unreadableText(count: number): string {
  let form: Intl.LDMLPluralRule = count === 1 ? 'one' : 'other';
  try {
    form = new Intl.PluralRules(document.documentElement.lang || undefined).select(count);
  } catch {
    // An unknown language tag: English's rule above.
  }
  return t(form === 'one' ? 'popup_unreadable_one' : 'popup_unreadable_other', String(count));
}
