/** An extension event of the fake browser (fake-browser.ts): listeners added, removed, and called by the test. */

type Listener = (...args: never[]) => unknown;

export class FakeEvent<L extends Listener> {
  private readonly listeners: L[] = [];
  addListener(listener: L): void {
    this.listeners.push(listener);
  }
  removeListener(listener: L): void {
    const i = this.listeners.indexOf(listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }
  hasListener(listener: L): boolean {
    return this.listeners.includes(listener);
  }
  hasListeners(): boolean {
    return this.listeners.length > 0;
  }
  clearListeners(): void {
    this.listeners.length = 0;
  }
  /** Calls every listener, like Chromium's undocumented `event.dispatch`; returns their results. */
  dispatch(...args: Parameters<L>): unknown[] {
    return this.listeners.map((l) => l(...args));
  }
}
