/**
 * Hover intent for the result list (ResultList.tsx): the pointer must rest on a row for a moment before its card
 * replaces the current one, so a pointer crossing the list on its way elsewhere changes nothing. With the extras:
 * nobody points at the first frame. One popup per page, so one timer.
 */
import { OPTION_ID_PREFIX } from './components/ResultList.tsx';

/** How long the pointer must rest on a row before its card replaces the current one. */
const HOVER_INTENT_MS = 200;

let timer: ReturnType<typeof setTimeout> | undefined;

/** The pointer moved over `target` (null: it left the list); `onPoint(i)` once it rests on option `i`, not `active`. */
export function pointerRest(target: EventTarget | null, active: number, onPoint: (index: number) => void): void {
  clearTimeout(timer);
  const id = (target as Element | null)?.closest?.('[role="option"]')?.id ?? '';
  const index = id.startsWith(OPTION_ID_PREFIX) ? Number(id.slice(OPTION_ID_PREFIX.length)) : -1;
  if (index >= 0 && index !== active) timer = setTimeout(() => onPoint(index), HOVER_INTENT_MS);
}
