/**
 * Who may talk to the worker: only our own extension pages (popup, options), never a content script
 * (we ship none, but a compromised renderer could pretend), another extension or a web page.
 *
 * Rules, after Bitwarden's `classifySender` and Prax's `assertValidInternalSender`:
 *  1. `sender.id` must be our id.
 *  2. `sender.origin`, when present, must equal our origin string exactly (string compare: `new URL()` gives
 *     "null" as the origin of extension URLs). Firefox before 126 leaves it out.
 *  3. A sender inside a tab is accepted only when the browser vouched for it with our origin: the options page
 *     opens in a tab (`open_in_tab`) and the popup page is opened in a tab by the context-menu fallback, and
 *     Chrome reports `sender.tab` for both. Without an origin a tab sender could be a content script, so it is
 *     refused.
 *  4. Top-level frames only: `frameId` absent or 0.
 *  5. `sender.url` is never looked at: for a content script it is the attacker's page URL.
 */

/** The parts of `runtime.MessageSender` the gate reads; anything else on the object is ignored. */
export interface SenderLike {
  id?: unknown;
  origin?: unknown;
  tab?: unknown;
  frameId?: unknown;
  url?: unknown;
}

export function isInternalSender(sender: unknown, ownId: string, ownOrigin: string): boolean {
  if (typeof sender !== 'object' || sender === null) return false;
  const s = sender as SenderLike;
  if (typeof ownId !== 'string' || ownId === '' || s.id !== ownId) return false;

  const hasOrigin = s.origin !== undefined;
  if (hasOrigin && (typeof ownOrigin !== 'string' || ownOrigin === '' || s.origin !== ownOrigin)) return false;

  if (s.tab !== undefined && !hasOrigin) return false;

  if (s.frameId !== undefined && s.frameId !== 0) return false;
  return true;
}

/**
 * A sender in a tab of a private (incognito) window. Chrome's default "spanning" mode runs one worker and one
 * storage for both profiles and blocks our pages in incognito tabs, and the action popup of a private window
 * reports no tab at all — so this catches Firefox private tabs and split mode; the popup also says it is
 * private itself (the `lookup-private` port, `avatar.private`).
 */
export function isPrivateSender(sender: unknown): boolean {
  if (typeof sender !== 'object' || sender === null) return false;
  const tab = (sender as SenderLike).tab;
  return typeof tab === 'object' && tab !== null && (tab as { incognito?: unknown }).incognito === true;
}
