/**
 * The popup's keyboard map, as a pure function of the key event, so every shortcut is unit-tested.
 * Letter and digit shortcuts use `code` (the physical key): with Alt held, macOS layouts turn `key`
 * into symbols (Option+C = "ç").
 */
import { filterIndexOfDigit } from './filters.ts';

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

export function commandFor(e: KeyLike, ctx: KeyContext): Command | null {
  if (e.isComposing) return null;
  const primary = e.ctrlKey || e.metaKey;

  if (e.altKey && !primary) {
    // Alt+1…9, 0: the chips in order (filters.ts); a digit with no chip is left alone.
    const index = filterIndexOfDigit(/^(?:Digit|Numpad)(\d)$/.exec(e.code)?.[1] ?? '');
    if (index !== null) return { type: 'filter', index };
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
