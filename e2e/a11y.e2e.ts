/**
 * Issue 4: axe-core finds no violations in the popup (with results and a card open; on the empty box with Pinned,
 * Waiting for you and Recent, issue 14) and the options page
 * (connect form, and connected), in light and dark. axe is injected with page.evaluate, which DevTools runs
 * outside the page's CSP (an inline <script> tag would be blocked by the extension's policy, as it should).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';
import { openFilledEmptyBox } from './home-setup.ts';
import { useHarness } from './use-harness.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`);
}

async function forBothSchemes(page: Page, check: () => Promise<void>): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await check();
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

describe('accessibility (axe-core)', () => {
  let h: Harness;
  useHarness({}, (started) => { h = started; });

  it('options page with the connect form: 0 violations in light and dark', async () => {
    const options = await h.openOptions();
    await options.getByTestId('url-input').waitFor();
    await forBothSchemes(options, async () => {
      expect(await axeViolations(options)).toEqual([]);
    });
    // With an error shown as well.
    await options.getByTestId('url-input').fill('ftp://x');
    await options.getByTestId('token-input').fill('x');
    await options.getByTestId('connect').click();
    await options.getByTestId('form-error').waitFor();
    await forBothSchemes(options, async () => {
      expect(await axeViolations(options)).toEqual([]);
    });
    await options.close();
  });

  it('options page connected: 0 violations in light and dark', async () => {
    const options = await h.connect(h.origin, h.demo.token);
    await forBothSchemes(options, async () => {
      expect(await axeViolations(options)).toEqual([]);
    });
    await options.close();
  });

  it('popup with results and a person card: 0 violations in light and dark', async () => {
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    await waitForSearchDone(popup);
    await popup.keyboard.press('ArrowDown');
    await popup.getByTestId('card').waitFor();
    await forBothSchemes(popup, async () => {
      expect(await axeViolations(popup)).toEqual([]);
    });
    await popup.close();
  });

  it('popup on the empty box (Pinned, Waiting for you, Recent) with a card: 0 violations in light and dark', async () => {
    const home = await openFilledEmptyBox(h);
    await forBothSchemes(home, async () => {
      expect(await axeViolations(home)).toEqual([]);
    });
    await home.close();
  });

  it('popup not configured: 0 violations in light and dark', async () => {
    const options = await h.openOptions();
    await options.getByTestId('forget').click();
    await options.getByTestId('url-input').waitFor();
    const popup = await h.openPopupPage();
    await popup.getByTestId('not-configured').waitFor();
    await forBothSchemes(popup, async () => {
      expect(await axeViolations(popup)).toEqual([]);
    });
    await Promise.all([options.close(), popup.close()]);
  });

  it('options page with the sign-in form, a sign-in error, signed in, and "sign in again": 0 violations in light and dark', async () => {
    const options = await h.openOptions();
    await options.getByTestId('method-oauth').check();
    await options.getByTestId('url-input').fill(h.origin);
    await options.getByTestId('redirect-uri').waitFor();
    await forBothSchemes(options, async () => {
      expect(await axeViolations(options)).toEqual([]);
    });
    const denied = await h.signIn({ page: options, action: 'deny' });
    await forBothSchemes(denied.page, async () => {
      expect(await axeViolations(denied.page)).toEqual([]);
    });
    await h.signIn({ page: options });
    await forBothSchemes(options, async () => {
      expect(await axeViolations(options)).toEqual([]);
    });
    h.demo.revokeRefreshTokens();
    await options.getByTestId('verify').click();
    await options.getByTestId('auth-warning').waitFor();
    const popup = await h.openPopupPage();
    await popup.getByTestId('error').waitFor();
    for (const page of [options, popup]) {
      await forBothSchemes(page, async () => {
        expect(await axeViolations(page)).toEqual([]);
      });
    }
    await Promise.all([options.close(), popup.close()]);
  });
});
