/**
 * The empty box (issue 14): what opening the popup costs once Waiting for you, Pinned and Recent are stored, and what
 * the opt-in toolbar count costs per alarm wake-up. Run on the HTTP/1.1 harness after the other parts (it sets a
 * search scope and the count switch, which the others must not see).
 *
 *  - Setup, as a user: the scope set to HOME_SCOPE in Options' terms (a `settings-set` from an extension page); in
 *    the popup two items found by key and opened (Recent), the first also pinned with Alt+P (Pinned); the popup
 *    opened once more so it refreshes Waiting for you; the last view removed from storage, so each open starts on
 *    the empty box.
 *  - First frame: HOME_SAMPLES popup opens; the DOM captured when the popup marks its first frame (the e2e probe,
 *    first-frame.ts) — which home groups and how many rows it painted — and the demo server's request log: requests
 *    that arrived before that frame (epoch ms of arrival vs. performance.timeOrigin + the mark).
 *  - Requests when the popup opens: everything the demo server received from the open until 1 s of quiet, grouped
 *    by what it is for (a project's reviews or issues for Waiting for you, the active row's card, anything else); the
 *    target is ≤ 2 per project in scope for Waiting for you and none for Recent and Pinned.
 *  - Popup first render ÷ blank page: the existing probe (render.ts), run again now that the lists are stored.
 *  - Alarm wake-up: the Options switch "Show how many reviews wait for me" clicked on; then the extension's own alarm
 *    re-created with `when` a moment away (same name and period), so Chrome delivers alarms.onAlarm to the worker as it
 *    would after 5 minutes (an unpacked extension's alarms are not held to the 30 s minimum); every request until 1 s
 *    of quiet, per project (target ≤ 1), and the badge text after it.
 */
import type { Page } from 'playwright-core';
import { readFirstFrame } from '../../e2e/first-frame.ts';
import { type Harness, typeQuery, waitForSearchDone } from '../../e2e/harness.ts';
import type { RecordedRequest } from '../demo-space/request-log.ts';
import { LAST_VIEW_KEY } from '../../src/shared/storage-keys.ts';
import { PINNED_KEY, RECENT_KEY, WAITING_KEY } from '../../src/shared/home.ts';
import { WAITING_ALARM, WAITING_PERIOD_MINUTES } from '../../src/background/waiting-schedule.ts';
import { waitIdle } from './probes.ts';
import { measureRender } from './render.ts';
import { VERBOSE } from './settings.ts';
import { iqr, median, ms } from './stats.ts';

/** The demo user's member projects: the scope of this part. */
const HOME_SCOPE = ['ABC', 'ORBIT', 'WEB', 'HANDBOOK'];
const HOME_SAMPLES = 10;
/** Found by key and opened in the setup; the first is pinned too. */
const OPENED = ['ABC-T-42', 'ABC-MR-2'];

export interface HomeMeasured {
  stored: { recent: number; pinned: number; waiting: number };
  frames: { ms: number; requestsBefore: number; rows: number; groups: string[] }[];
  /** Requests of one open (the first sample), by what they were for. */
  onOpen: { waitingPerProject: Map<string, number>; card: number; other: string[] };
  render: Awaited<ReturnType<typeof measureRender>>;
  alarm: { perProject: Map<string, number>; other: string[]; badge: string; fired: boolean };
}

type Row = [string, string, string, boolean | null];

const WAITING_PATH = /^\/api\/http\/projects\/key:([^/]+)\/(code-reviews|planning\/issues)$/;
const CARD_PATH = /^\/api\/http\/projects\/key:[^/]+\/(planning\/issues|code-reviews)\/[^/]+$/;

/** Waiting for you's requests per project, the card's, and the rest (method and path). */
function classify(requests: readonly RecordedRequest[]) {
  const waitingPerProject = new Map<string, number>();
  let card = 0;
  const other: string[] = [];
  for (const r of requests) {
    const waiting = WAITING_PATH.exec(r.path);
    if (waiting) waitingPerProject.set(waiting[1]!, (waitingPerProject.get(waiting[1]!) ?? 0) + 1);
    else if (CARD_PATH.test(r.path)) card++;
    else other.push(`${r.method} ${r.path.replace('/api/http', '')}`);
  }
  return { waitingPerProject, card, other };
}

async function sendFromPage(page: Page, message: unknown): Promise<unknown> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
}

async function storedCounts(h: Harness) {
  const local = await h.storage('local');
  const count = (key: string) => ((local[key] as { items?: unknown[] } | undefined)?.items ?? []).length;
  return { recent: count(RECENT_KEY), pinned: count(PINNED_KEY), waiting: count(WAITING_KEY) };
}

async function setUp(h: Harness): Promise<HomeMeasured['stored']> {
  const options = await h.openOptions();
  await sendFromPage(options, { type: 'settings-set', settings: { searchProjects: HOME_SCOPE } });
  await options.close();
  for (const [i, key] of OPENED.entries()) {
    const popup = await h.openPopupPage();
    await typeQuery(popup, key);
    await waitForSearchDone(popup);
    if (i === 0) {
      await popup.keyboard.press('Alt+P');
      await popup.waitForTimeout(300);
    }
    const tab = await h.nextPage(() => popup.keyboard.press('Enter').catch(() => undefined));
    await tab.close();
    if (!popup.isClosed()) await popup.close();
  }
  // One open on the empty box refreshes Waiting for you.
  await h.sw(async (key) => { await chrome.storage.session.remove(key); await chrome.storage.local.remove(key); }, LAST_VIEW_KEY);
  const popup = await h.openPopupPage();
  await waitIdle(h, 1000);
  await popup.close();
  return storedCounts(h);
}

