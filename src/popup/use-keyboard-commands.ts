/**
 * The popup's keyboard commands (keys.ts maps key → command), handled from anywhere in the page. Moving and
 * opening act only while typing in the box (or with the focus on the page itself, after a click on empty space);
 * Tab and ←/→ within the filter chips stay the chips'.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { commandFor, type Command } from './keys.ts';
import type { NavMove } from './nav.ts';

/** One handler per command; each returns true when it acted (the key's default is then prevented). */
export interface CommandHandlers {
  move(move: NavMove): boolean;
  open(background: boolean): boolean;
  copy(what: Extract<Command, { type: 'copy' }>['what']): boolean;
  /** `index` into the filter chips (filters.ts). */
  filter(index: number): boolean;
  escape(): boolean;
}

export function useKeyboardCommands(input: RefObject<HTMLInputElement | null>, listMode: boolean, handlers: CommandHandlers): void {
  // The latest handlers see the latest state without re-registering the listener on every render.
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const cmd = commandFor(e, { listMode });
      if (!cmd) return;
      const fromInput = e.target === input.current || e.target === document.body;
      if (run(latest.current, cmd, fromInput)) e.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [listMode]);
}

function run(handlers: CommandHandlers, cmd: Command, fromInput: boolean): boolean {
  switch (cmd.type) {
    case 'move': return fromInput && handlers.move(cmd.move);
    case 'open': return fromInput && handlers.open(cmd.background);
    case 'copy': return handlers.copy(cmd.what);
    case 'filter': return handlers.filter(cmd.index);
    case 'escape': return handlers.escape();
  }
}
