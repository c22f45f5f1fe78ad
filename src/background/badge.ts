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
  /** i18n key of the tooltip. */
  titleKey: string;
  fallbackTitle: string;
}

const LOOKS: Record<Exclude<BadgeState, 'ok'>, BadgeLook> = {
  'not-configured': {
    text: '?', color: '#6b7280', titleKey: 'bg_badgeNotConfigured',
    fallbackTitle: 'Space Lookup — not connected. Open Options to connect your Space organization.',
  },
  rejected: {
    text: '!', color: '#b91c1c', titleKey: 'bg_badgeTokenRejected',
    fallbackTitle: 'Space Lookup — Space rejected the token. Replace it in Options.',
  },
  'no-host-permission': {
    text: '!', color: '#b45309', titleKey: 'bg_badgeNoHostAccess',
    fallbackTitle: 'Space Lookup — no access to your Space server. Grant access in Options.',
  },
};

export async function computeBadgeState(platform: Platform): Promise<BadgeState> {
  const { record, token } = await readConnection(platform);
  if (!record || token === null) return 'not-configured';
  if (record.auth === 'rejected') return 'rejected';
  return (await hasHostPermission(platform, record.origin)) ? 'ok' : 'no-host-permission';
}

function message(platform: Platform, key: string, fallback: string): string {
  try {
    return platform.i18n.getMessage(key) || fallback;
  } catch {
    return fallback;
  }
}

export async function showBadge(platform: Platform, state: BadgeState): Promise<void> {
  if (state === 'ok') {
    await platform.action.setBadgeText({ text: '' });
    await platform.action.setTitle({ title: message(platform, 'actionTitle', 'Space Lookup') });
    return;
  }
  const look = LOOKS[state];
  await platform.action.setBadgeBackgroundColor({ color: look.color });
  await platform.action.setBadgeText({ text: look.text });
  await platform.action.setTitle({ title: message(platform, look.titleKey, look.fallbackTitle) });
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
