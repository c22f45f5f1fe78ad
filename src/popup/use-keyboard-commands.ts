/**
 * The popup's keyboard commands (keys.ts maps key → command), handled from anywhere in the page. Moving and
 * opening act only while typing in the box (or with the focus on the page itself, after a click on empty space);
 * Tab and ←/→ within the filter chips stay the chips'.
 *
 * The key map comes with the extras (extras.ts), a moment after the first frame. A key pressed before then is kept
 * and acted on when it arrives, so a fast Enter or ↓ is never lost; Enter, Esc and Alt+key are held back from the
 * page meanwhile (they are, or may be, commands: Option+C must not type "ç" into the box).
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { Command, KeyContext, KeyLike } from './keys.ts';
import type { NavMove } from './nav.ts';

/** One handler per command; each returns true when it acted (the key's default is then prevented). */
export interface CommandHandlers {
  move(move: NavMove): boolean;
  open(background: boolean): boolean;
  copy(what: Extract<Command, { type: 'copy' }>['what']): boolean;
  pin(): boolean;
  /** `index` into the filter chips (filters.ts). */
  filter(index: number): boolean;
  escape(): boolean;
}

/** `commands`: with the extras (popup-commands.ts); until then keys are kept. */
export function useKeyboardCommands(
  input: RefObject<HTMLInputElement | null>,
  listMode: boolean,
  commands: { key(e: KeyLike, ctx: KeyContext, fromInput: boolean): boolean } | undefined,
): void {
  // The latest commands see the latest state without re-registering the listener on every render.
  const latest = useRef(commands);
  latest.current = commands;
  const early = useRef<KeyboardEvent[]>([]);
  const ready = commands !== undefined;
  useEffect(() => {
    const act = (e: KeyboardEvent) =>
      latest.current?.key(e, { listMode }, e.target === input.current || e.target === document.body) === true;
    if (ready) for (const e of early.current.splice(0)) act(e);
    const onKeyDown = (e: KeyboardEvent) => {
      if (ready ? act(e) : early.current.push(e) > 0 && (e.altKey || e.key === 'Enter' || e.key === 'Escape')) e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listMode, ready]);
}
