/**
 * The toolbar badge shows state only — never counts, never data: nothing set up, the token rejected, or the
 * host permission missing. It is derived from storage each time (the worker keeps no state in memory) and
 * cleared when all is well. The tooltip explains the state in words.
 */
import { readConnection } from './connection-store.ts';
import { hasHostPermission } from './host-permission.ts';
import type { Platform } from './platform.ts';

export type BadgeState = 'ok' | 'not-configured' | 'rejected' | 'no-host-permission';

interface BadgeLook {
  text: string;
  color: string;
  /** i18n key of the tooltip (messages.json always has it; the badge tests read it through the fake i18n). */
  titleKey: string;
}

const LOOKS: Record<Exclude<BadgeState, 'ok'>, BadgeLook> = {
  'not-configured': { text: '?', color: '#6b7280', titleKey: 'bg_badgeNotConfigured' },
  rejected: { text: '!', color: '#b91c1c', titleKey: 'bg_badgeTokenRejected' },
  'no-host-permission': { text: '!', color: '#b45309', titleKey: 'bg_badgeNoHostAccess' },
};

export async function computeBadgeState(platform: Platform): Promise<BadgeState> {
  const { record, token } = await readConnection(platform);
  if (!record || token === null) return 'not-configured';
  if (record.auth === 'rejected') return 'rejected';
  return (await hasHostPermission(platform, record.origin)) ? 'ok' : 'no-host-permission';
}

/** No English fallback copy here: it would drift from messages.json, and an empty title shows the extension name. */
function message(platform: Platform, key: string): string {
  try {
    return platform.i18n.getMessage(key);
  } catch {
    return '';
  }
}

export async function showBadge(platform: Platform, state: BadgeState): Promise<void> {
  if (state === 'ok') {
    await platform.action.setBadgeText({ text: '' });
    await platform.action.setTitle({ title: message(platform, 'actionTitle') });
    return;
  }
  const look = LOOKS[state];
  await platform.action.setBadgeBackgroundColor({ color: look.color });
  await platform.action.setBadgeText({ text: look.text });
  await platform.action.setTitle({ title: message(platform, look.titleKey) });
}

/** Recompute from storage and show. Never throws: a badge must not break the request that triggered it. */
export async function refreshBadge(platform: Platform): Promise<BadgeState> {
  try {
    const state = await computeBadgeState(platform);
    await showBadge(platform, state);
    return state;
  } catch {
    return 'ok';
  }
}
