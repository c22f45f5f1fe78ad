/**
 * The toolbar badge shows state, and — only when the user opted in (Settings.showWaitingCount) and all is well —
 * one count: the code reviews where it is the user's turn, read from the stored Waiting for you list (the same
 * number as the popup's list; src/shared/home.ts), never any other data. The states: nothing set up, the token
 * rejected (or, for "Sign in with Space", the sign-in ended: sign in again), the host permission missing, or the
 * stored connection refused by the organization's managed settings; each keeps priority over the count. It is
 * derived from storage each time (the worker keeps no state in memory) and cleared when all is well and nothing
 * waits. The tooltip explains the state, or the count, in words.
 *
 * Every refresh also brings the count's alarm in line (waiting-schedule.ts): set while the count is on and the
 * connection works, cleared otherwise.
 */
import type { ConnectionStatus } from '../shared/protocol.ts';
import { WAITING_KEY } from '../shared/home.ts';
import { readHomeList } from './home/store.ts';
import { statusOf, toStatus } from './connection-status.ts';
import { currentConnectionId, readConnection } from './connection-store.ts';
import type { Platform } from './platform.ts';
import { applyPolicyTo, readPolicy, storedRefusal } from './policy.ts';
import { readSettings } from './settings-store.ts';
import { syncWaitingAlarm } from './waiting-schedule.ts';

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
function message(platform: Platform, key: string, substitution?: string): string {
  try {
    return platform.i18n.getMessage(key, substitution);
  } catch {
    return '';
  }
}

/** The count's look: calm (not the states' red or amber), so it reads as news, not as trouble. */
const COUNT_COLOR = '#1d4ed8';
/** The badge has room for about four characters. */
const MAX_SHOWN_COUNT = 99;

export function countText(count: number): string {
  return count > MAX_SHOWN_COUNT ? `${MAX_SHOWN_COUNT}+` : String(count);
}

/** `count`: code reviews waiting for the user, when the count is on (null: off); shown only in state 'ok', and not 0. */
export async function showBadge(platform: Platform, state: BadgeState, count: number | null = null): Promise<void> {
  if (state === 'ok' && count !== null && count > 0) {
    // The worker's default locale is the browser's UI language, the one chrome.i18n picks messages for.
    const plural = new Intl.PluralRules().select(count);
    await platform.action.setBadgeBackgroundColor({ color: COUNT_COLOR });
    await platform.action.setBadgeText({ text: countText(count) });
    await platform.action.setTitle({ title: message(platform, plural === 'one' ? 'bg_badgeWaiting_one' : 'bg_badgeWaiting_other', String(count)) });
    return;
  }
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
  await present(platform, badgeStateOf(status)).catch(() => undefined);
  return status;
}

/** Recompute from storage and show. Never throws: a badge must not break the request that triggered it. */
export async function refreshBadge(platform: Platform): Promise<BadgeState> {
  try {
    const state = await computeBadgeState(platform);
    await present(platform, state);
    return state;
  } catch {
    return 'ok';
  }
}

/** Whether the count is on and the connection works: its alarm is set, and a wake-up may ask Space. */
export async function waitingCountWanted(platform: Platform): Promise<boolean> {
  const [settings, state] = await Promise.all([readSettings(platform), computeBadgeState(platform)]);
  return settings.showWaitingCount && state === 'ok';
}

/** Shows `state` (with the count when it is on) and brings the count's alarm in line. */
async function present(platform: Platform, state: BadgeState): Promise<void> {
  const { showWaitingCount } = await readSettings(platform);
  const wanted = showWaitingCount && state === 'ok';
  await showBadge(platform, state, wanted ? await yourTurnCount(platform) : null);
  await syncWaitingAlarm(platform, wanted);
}

/**
 * The "your turn" rows of the stored connection's Waiting for you list, read and parsed as the popup reads it
 * (home/store.ts: its own area, malformed entries dropped, only a list of this connection), so the two numbers
 * agree. No list yet: 0 (nothing shown until the first refresh). A stale list (the last refresh failed) still
 * counts: the popup shows it too, marked as stale.
 */
async function yourTurnCount(platform: Platform): Promise<number> {
  const id = await currentConnectionId(platform);
  if (id === null) return 0;
  const list = await readHomeList(platform, { key: id, private: false }, WAITING_KEY);
  return list?.items.filter((e) => e.reason === 'your-turn').length ?? 0;
}
