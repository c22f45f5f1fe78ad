// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { optionId } from './components/ResultList.tsx';
import { pointerRest } from './pointer-rest.ts';

let list: HTMLElement;
const title = (i: number) => list.querySelector(`#${optionId(i)} span`)!;

beforeEach(() => {
  vi.useFakeTimers();
  list = document.createElement('div');
  for (const i of [0, 1, 2]) {
    const option = Object.assign(document.createElement('div'), { id: optionId(i) });
    option.setAttribute('role', 'option');
    option.append(Object.assign(document.createElement('span'), { textContent: `row ${i}` }));
    list.append(option);
  }
  list.append(Object.assign(document.createElement('div'), { className: 'label', textContent: 'Recent' }));
  document.body.append(list);
});
afterEach(() => {
  pointerRest(null, 0, () => undefined);
  list.remove();
  vi.useRealTimers();
});

describe('pointerRest (hover intent)', () => {
  it('points at a row once the pointer has rested on it for 200 ms, and each move starts the wait again', () => {
    const onPoint = vi.fn();
    pointerRest(title(2), 0, onPoint);
    vi.advanceTimersByTime(150);
    pointerRest(title(2), 0, onPoint);
    vi.advanceTimersByTime(150);
    expect(onPoint).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(onPoint).toHaveBeenCalledWith(2);
  });

  it('crossing rows on the way elsewhere, leaving the list, or resting on the active row points at nothing', () => {
    const onPoint = vi.fn();
    pointerRest(title(1), 0, onPoint);
    vi.advanceTimersByTime(100);
    pointerRest(title(2), 0, onPoint);
    vi.advanceTimersByTime(100);
    pointerRest(null, 0, onPoint);
    vi.advanceTimersByTime(1000);
    pointerRest(title(0), 0, onPoint);
    pointerRest(list.querySelector('.label'), 0, onPoint);
    vi.advanceTimersByTime(1000);
    expect(onPoint).not.toHaveBeenCalled();
  });
});
