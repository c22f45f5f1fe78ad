/** What the popup does outside itself: open tabs and write the clipboard. */
import browser from '../shared/browser.ts';
import { isSameOriginUrl } from '../space/same-origin.ts';
import { displayText } from '../shared/ui/text.ts';

export type OpenOutcome = 'opened' | 'blocked';

/**
 * Opens a Space page. Only URLs on the configured origin are opened, whatever the data says.
 * `tabs.create` needs no permission. A foreground tab closes the popup (Chrome does this itself
 * when focus leaves; Firefox needs the explicit close).
 */
export async function openInSpace(url: string, origin: string | null, background: boolean): Promise<OpenOutcome> {
  if (!origin || !isSameOriginUrl(url, origin)) return 'blocked';
  await browser.tabs.create({ url, active: !background });
  if (!background) window.close();
  return 'opened';
}

/** Longest value we put on the clipboard; keys, names and links are far shorter. */
const MAX_COPY = 2000;

/**
 * Copies Space text without bidi or zero-width characters, so a pasted "e-mail" cannot carry hidden
 * reordering. Resolves to the text actually copied, or null when the clipboard refused.
 */
export async function copyText(text: string): Promise<string | null> {
  const clean = displayText(text, MAX_COPY);
  if (!clean) return null;
  try {
    await navigator.clipboard.writeText(clean);
    return clean;
  } catch {
    return null;
  }
}
