// @vitest-environment happy-dom
import { render } from 'preact';
import { useRef } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyContext, KeyLike } from './keys.ts';
import { useKeyboardCommands } from './use-keyboard-commands.ts';

type Commands = { key(e: KeyLike, ctx: KeyContext, fromInput: boolean): boolean };

function Probe({ commands }: { commands: Commands | undefined }) {
  const input = useRef<HTMLInputElement>(null);
  useKeyboardCommands(input, false, commands);
  return <input ref={input} data-testid="box" />;
}

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const press = (key: string, init: KeyboardEventInit = {}) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  host.querySelector('input')!.dispatchEvent(e);
  return e;
};

/** Preact runs effects after the frame. */
const effects = () => new Promise((r) => setTimeout(r, 20));

describe('useKeyboardCommands', () => {
  it('keeps the keys pressed before the key map has loaded and acts on them, in order, when it arrives', async () => {
    render(<Probe commands={undefined} />, host);
    await effects();
    const down = press('ArrowDown');
    const enter = press('Enter');
    const copy = press('ç', { altKey: true, code: 'KeyC' });
    const letter = press('a');
    // Held back meanwhile: Enter and Alt+key (a command, or Option+C typing "ç" into the box); ↓ and letters are not.
    expect([down.defaultPrevented, enter.defaultPrevented, copy.defaultPrevented, letter.defaultPrevented]).toEqual([false, true, true, false]);

    const seen: string[] = [];
    const commands = { key: vi.fn((e: KeyLike, _ctx: KeyContext, fromInput: boolean) => { seen.push(`${e.key}:${fromInput}`); return e.key !== 'a'; }) };
    render(<Probe commands={commands} />, host);
    await effects();
    expect(seen).toEqual(['ArrowDown:true', 'Enter:true', 'ç:true', 'a:true']);

    // From then on each key is acted on as it comes, and prevented when a command acted.
    expect(press('ArrowUp').defaultPrevented).toBe(true);
    expect(press('a').defaultPrevented).toBe(false);
    expect(seen.slice(4)).toEqual(['ArrowUp:true', 'a:true']);
  });
});
