/**
 * What the popup does outside itself: open tabs and write the clipboard, and say so in the status line. Not needed
 * for the first frame: loaded with the extras (extras.ts), which are there long before the first Enter.
 */
import browser from '../shared/browser.ts';
import { t } from '../shared/i18n.ts';
import { ask } from '../shared/messaging.ts';
import type { Entity } from '../shared/kinds.ts';
import { isSameOriginUrl } from '../space/same-origin.ts';
import { displayText } from '../shared/ui/text.ts';
import { announce, type SetNotice } from './notices.ts';

export type OpenOutcome = 'opened' | 'blocked';

/**
 * Opens a Space page. Only URLs on the configured origin are opened, whatever the data says.
 * `tabs.create` needs no permission. A foreground tab closes the popup (Chrome does this itself
 * when focus leaves; Firefox needs the explicit close).
 */
export async function openInSpace(url: string, origin: string | null, background: boolean): Promise<OpenOutcome> {
  if (!origin || !isSameOriginUrl(url, origin)) return 'blocked';
  await browser.tabs.create({ url, active: !background });
  if (!background) window.close();
  return 'opened';
}

/**
 * The worker adds an item opened or copied from the popup to Recent (`remember`: not from a private window). Sent
 * before the tab opens, which may close the popup; the worker finds the item itself.
 */
const rememberItem = (entity: Entity, remember: boolean) => {
  if (remember) void ask({ type: 'remember', kind: entity.kind, id: entity.id });
};

/** Opens `entity` in Space (only on the configured origin); says so for a background tab or a refused link. */
export async function openEntity(
  entity: Entity, background: boolean, origin: string | null, setNotice: SetNotice, remember: boolean,
): Promise<void> {
  if (origin && isSameOriginUrl(entity.webUrl, origin)) rememberItem(entity, remember);
  const outcome = await openInSpace(entity.webUrl, origin, background);
  if (outcome === 'blocked') announce(setNotice, t('popup_blockedUrl'));
  else if (background) announce(setNotice, t('popup_opened', displayText(entity.title, 80)));
}

/** Longest value we put on the clipboard; keys, names and links are far shorter. */
const MAX_COPY = 2000;

/**
 * Copies Space text without bidi or zero-width characters, so a pasted "e-mail" cannot carry hidden
 * reordering. Resolves to the text actually copied, or null when the clipboard refused.
 */
export async function copyText(text: string): Promise<string | null> {
  const clean = displayText(text, MAX_COPY);
  if (!clean) return null;
  try {
    await navigator.clipboard.writeText(clean);
    return clean;
  } catch {
    return null;
  }
}

/** Copies `text` (cleaned) of `entity` and says what was copied, or that the clipboard refused. */
export async function copyAndSay(text: string, setNotice: SetNotice, entity: Entity, remember: boolean): Promise<void> {
  rememberItem(entity, remember);
  const copied = await copyText(text);
  announce(setNotice, copied ? t('popup_copied', displayText(copied, 80)) : t('popup_copyFailed'));
}
