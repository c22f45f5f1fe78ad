// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLazyModule } from './use-lazy-module.ts';

interface Mod { name: string }

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function Probe({ load, wanted }: { load: () => Promise<Mod>; wanted: boolean }) {
  const module = useLazyModule(load, wanted);
  return <p>{module ? module.name : 'none'}</p>;
}

describe('useLazyModule', () => {
  it('imports nothing until wanted, then once, and keeps the module when no longer wanted', async () => {
    let resolve!: (m: Mod) => void;
    const load = vi.fn(() => new Promise<Mod>((r) => { resolve = r; }));
    render(<Probe load={load} wanted={false} />, host);
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();

    render(<Probe load={load} wanted />, host);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    expect(host.textContent).toBe('none');
    resolve({ name: 'form' });
    await vi.waitFor(() => expect(host.textContent).toBe('form'));

    render(<Probe load={load} wanted={false} />, host);
    render(<Probe load={load} wanted />, host);
    await Promise.resolve();
    expect(host.textContent).toBe('form');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('drops an import that lands after the page has gone', async () => {
    let resolve!: (m: Mod) => void;
    const load = () => new Promise<Mod>((r) => { resolve = r; });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(<Probe load={load} wanted />, host);
    await vi.waitFor(() => expect(resolve).toBeTypeOf('function'));
    render(null, host);
    resolve({ name: 'late' });
    await Promise.resolve();
    expect(host.textContent).toBe('');
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
