/**
 * Gives the popup's empty box something to show (issue 14), as a user would: "jonathan" searched and his profile
 * opened (Recent), then, back on the empty box (Esc), the first Waiting for you item pinned with Alt+P (Pinned). Returns
 * a popup opened afterwards on the empty box, with its three groups and the active row's card painted.
 */
import type { Page } from 'playwright-core';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';

export async function openFilledEmptyBox(h: Harness): Promise<Page> {
  const first = await h.openPopupPage();
  await typeQuery(first, 'jonathan');
  await waitForSearchDone(first);
  await (await h.nextPage(() => first.keyboard.press('ControlOrMeta+Enter'))).close();
  await first.bringToFront();
  await first.keyboard.press('Escape');
  await first.locator('[data-testid="group-waiting"] [data-testid="result"]').first().waitFor();
  await first.keyboard.press('Alt+KeyP');
  await first.getByTestId('group-pinned').waitFor();
  await first.close();

  const popup = await h.openPopupPage();
  for (const group of ['pinned', 'waiting', 'recent']) await popup.getByTestId(`group-${group}`).waitFor();
  await popup.getByTestId('card').waitFor();
  return popup;
}
