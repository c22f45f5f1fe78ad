/** "Open Options" (the not-configured panel, page errors): the page opens in a tab and the popup closes. */
import browser from '../shared/browser.ts';

export function openOptions(): void {
  void browser.runtime.openOptionsPage().then(() => window.close(), () => undefined);
}
