/**
 * The empty box as listbox groups (ResultList draws them like search results): Pinned, then Waiting for you, then
 * Recent. An item is listed once, in the first of these lists that holds it (the active option is remembered by
 * kind + id).
 */
import type { Entity } from '../shared/kinds.ts';
import { t } from '../shared/i18n.ts';
import type { WaitingEntry } from '../shared/home.ts';
import type { ListGroup } from './components/ResultList.tsx';
import type { HomeLists } from './home-lists.ts';
import { entityKey } from '../shared/kinds.ts';

/**
 * The lists as groups. `age` ("3 days ago": relativeTime, time-format.ts) comes with the extras, a moment after the
 * first frame, so Intl's relative-time formatting is not part of it.
 */
export function homeGroups({ pinned, waiting, recent }: HomeLists, now: number, age?: (at: number, now: number) => string): ListGroup[] {
  /**
   * "your turn", then "ABC · 3 days ago": why it waits over its project and since when (when Space says), two short
   * lines at the row's end (popup.css) so the title keeps its width.
   */
  const waitingMark = (w: WaitingEntry) =>
    `${t(w.reason === 'your-turn' ? 'home_yourTurn' : 'home_assigned')}\n${[String(w.project), age && typeof w.since === 'number' && age(w.since, now)].filter(Boolean).join(' · ')}`;
  const seen = new Set<string>();
  /** The entries of one list not listed above it, each with its row's mark. */
  const group = <E extends { entity: Entity }>(list: readonly E[], mark: (e: E) => string | false | undefined) => {
    const items: Entity[] = [];
    const marks: (string | false | undefined)[] = [];
    for (const entry of list) {
      const key = entityKey(entry.entity);
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(entry.entity);
      marks.push(mark(entry));
    }
    return { items, marks };
  };
  const groups: ListGroup[] = [];
  const pins = group(pinned, (p) => p.gone && t('home_gone'));
  if (pins.items.length > 0) groups.push({ id: 'pinned', label: t('home_pinned'), ...pins });
  if (waiting) {
    groups.push({
      id: 'waiting',
      label: t('home_waiting'),
      // Never an empty list that pretends nothing waits: a failed refresh keeps the last rows, marked as not up to date.
      aside: waiting.stale ? t('home_stale') : waiting.items.length === 0 ? t('home_nothingWaits') : null,
      asideId: 'waiting-aside',
      cached: !!waiting.stale,
      ...group(waiting.items, waitingMark),
    });
  }
  const recents = group(recent, () => undefined);
  if (recents.items.length > 0) groups.push({ id: 'recent', label: t('home_recent'), ...recents });
  return groups;
}