async function measureOpens(h: Harness): Promise<Pick<HomeMeasured, 'frames' | 'onOpen'>> {
  const frames: HomeMeasured['frames'] = [];
  let onOpen: HomeMeasured['onOpen'] | null = null;
  for (let i = 0; i < HOME_SAMPLES; i++) {
    await h.sw(async (key) => { await chrome.storage.session.remove(key); await chrome.storage.local.remove(key); }, LAST_VIEW_KEY);
    await waitIdle(h, 300);
    h.demo.clearRequests();
    const popup = await h.openPopupPage();
    const frame = await readFirstFrame(popup);
    await waitIdle(h, 1000);
    const requests = [...h.demo.requests];
    frames.push({ ms: frame.ms, requestsBefore: requests.filter((r) => r.at <= frame.at).length, rows: frame.results, groups: frame.groups });
    onOpen ??= classify(requests);
    if (VERBOSE) console.log(`home open ${i}: frame ${ms(frame.ms)}, ${frame.results} rows in ${frame.groups.join(', ')}; requests: ${requests.map((r) => r.path.replace('/api/http', '')).join(', ')}`);
    await popup.close();
  }
  return { frames, onOpen: onOpen! };
}

async function measureAlarm(h: Harness): Promise<HomeMeasured['alarm']> {
  const options = await h.openOptions();
  const box = options.getByTestId('waiting-count');
  await box.waitFor();
  await options.waitForFunction(() => !(document.querySelector('[data-testid="waiting-count"]') as HTMLInputElement).disabled);
  if (!(await box.isChecked())) await box.click();
  await options.waitForFunction(() => (document.querySelector('[data-testid="waiting-count"]') as HTMLInputElement).checked);
  await waitIdle(h, 1000);
  await options.close();
  h.demo.clearRequests();
  const before = Date.now();
  await h.sw(([name, period]) => chrome.alarms.create(name, { when: Date.now() + 200, periodInMinutes: period }), [WAITING_ALARM, WAITING_PERIOD_MINUTES] as const);
  const deadline = Date.now() + 15_000;
  while (h.demo.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await waitIdle(h, 1000);
  const { waitingPerProject, card, other } = classify(h.demo.requests);
  const after = await h.sw((name) => chrome.alarms.get(name), WAITING_ALARM);
  return {
    perProject: waitingPerProject,
    other: card > 0 ? [...other, `${card} card requests`] : other,
    badge: await h.sw(() => chrome.action.getBadgeText({})),
    fired: h.demo.requests.length > 0 && (after?.scheduledTime ?? 0) > before + 60_000,
  };
}

export async function measureHome(h: Harness): Promise<HomeMeasured> {
  // Alone (`--only=home`), nothing has connected yet.
  if (!(await h.storage('local')).connection) await (await h.connect(h.origin, h.demo.token)).close();
  const stored = await setUp(h);
  const opens = await measureOpens(h);
  const render = await measureRender(h);
  const alarm = await measureAlarm(h);
  return { stored, ...opens, render, alarm };
}

const perProjectText = (m: Map<string, number>) => (m.size === 0 ? 'none' : [...m].map(([k, n]) => `${k} ${n}`).join(', '));
const maxOf = (m: Map<string, number>) => Math.max(0, ...m.values());

export function homeRows(home: HomeMeasured | null): Row[] {
  if (!home) return [];
  const { stored, frames, onOpen, render, alarm } = home;
  const before = frames.map((f) => f.requestsBefore);
  const rows = frames.map((f) => f.rows);
  const groups = [...new Set(frames.flatMap((f) => f.groups))].join(', ');
  const painted = stored.recent > 0 && stored.pinned > 0 && frames.every((f) => f.groups.includes('group-waiting') && f.groups.includes('group-recent') && f.groups.includes('group-pinned'));
  const ratio = median(render.ratios);
  return [
    [`popup opened on the empty box with Waiting for you (${stored.waiting}), Pinned (${stored.pinned}), Recent (${stored.recent}) stored: requests before the first frame`,
      '0, the three lists painted in it',
      `${Math.max(...before)} (max of ${frames.length} opens); first frame painted ${median(rows)} rows (median) in ${groups || 'no group'}; mark ${ms(median(frames.map((f) => f.ms)))} median`,
      Math.max(...before) === 0 && painted],
    [`requests when the popup opens on the empty box (scope: ${HOME_SCOPE.length} projects)`, '≤ 2 per project for Waiting for you; 0 for Recent and Pinned',
      `Waiting for you: ${perProjectText(onOpen.waitingPerProject)}; the active row's card: ${onOpen.card}; other: ${onOpen.other.length === 0 ? 'none' : onOpen.other.join(', ')}`,
      maxOf(onOpen.waitingPerProject) <= 2 && onOpen.waitingPerProject.size <= HOME_SCOPE.length && onOpen.other.length === 0],
    ['popup first render ÷ a blank extension page, empty box with the lists stored', 'within 0.05 of the build before issue 14 (measure it: --only=render on that build)',
      `${ratio.toFixed(2)} median of ${render.ratios.length} alternating pairs (${iqr(render.ratios, (x) => x.toFixed(2))}); popup ${ms(median(render.popupFrames))} vs blank ${ms(median(render.blankFrames))}`,
      null],
    [`toolbar count on: requests per alarm wake-up (scope: ${HOME_SCOPE.length} projects)`, '≤ 1 per project',
      alarm.fired
        ? `${perProjectText(alarm.perProject)}${alarm.other.length > 0 ? `; other: ${alarm.other.join(', ')}` : ''}; badge after it: "${alarm.badge}"`
        : 'the alarm did not fire within 15 s',
      alarm.fired && maxOf(alarm.perProject) <= 1 && alarm.other.length === 0],
  ];
}
