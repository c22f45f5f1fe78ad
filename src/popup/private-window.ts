/**
 * Whether this popup shows in a private (incognito) window. Chrome's default "spanning" mode runs the popup
 * of a private window in the normal profile — `extension.inIncognitoContext` is false there and the worker
 * sees no tab — but `windows.getCurrent()` is the private window. Firefox says it with inIncognitoContext.
 *
 * A private popup paints no last view and asks the worker to keep its searches and avatars out of storage.
 * Decided once, before the first render (`detectPrivateWindow` in main.tsx): a popup never changes windows.
 */
import browser from '../shared/browser.ts';

let privateWindow = false;

export function isPrivateWindow(): boolean {
  return privateWindow;
}

/** Finds out, remembers the answer for `isPrivateWindow`, and returns it. */
export async function detectPrivateWindow(): Promise<boolean> {
  // A failing getCurrent counts as private (the query stays out of storage). Firefox for Android has no windows
  // API; there inIncognitoContext is the answer.
  privateWindow = browser.extension?.inIncognitoContext === true
    || (await browser.windows?.getCurrent().then((w) => w.incognito, () => true)) === true;
  return privateWindow;
}
