/**
 * The status line's confirmations ("Copied …", "Opened …"): a notice stays NOTICE_MS; a newer one replaces it. With
 * the extras, like the actions that say them (actions.ts, popup-commands.ts): the popup keeps only the text.
 */

/** How long a confirmation stays in the status line. */
const NOTICE_MS = 3000;

/** One popup per page, so one timer. */
let timer: ReturnType<typeof setTimeout> | undefined;

/** The popup's status-line state setter. */
export type SetNotice = (text: string) => void;

/** Shows `text` in the status line (through the popup's `setNotice`) for NOTICE_MS. */
export function announce(setNotice: SetNotice, text: string): void {
  clearTimeout(timer);
  setNotice(text);
  timer = setTimeout(() => setNotice(''), NOTICE_MS);
}
