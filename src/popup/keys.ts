/**
 * The popup's keyboard map, as a pure function of the key event, so every shortcut is unit-tested. Loaded with the
 * extras (use-keyboard-commands.ts keeps the keys pressed before). Letter and digit shortcuts use `code` (the
 * physical key): with Alt held, macOS layouts turn `key` into symbols (Option+C = "ç").
 */
import { FILTERS } from './filters.ts';
import type { CommandHandlers } from './use-keyboard-commands.ts';

/** The index of the chip Alt+`digit` selects among `count` chips, or null when there is no such chip. */
export function filterIndexOfDigit(digit: string, count: number = FILTERS.length): number | null {
  const index = (Number(digit) + 9) % 10;
  return /^\d$/.test(digit) && index < count ? index : null;
}

export type Command =
  | { type: 'move'; move: 'next' | 'prev' | 'first' | 'last' }
  | { type: 'open'; background: boolean }
  | { type: 'copy'; what: 'link' | 'key' | 'email' | 'markdown' }
  /** Pin the active item to the empty box, or unpin it. */
  | { type: 'pin' }
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
    if (e.code === 'KeyM') return { type: 'copy', what: 'markdown' };
    if (e.code === 'KeyP') return { type: 'pin' };
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

/**
 * Acts on a key: its command (`commandFor`), run by its handler. Moving and opening only while typing in the box
 * (`fromInput`). True when a handler acted (the key's default is then prevented).
 */
export function keyCommand(e: KeyLike, ctx: KeyContext, handlers: CommandHandlers, fromInput: boolean): boolean {
  const cmd = commandFor(e, ctx);
  switch (cmd?.type) {
    case 'move': return fromInput && handlers.move(cmd.move);
    case 'open': return fromInput && handlers.open(cmd.background);
    case 'copy': return handlers.copy(cmd.what);
    case 'pin': return handlers.pin();
    case 'filter': return handlers.filter(cmd.index);
    case 'escape': return handlers.escape();
    default: return false;
  }
}
