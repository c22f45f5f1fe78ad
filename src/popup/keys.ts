/**
 * The popup's keyboard map, as a pure function of the key event, so every shortcut is unit-tested.
 * Letter and digit shortcuts use `code` (the physical key): with Alt held, macOS layouts turn `key`
 * into symbols (Option+C = "ç").
 */

export type Command =
  | { type: 'move'; move: 'next' | 'prev' | 'first' | 'last' }
  | { type: 'open'; background: boolean }
  | { type: 'copy'; what: 'link' | 'key' | 'email' }
  | { type: 'filter'; index: number }
  | { type: 'escape' };

export interface KeyLike {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

export interface KeyContext {
  /** The user has moved through the results since typing: Home/End then address the list, not the caret. */
  listMode: boolean;
}

/** Number of filter chips reachable with Alt+1…Alt+N. */
export const FILTER_SHORTCUTS = 8;

export function commandFor(e: KeyLike, ctx: KeyContext): Command | null {
  if (e.isComposing) return null;
  const primary = e.ctrlKey || e.metaKey;

  if (e.altKey && !primary) {
    const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1];
    if (digit !== undefined && Number(digit) <= FILTER_SHORTCUTS) return { type: 'filter', index: Number(digit) - 1 };
    if (e.shiftKey) return null;
    if (e.code === 'KeyC') return { type: 'copy', what: 'link' };
    if (e.code === 'KeyK') return { type: 'copy', what: 'key' };
    if (e.code === 'KeyE') return { type: 'copy', what: 'email' };
    return null;
  }
  if (e.altKey) return null;

  switch (e.key) {
    case 'ArrowDown': return e.shiftKey || primary ? null : { type: 'move', move: 'next' };
    case 'ArrowUp': return e.shiftKey || primary ? null : { type: 'move', move: 'prev' };
    case 'Home': return (primary || ctx.listMode) && !e.shiftKey ? { type: 'move', move: 'first' } : null;
    case 'End': return (primary || ctx.listMode) && !e.shiftKey ? { type: 'move', move: 'last' } : null;
    case 'Enter': return e.shiftKey ? null : { type: 'open', background: primary };
    case 'Escape': return primary || e.shiftKey ? null : { type: 'escape' };
    default: return null;
  }
}

/** Shown in hints: "⌘" on Apple platforms, "Ctrl" elsewhere. */
export function primaryKeyName(platform: string = navigator.platform): string {
  return /mac|iphone|ipad/i.test(platform) ? '⌘' : 'Ctrl';
}
