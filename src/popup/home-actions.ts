/**
 * What the empty box's lists do beyond painting, loaded with the extras after the first frame: the refresh of Waiting
 * for you and pinning (Alt+P, the card's Pin button). The worker keeps the lists (src/background/home/); the popup
 * shows its answers at once.
 */
import { errorLine } from '../shared/error-text.ts';
import { MAX_PINNED, type PinnedEntry, type WaitingEntry, type WaitingList } from '../shared/home.ts';
import { t } from '../shared/i18n.ts';
import type { Entity } from '../shared/kinds.ts';
import { ask } from '../shared/messaging.ts';
import { displayText } from '../shared/ui/text.ts';
import { itemsOf, type Loose } from './home-lists.ts';
import { isPrivateWindow } from './private-window.ts';

/** The worker's answer to `waiting`, with its unusable rows dropped, like what is read from storage (home-lists.ts). */
function waitingList(value: unknown): WaitingList {
  const list = value as WaitingList;
  return { ...list, items: itemsOf<WaitingEntry>(value as Loose), notes: Array.isArray(list.notes) ? list.notes : [] };
}

/** Asks the worker to refresh Waiting for you (Space down: the last rows, marked stale); null when it could not answer. */
export async function refreshWaiting(): Promise<WaitingList | null> {
  const answer = await ask({ type: 'waiting' });
  return answer.ok ? waitingList(answer.value) : null;
}

export interface PinOutcome {
  /** The Pinned list as the worker now keeps it; absent when nothing changed. */
  pinned?: PinnedEntry[];
  /** What the status line says. */
  text: string;
}

/** Pins `entity`, or unpins it when `pinned` holds it. A full list is said at once, without asking. */
export async function togglePin(entity: Entity, pinned: readonly PinnedEntry[], host: string | null): Promise<PinOutcome> {
  // Nothing of a private window is kept (the worker would refuse it too).
  if (isPrivateWindow()) return { text: t('popup_pinPrivate') };
  const on = !pinned.some((p) => p.entity.kind === entity.kind && p.entity.id === entity.id);
  if (on && pinned.length >= MAX_PINNED) return { text: t('popup_pinLimit', String(MAX_PINNED)) };
  const answer = await ask({ type: 'pin', kind: entity.kind, id: entity.id, pinned: on });
  if (!answer.ok) return { text: errorLine(answer.error, { where: 'popup', host }) };
  const title = displayText(entity.title, 80);
  return { pinned: answer.value.items, text: t(on ? 'popup_pinnedNotice' : 'popup_unpinnedNotice', title) };
}
