/**
 * The opt-in count on the toolbar button (issue 14 item 4), through the router against the demo server: the alarm
 * in each transition (switch on/off, connect, Forget, a refused token, a browser start, a stale wake-up), what a
 * wake-up asks Space, and the badge's text, color, tooltip and priority.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture as issueFixture } from '../kinds/issue/fixture.ts';
import { fixture as reviewFixture } from '../kinds/review/fixture.ts';
import { originPattern } from '../space/base-url.ts';
import { WAITING_KEY, type WaitingEntry, type WaitingList } from '../shared/home.ts';
import { MAX_WAITING } from '../shared/home-parse.ts';
import type { Settings } from '../shared/protocol.ts';
import { CONNECTION_KEY } from '../shared/storage-keys.ts';
import { countText, refreshBadge } from './badge.ts';
import { onStartup } from './install.ts';
import { createRig, type Rig } from './test-support/harness.ts';
import { handleAlarm } from './waiting-alarm.ts';
import { WAITING_ALARM, WAITING_PERIOD_MINUTES } from './waiting-schedule.ts';

let rig: Rig;
beforeEach(async () => {
  rig = await createRig();
  // No local directory (issue 16) syncing in the background: every request counted here is the count's.
  rig.fake.setManaged({ localDirectory: false });
});
afterEach(async () => {
  await rig.close();
});

const alarm = () => rig.fake.record.alarms.get(WAITING_ALARM);
const badge = () => rig.fake.record.badge;
const connectionId = () => (rig.fake.storage.local.snapshot()[CONNECTION_KEY] as { id: string }).id;
const setCount = (on: boolean) => rig.ask<Settings>({ type: 'settings-set', settings: { showWaitingCount: on } });
const apiPaths = () => rig.server.requests.map((r) => r.path.replace('/api/http', ''));

/** A stored Waiting for you list of `yourTurn` reviews and `assigned` issues, for the connection `connection`. */
function storeWaiting(yourTurn: number, assigned: number, connection = connectionId()): Promise<void> {
  const entry = (reason: WaitingEntry['reason'], i: number): WaitingEntry => {
    const s = (n: number) => `${reason}-${i}-${n}`;
    const entity = reason === 'your-turn' ? reviewFixture(s) : issueFixture(s);
    return { reason, project: 'ABC', since: null, entity: { ...entity, webUrl: `${rig.server.url}/p/ABC/${i}` } };
  };
  const list: WaitingList = {
    connection, at: 0, notes: [],
    items: [...Array.from({ length: yourTurn }, (_, i) => entry('your-turn', i)), ...Array.from({ length: assigned }, (_, i) => entry('assigned', i))],
  };
  return rig.fake.storage.local.set({ [WAITING_KEY]: list });
}

describe('the count setting', () => {
  it('is off by default: connected, no alarm, no count, and settings-get says so', async () => {
    await rig.connect();
    expect(await rig.ask({ type: 'settings-get' })).toEqual({ ok: true, value: { searchProjects: [], showWaitingCount: false } });
    expect(alarm()).toBeUndefined();
    await storeWaiting(3, 2);
    await refreshBadge(rig.fake.platform);
    expect(badge().text).toBe('');
  });

  it('the scope and the switch save apart: neither undoes the other', async () => {
    await rig.connect();
    await setCount(true);
    expect(await rig.ask({ type: 'settings-set', settings: { searchProjects: ['abc'] } }))
      .toEqual({ ok: true, value: { searchProjects: ['ABC'], showWaitingCount: true } });
    expect(await setCount(false)).toEqual({ ok: true, value: { searchProjects: ['ABC'], showWaitingCount: false } });
  });

  it('cannot be set without a connection', async () => {
    expect(await setCount(true)).toMatchObject({ ok: false, error: { code: 'not-configured' } });
    expect(alarm()).toBeUndefined();
  });
});

