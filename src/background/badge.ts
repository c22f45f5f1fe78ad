/**
 * The toolbar badge shows state only — never counts, never data: nothing set up, the token rejected (or, for
 * "Sign in with Space", the sign-in ended: sign in again), the host permission missing, or the stored connection
 * refused by the organization's managed settings. It is derived from storage each time (the worker keeps no state in memory) and
 * cleared when all is well. The tooltip explains the state in words.
 */
import type { ConnectionStatus } from '../shared/protocol.ts';
import { statusOf, toStatus } from './connection-status.ts';
import { readConnection } from './connection-store.ts';
import type { Platform } from './platform.ts';
import { applyPolicyTo, readPolicy, storedRefusal } from './policy.ts';

export type BadgeState = 'ok' | 'not-configured' | 'rejected' | 'sign-in-again' | 'no-host-permission' | 'policy';

interface BadgeLook {
  text: string;
  color: string;
  /** i18n key of the tooltip (messages.json always has it; the badge tests read it through the fake i18n). */
  titleKey: string;
}

const LOOKS: Record<Exclude<BadgeState, 'ok'>, BadgeLook> = {
  'not-configured': { text: '?', color: '#6b7280', titleKey: 'bg_badgeNotConfigured' },
  rejected: { text: '!', color: '#b91c1c', titleKey: 'bg_badgeTokenRejected' },
  'sign-in-again': { text: '!', color: '#b91c1c', titleKey: 'bg_badgeSignInAgain' },
  'no-host-permission': { text: '!', color: '#b45309', titleKey: 'bg_badgeNoHostAccess' },
  policy: { text: '!', color: '#b91c1c', titleKey: 'bg_badgePolicy' },
};

/** The badge says what the pages are told (`ConnectionStatus.auth`), so the two never disagree. */
function badgeStateOf(status: ConnectionStatus): BadgeState {
  if (status.refused) return 'policy';
  if (!status.configured) return 'not-configured';
  if (status.auth === 'rejected' || status.auth === 'sign-in-again' || status.auth === 'no-host-permission') return status.auth;
  return 'ok';
}

export async function computeBadgeState(platform: Platform): Promise<BadgeState> {
  return badgeStateOf(await readPageStatus(platform));
}

/**
 * `readStatus` with the organization's word on the stored connection: one the managed settings no longer allow
 * is not configured, whatever is left of it, and says why (`refused`). Judged from the policy each time, so the
 * status is right even before its secret is dropped, and again once a policy is lifted. `apply`: also act on it
 * (`applyPolicyTo`: drop a refused secret, move one off disk), from the same reads.
 */
async function readPageStatus(platform: Platform, opts: { apply?: boolean } = {}): Promise<ConnectionStatus> {
  const [policy, read] = await Promise.all([readPolicy(platform), readConnection(platform)]);
  const stored = opts.apply ? await applyPolicyTo(platform, policy, read) : read;
  const refused = stored.record ? storedRefusal(policy, stored.record) : null;
  if (!refused) return statusOf(platform, stored);
  return { ...toStatus({ record: stored.record, token: null }, false), remembered: true, refused };
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

/**
 * The page's view of the connection, read from storage once, with the badge brought in line with it (the
 * status, connect and verify answers). A failing badge update does not fail the answer. `applyPolicy`: see
 * `readPageStatus` (the status request).
 */
export async function statusWithBadge(platform: Platform, opts: { applyPolicy?: boolean } = {}): Promise<ConnectionStatus> {
  const status = await readPageStatus(platform, { apply: opts.applyPolicy === true });
  await showBadge(platform, badgeStateOf(status)).catch(() => undefined);
  return status;
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
