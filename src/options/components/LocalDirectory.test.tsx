// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryStatus } from '../../shared/directory.ts';
import type { Request } from '../../shared/protocol.ts';
import { fakeBrowser } from '../../shared/test-support/fake-browser.ts';
import { LocalDirectory, formatSize } from './LocalDirectory.tsx';

vi.mock('../../shared/browser.ts', async () => (await import('../../shared/test-support/fake-browser.ts')).polyfillModule());

const counts = { person: 10_000, team: 500, location: 142, project: 300, repository: 1_000, channel: 2_000 };
const ready = (over: Partial<DirectoryStatus> = {}): DirectoryStatus => ({
  enabled: true, offByPolicy: false, state: 'ready', counts, bytes: 2_400_000, syncedAt: Date.now() - 5 * 60_000, storage: 'disk', ...over,
});

let requests: Request[];
let answers: DirectoryStatus[];
let host: HTMLElement;
let announced: string[];

beforeEach(() => {
  fakeBrowser.reset();
  requests = [];
  announced = [];
  answers = [];
  fakeBrowser.runtime.sendMessage.mockImplementation(async (raw: unknown) => {
    const req = raw as Request;
    requests.push(req);
    const value = answers.length > 1 ? answers.shift() : answers[0];
    return value ? { ok: true, value } : { ok: false, error: { code: 'offline' } };
  });
  host = document.createElement('div');
  document.body.append(host);
});

afterEach(() => {
  render(null, host);
  host.remove();
});

const $ = (testId: string) => host.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

async function show(...statuses: DirectoryStatus[]) {
  answers = statuses;
  render(<LocalDirectory host="space.example.com" announce={(text) => announced.push(text)} />, host);
  await vi.waitFor(() => expect(requests.length).toBeGreaterThan(0));
}

describe('Options: the local directory', () => {
  it('shows what the copy holds, its size, where it is kept and its age', async () => {
    await show(ready());
    await vi.waitFor(() => expect($('directory-counts')).not.toBeNull());
    const items = [...$('directory-counts')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual(['People: 10,000', 'Teams: 500', 'Locations: 142', 'Projects: 300', 'Repositories: 1,000', 'Chats: 2,000']);
    expect($('directory-age')!.textContent).toBe("Synced 5 minutes ago · 2.4 MB kept in this browser's storage");
    expect(requests).toEqual([{ type: 'directory-status' }]);
  });

  it('says when the copy is kept in memory only', async () => {
    await show(ready({ storage: 'session', bytes: 84_000 }));
    await vi.waitFor(() => expect($('directory-age')!.textContent).toContain('84 kB kept in memory until the browser closes'));
  });

  it('"Refresh now" starts a sync, shows its progress, and announces when it is done', async () => {
    const syncing = ready({ state: 'syncing', progress: { kind: 'person', fetched: 1200, total: 10_000, kindsDone: 0 } });
    await show(ready(), syncing, syncing, ready({ syncedAt: Date.now() }));
    await vi.waitFor(() => expect($('directory-refresh')).not.toBeNull());
    const button = $('directory-refresh') as HTMLButtonElement;
    await vi.waitFor(() => expect(button.disabled).toBe(false));
    button.click();
    await vi.waitFor(() => expect($('directory-syncing')).not.toBeNull());
    expect($('directory-syncing')!.textContent).toContain('Syncing: People 1,200 of 10,000 (0 of 6 kinds done)');
    expect($('directory-syncing')!.getAttribute('role')).toBe('status');
    expect(($('directory-refresh') as HTMLButtonElement).disabled).toBe(true);
    expect(requests.map((r) => r.type)).toContain('directory-refresh');
    await vi.waitFor(() => expect($('directory-syncing')).toBeNull(), { timeout: 5000 });
    expect(announced).toEqual(['Refreshing the local directory.', 'The local directory is up to date.']);
  });

  it('shows a failed sync with its reason and fix, and that the previous copy still answers', async () => {
    await show(ready({ state: 'error', error: { code: 'unauthorized' } }));
    await vi.waitFor(() => expect($('directory-error')).not.toBeNull());
    expect($('directory-error')!.textContent).toMatch(/token/i);
    expect($('directory-error')!.textContent).toContain('The previous copy still answers searches.');
  });

  it('says "Turned off by your organization" and offers no refresh when the policy turns it off', async () => {
    await show({ ...ready(), enabled: false, offByPolicy: true, state: 'empty', syncedAt: null, storage: 'none', bytes: 0 });
    await vi.waitFor(() => expect($('directory-off')).not.toBeNull());
    expect($('directory-off')!.textContent).toContain('Turned off by your organization');
    expect($('directory-refresh')).toBeNull();
    expect($('directory-counts')).toBeNull();
  });

  it('says when nothing was synced yet', async () => {
    await show(ready({ state: 'empty', syncedAt: null, bytes: 0, counts: { ...counts, person: 0 } }));
    await vi.waitFor(() => expect($('directory-age')!.textContent).toBe('Not synced yet.'));
  });
});

describe('formatSize', () => {
  it('reads in kB below a megabyte, in MB with one decimal above', () => {
    expect(formatSize(0)).toBe('1 kB');
    expect(formatSize(84_400)).toBe('84 kB');
    expect(formatSize(2_450_000)).toBe('2.5 MB');
  });
});
