import { describe, expect, it } from 'vitest';
import { ALL_KINDS } from '../shared/kinds.ts';
import { filterDigit, FILTERS } from './filters.ts';
import { commandFor, filterIndexOfDigit, type KeyLike } from './keys.ts';

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

  it('copies a Markdown link with Alt+M and pins or unpins with Alt+P, by physical key; not with Shift or Ctrl', () => {
    expect(commandFor(key('µ', { altKey: true, code: 'KeyM' }), typing)).toEqual({ type: 'copy', what: 'markdown' });
    expect(commandFor(key('π', { altKey: true, code: 'KeyP' }), typing)).toEqual({ type: 'pin' });
    expect(commandFor(key('M', { altKey: true, shiftKey: true, code: 'KeyM' }), typing)).toBeNull();
    expect(commandFor(key('p', { ctrlKey: true, code: 'KeyP' }), typing)).toBeNull(); // print stays the browser's
    expect(commandFor(key('p', { code: 'KeyP' }), typing)).toBeNull();
  });

  it('picks the filter chips in order with Alt+1…, row or numpad; a digit with no chip does nothing', () => {
    FILTERS.forEach((_, index) => {
      const digit = filterDigit(index);
      if (digit === null) return;
      expect(commandFor(key(digit, { altKey: true, code: `Digit${digit}` }), typing)).toEqual({ type: 'filter', index });
    });
    expect(commandFor(key('3', { altKey: true, code: 'Numpad3' }), typing)).toEqual({ type: 'filter', index: 2 });
    const unused = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].slice(FILTERS.length);
    for (const d of unused) expect(commandFor(key(d, { altKey: true, code: `Digit${d}` }), typing)).toBeNull();
    expect(commandFor(key('1', { code: 'Digit1' }), typing)).toBeNull();
  });

  it('numbers the chips Alt+1 … Alt+9, then Alt+0 for the tenth; none after it (ten kinds and "All")', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => filterDigit(i, 11));
    expect(eleven).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', null]);
    expect(eleven.map((d) => (d === null ? null : filterIndexOfDigit(d, 11)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, null]);
    expect(filterIndexOfDigit('9', 8)).toBeNull();
    expect(filterIndexOfDigit('0', 9)).toBeNull();
    expect(filterIndexOfDigit('0', 10)).toBe(9);
    expect(FILTERS).toEqual(['all', ...ALL_KINDS]);
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
