import { describe, expect, it } from 'vitest';
import { commandFor, type KeyLike } from './keys.ts';

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k, code: extra.code ?? '', altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...extra,
});
const inList = { listMode: true };
const typing = { listMode: false };

describe('commandFor', () => {
  it('moves with ↑/↓ always, Home/End only once the user is moving through the list', () => {
    expect(commandFor(key('ArrowDown'), typing)).toEqual({ type: 'move', move: 'next' });
    expect(commandFor(key('ArrowUp'), typing)).toEqual({ type: 'move', move: 'prev' });
    expect(commandFor(key('Home'), typing)).toBeNull();
    expect(commandFor(key('End'), typing)).toBeNull();
    expect(commandFor(key('Home'), inList)).toEqual({ type: 'move', move: 'first' });
    expect(commandFor(key('End'), inList)).toEqual({ type: 'move', move: 'last' });
    expect(commandFor(key('Home', { ctrlKey: true }), typing)).toEqual({ type: 'move', move: 'first' });
    expect(commandFor(key('End', { metaKey: true }), typing)).toEqual({ type: 'move', move: 'last' });
    // Shift+Home selects text in the box.
    expect(commandFor(key('Home', { shiftKey: true }), inList)).toBeNull();
  });

  it('opens with Enter, in the background with Ctrl or Cmd', () => {
    expect(commandFor(key('Enter'), typing)).toEqual({ type: 'open', background: false });
    expect(commandFor(key('Enter', { ctrlKey: true }), typing)).toEqual({ type: 'open', background: true });
    expect(commandFor(key('Enter', { metaKey: true }), typing)).toEqual({ type: 'open', background: true });
    expect(commandFor(key('Enter', { shiftKey: true }), typing)).toBeNull();
  });

  it('ignores keys while an IME composes', () => {
    expect(commandFor(key('Enter', { isComposing: true }), typing)).toBeNull();
    expect(commandFor(key('ArrowDown', { isComposing: true }), typing)).toBeNull();
  });

  it('copies with Alt+C / Alt+K / Alt+E by physical key (macOS Option turns C into ç)', () => {
    expect(commandFor(key('ç', { altKey: true, code: 'KeyC' }), typing)).toEqual({ type: 'copy', what: 'link' });
    expect(commandFor(key('˚', { altKey: true, code: 'KeyK' }), typing)).toEqual({ type: 'copy', what: 'key' });
    expect(commandFor(key('´', { altKey: true, code: 'KeyE' }), typing)).toEqual({ type: 'copy', what: 'email' });
    expect(commandFor(key('c', { ctrlKey: true, code: 'KeyC' }), typing)).toBeNull(); // plain copy stays the browser's
    expect(commandFor(key('C', { altKey: true, shiftKey: true, code: 'KeyC' }), typing)).toBeNull();
  });

  it('picks filter chips with Alt+1…8 (row or numpad), not Alt+9', () => {
    for (let d = 1; d <= 8; d++) {
      expect(commandFor(key(String(d), { altKey: true, code: `Digit${d}` }), typing)).toEqual({ type: 'filter', index: d - 1 });
    }
    expect(commandFor(key('3', { altKey: true, code: 'Numpad3' }), typing)).toEqual({ type: 'filter', index: 2 });
    expect(commandFor(key('9', { altKey: true, code: 'Digit9' }), typing)).toBeNull();
    expect(commandFor(key('1', { code: 'Digit1' }), typing)).toBeNull();
  });

  it('Esc (alone) clears, then closes', () => {
    expect(commandFor(key('Escape'), typing)).toEqual({ type: 'escape' });
    expect(commandFor(key('Escape', { shiftKey: true }), typing)).toBeNull();
  });

  it('leaves ordinary typing alone', () => {
    for (const k of ['a', 'A', ' ', 'Backspace', 'ArrowLeft', 'ArrowRight', 'Tab', '@']) {
      expect(commandFor(key(k), typing)).toBeNull();
    }
    expect(commandFor(key('ArrowDown', { altKey: true }), typing)).toBeNull();
  });
});
