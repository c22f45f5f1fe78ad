/**
 * Issue 14 item 4, in real Chromium against the demo server: the Options switch "Show how many reviews wait for me"
 * sets the worker's alarm; the alarm's wake-up refreshes the reviews waiting (requests: the reviews of each project
 * in scope, nothing else) and the count on the toolbar button equals the "your turn" rows of the popup's Waiting for
 * you; switched off, the alarm and the count go.
 *
 * The alarm fires for real: nobody waits 5 minutes, so the test re-creates the extension's own alarm (same name,
 * same period) with `when` a moment from now, from inside the worker (CDP Runtime.evaluate through Playwright's
 * worker handle). Chrome then delivers `alarms.onAlarm` to the worker's top-level listener as it would after 5
 * minutes — the browser's scheduler, the event and the handler are all the shipped ones; the extension has no
 * test-only code path. (An unpacked extension's alarms are not held to Chrome's 30 s minimum.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { WAITING_KEY } from '../src/shared/home.ts';
import { WAITING_ALARM, WAITING_PERIOD_MINUTES } from '../src/background/waiting-schedule.ts';
import type { Harness } from './harness.ts';
import { useHarness } from './use-harness.ts';
import { waitUntil } from './wait-until.ts';

const badgeText = (h: Harness) => h.sw(() => chrome.action.getBadgeText({}));
const alarmOf = (h: Harness) => h.sw((name) => chrome.alarms.get(name), WAITING_ALARM);

async function setSwitch(options: Page, on: boolean): Promise<void> {
  const box = options.getByTestId('waiting-count');
  await box.waitFor();
  await expect.poll(() => box.isDisabled()).toBe(false);
  if ((await box.isChecked()) !== on) await box.click();
  await expect.poll(() => options.getByTestId('options-status').textContent())
    .toBe(on ? 'The toolbar button now shows how many reviews wait for you.' : 'The toolbar button no longer shows a count.');
}

/** The rows of the popup's empty box marked "your turn" (in Waiting for you, or on a pinned row). */
async function yourTurnRows(popup: Page): Promise<string[]> {
  await popup.getByTestId('group-waiting').waitFor();
  return popup.locator('[data-testid="result"]').evaluateAll((rows) => rows
    .filter((r) => r.querySelector('.row-mark')?.textContent?.startsWith('your turn'))
    .map((r) => r.getAttribute('data-url') ?? ''));
}

describe('the count on the toolbar button', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  it('off by default: no alarm, no count', async () => {
    expect(await alarmOf(h)).toBeUndefined();
    expect(await badgeText(h)).toBe('');
    const options = await h.openOptions();
    expect(await options.getByTestId('waiting-count').isChecked()).toBe(false);
    await options.close();
  });

  it('switched on, the alarm wakes the worker, which asks for the reviews only; the count equals the popup\'s "your turn" rows', async () => {
    const options = await h.openOptions();
    await setSwitch(options, true);
    const alarm = await alarmOf(h);
    expect(alarm).toMatchObject({ name: WAITING_ALARM, periodInMinutes: WAITING_PERIOD_MINUTES });
    expect(WAITING_PERIOD_MINUTES).toBeGreaterThanOrEqual(5);

    // Forget what the switch's own first refresh found, so what follows can only come from the alarm.
    await h.sw(async (key) => {
      await chrome.storage.local.remove(key);
      await chrome.action.setBadgeText({ text: '' });
    }, WAITING_KEY);
    h.demo.clearRequests();
    await h.sw(([name, period]) => chrome.alarms.create(name, { when: Date.now() + 200, periodInMinutes: period }), [WAITING_ALARM, WAITING_PERIOD_MINUTES] as const);

    const count = await waitUntil(async () => {
      const text = await badgeText(h);
      return text === '' ? undefined : text;
    }, 'the alarm to refresh the count', 20_000);
    // The wake-up: one reviews request per project in scope, nothing else (the scope's default is cached).
    const paths = h.demo.requests.map((r) => r.path.replace('/api/http', ''));
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toMatch(/^\/projects\/key:[^/]+\/code-reviews$/);
    expect(new Set(paths).size).toBe(paths.length);
    // Still the 5-minute schedule after it fired.
    expect(await alarmOf(h)).toMatchObject({ periodInMinutes: WAITING_PERIOD_MINUTES });
    expect(await h.sw(() => chrome.action.getTitle({}))).toContain(`${count} code review`);

    const popup = await h.openPopupPage();
    const rows = await yourTurnRows(popup);
    expect(rows.length).toBeGreaterThan(0);
    expect(count).toBe(String(rows.length));
    // The popup's own refresh (reviews and issues) agrees with the alarm's.
    await expect.poll(async () => (await yourTurnRows(popup)).length).toBe(rows.length);
    expect(await badgeText(h)).toBe(count);
    await popup.close();

    await setSwitch(options, false);
    expect(await alarmOf(h)).toBeUndefined();
    expect(await badgeText(h)).toBe('');
    await options.close();
  });
});