describe('the alarm', () => {
  beforeEach(async () => {
    await rig.connect();
  });

  it('switched on: one alarm every 5 minutes, and the count refreshed at once (reviews only, one request per project)', async () => {
    rig.server.clearRequests();
    expect(await setCount(true)).toMatchObject({ ok: true, value: { showWaitingCount: true } });
    expect(alarm()).toMatchObject({ name: WAITING_ALARM, periodInMinutes: WAITING_PERIOD_MINUTES });
    expect(WAITING_PERIOD_MINUTES).toBeGreaterThanOrEqual(5);
    const review = apiPaths().filter((p) => /\/projects\/key:[^/]+\/code-reviews/.test(p));
    const issue = apiPaths().filter((p) => /\/planning\/issues/.test(p));
    expect(review.length).toBeGreaterThan(0);
    expect(new Set(review).size).toBe(review.length);
    expect(issue).toEqual([]);
  });

  it('switched off: the alarm is cleared and the count goes', async () => {
    await setCount(true);
    await storeWaiting(2, 0);
    await refreshBadge(rig.fake.platform);
    expect(badge().text).toBe('2');
    await setCount(false);
    expect(alarm()).toBeUndefined();
    expect(badge().text).toBe('');
  });

  it('a badge refresh keeps the alarm it finds (its next wake-up is not pushed back)', async () => {
    await setCount(true);
    const creates = rig.fake.record.alarmCreates.length;
    await refreshBadge(rig.fake.platform);
    await refreshBadge(rig.fake.platform);
    expect(rig.fake.record.alarmCreates).toHaveLength(creates);
    expect(creates).toBe(1);
  });

  it('Forget clears it (and the setting)', async () => {
    await setCount(true);
    expect(await rig.ask({ type: 'forget', revoke: false })).toMatchObject({ ok: true });
    expect(alarm()).toBeUndefined();
    // Forget gave the host access back; Options asks for it again before connecting.
    rig.fake.grant(originPattern(rig.server.url));
    await rig.connect();
    expect(alarm()).toBeUndefined();
    expect(await rig.ask({ type: 'settings-get' })).toMatchObject({ ok: true, value: { showWaitingCount: false } });
  });

  it('connecting again with the switch on sets it again; a token Space refuses clears it and "!" shows', async () => {
    await setCount(true);
    rig.server.setFault('*', { status: 401 });
    await handleAlarm(rig.deps, { name: WAITING_ALARM });
    expect(badge().text).toBe('!');
    expect(alarm()).toBeUndefined();
    rig.server.clearFaults();
    await rig.connect();
    expect(alarm()).toMatchObject({ periodInMinutes: WAITING_PERIOD_MINUTES });
  });

  it('a browser start sets it again when the switch is on (Chrome may drop alarms on restart), not when off', async () => {
    await setCount(true);
    rig.fake.record.alarms.clear();
    await onStartup(rig.fake.platform);
    expect(alarm()).toMatchObject({ periodInMinutes: WAITING_PERIOD_MINUTES });
    await setCount(false);
    await onStartup(rig.fake.platform);
    expect(alarm()).toBeUndefined();
  });

  it('a wake-up asks only for the reviews, at most one request per project in scope, and the badge shows the stored count', async () => {
    await rig.ask({ type: 'settings-set', settings: { searchProjects: ['ABC', 'WEB', 'ORBIT'] } });
    await setCount(true);
    rig.server.clearRequests();
    await handleAlarm(rig.deps, { name: WAITING_ALARM });
    const paths = apiPaths();
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((p) => /^\/projects\/key:(ABC|WEB|ORBIT)\/code-reviews/.test(p))).toBe(true);
    expect(paths.length).toBeLessThanOrEqual(3);
    const list = (rig.fake.storage.local.snapshot()[WAITING_KEY] as WaitingList);
    const yourTurn = list.items.filter((e) => e.reason === 'your-turn').length;
    expect(badge().text).toBe(yourTurn === 0 ? '' : countText(yourTurn));
  });

  it('a wake-up left from before (switched off meanwhile, by another path) asks nothing and clears the alarm', async () => {
    await setCount(true);
    await rig.fake.storage.local.set({ settings: { searchProjects: [], showWaitingCount: false } });
    rig.server.clearRequests();
    await handleAlarm(rig.deps, { name: WAITING_ALARM });
    expect(rig.server.requests).toEqual([]);
    expect(alarm()).toBeUndefined();
  });

  it('another alarm\'s name is none of its business', async () => {
    await setCount(true);
    rig.server.clearRequests();
    await handleAlarm(rig.deps, { name: 'directory-sync' });
    expect(rig.server.requests).toEqual([]);
    expect(alarm()).toBeDefined();
  });
});

describe('the badge with the count on', () => {
  beforeEach(async () => {
    await rig.connect();
    await setCount(true);
  });

  it('shows the "your turn" rows, not the assigned issues, in a calm color with the number in words', async () => {
    await storeWaiting(3, 4);
    await refreshBadge(rig.fake.platform);
    expect(badge()).toEqual({ text: '3', color: '#1d4ed8', title: expect.stringContaining('3 code reviews wait for you') as string });
    await storeWaiting(1, 0);
    await refreshBadge(rig.fake.platform);
    expect(badge().title).toContain('1 code review waits for you');
  });

  it('shows nothing for 0, and no more rows than the popup lists', async () => {
    await storeWaiting(0, 5);
    await refreshBadge(rig.fake.platform);
    expect(badge().text).toBe('');
    await storeWaiting(MAX_WAITING + 20, 0);
    await refreshBadge(rig.fake.platform);
    expect(badge().text).toBe(String(MAX_WAITING));
  });

  it('counts what the popup lists: a malformed entry is no row, and no count', async () => {
    await storeWaiting(2, 0);
    const list = rig.fake.storage.local.snapshot()[WAITING_KEY] as { items: unknown[] };
    await rig.fake.storage.local.set({ [WAITING_KEY]: { ...list, items: [...list.items, { reason: 'your-turn', project: 'ABC', since: null, entity: { kind: 'review' } }] } });
    await refreshBadge(rig.fake.platform);
    expect(badge().text).toBe('2');
  });

  it('counts no list of another connection', async () => {
    await storeWaiting(3, 0, 'someone-else');
    await refreshBadge(rig.fake.platform);
    expect(badge().text).toBe('');
  });

  it('gives way to "!" when the host access is gone, and comes back with it', async () => {
    await storeWaiting(3, 0);
    const pattern = rig.fake.granted()[0]!;
    rig.fake.revoke(pattern);
    await refreshBadge(rig.fake.platform);
    expect(badge().text).toBe('!');
    expect(alarm()).toBeUndefined();
    rig.fake.grant(pattern);
    await refreshBadge(rig.fake.platform);
    expect(badge().text).toBe('3');
    expect(alarm()).toBeDefined();
  });
});

describe('countText', () => {
  it.each([[1, '1'], [9, '9'], [99, '99'], [100, '99+'], [5000, '99+']])('%i → %s', (n, text) => {
    expect(countText(n)).toBe(text);
  });
});
