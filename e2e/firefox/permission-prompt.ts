/**
 * Firefox's own "<add-on> requests additional settings" doorhanger, which `permissions.request` opens for an
 * optional host permission. It lives in the browser window (chrome scope, reachable over BiDi only with
 * `--remote-allow-system-access`), so the test can read what Firefox asks and answer it like a user would,
 * instead of turning prompts off with `extensions.webextOptionalPermissionPrompts`.
 *
 * The notification id `addon-webext-permissions` and the `customElementOptions.strings` shape come from
 * Firefox's ExtensionsUI (checked on firefox-esr 153); another Firefox version may rename them.
 */
import type { BidiPage } from './page.ts';

export interface PromptContent {
  addonName: string;
  /** One line per permission asked, e.g. "Access your data for sites in 127.0.0.1 domains". */
  permissions: string[];
}

/** Waits for the optional-permission prompt in the selected tab and returns what it asks. */
export async function readPermissionPrompt(chromeWindow: BidiPage): Promise<PromptContent> {
  return chromeWindow.waitFor('the optional-permission prompt', () => {
    type Strings = { addonName?: string; msgs?: string[] };
    type Notification = { options?: { customElementOptions?: { strings?: Strings } } };
    const win = globalThis as unknown as {
      PopupNotifications: { getNotification(id: string): Notification | null; panel: { state: string } };
      document: Document;
    };
    const notification = win.PopupNotifications.getNotification('addon-webext-permissions');
    const element = win.document.getElementById('addon-webext-permissions-notification');
    if (!notification || !element || win.PopupNotifications.panel.state !== 'open') return null;
    const strings = notification.options?.customElementOptions?.strings ?? {};
    return { addonName: strings.addonName ?? '', permissions: strings.msgs ?? [] };
  });
}

/** Clicks the prompt's Allow (main) or Deny (secondary) button. */
export async function answerPermissionPrompt(chromeWindow: BidiPage, answer: 'allow' | 'deny'): Promise<void> {
  const clicked = await chromeWindow.evaluate((which: 'allow' | 'deny') => {
    const element = document.getElementById('addon-webext-permissions-notification') as
      (HTMLElement & { button?: HTMLElement; secondaryButton?: HTMLElement }) | null;
    const button = which === 'allow' ? element?.button : element?.secondaryButton;
    if (!button) return false;
    button.click();
    return true;
  }, answer);
  if (!clicked) throw new Error(`the permission prompt has no ${answer} button`);
}
