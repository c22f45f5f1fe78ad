/**
 * `ABC login` (issue 14 item 6) through the worker's lookup port against the demo server: issues and reviews of
 * one project, in scope or not, the groups naming it; a first word that is no project searches the scope.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DoneMessage, GroupMessage, LookupServerMessage } from '../../shared/protocol.ts';
import { createPortPair } from '../../shared/test-support/fake-ports.ts';
import { createRig, type Rig } from '../test-support/harness.ts';
import { acceptLookupPort } from './port.ts';

let rig: Rig;
beforeEach(async () => {
  rig = await createRig();
  await rig.connect();
  // The scope is ABC alone: the project searched by its key lies outside it.
  expect(await rig.ask({ type: 'settings-set', settings: { searchProjects: ['ABC'] } })).toMatchObject({ ok: true });
  rig.server.clearRequests();
});
afterEach(async () => {
  await rig.close();
});

async function search(query: string): Promise<{ groups: GroupMessage[]; paths: string[] }> {
  const { client, server } = createPortPair('lookup', rig.fake.popupSender());
  acceptLookupPort(server, rig.deps);
  client.postMessage({ type: 'search', id: 1, query, filter: 'all' });
  const end = Date.now() + 8_000;
  while (!(client.received as LookupServerMessage[]).some((m): m is DoneMessage => m.type === 'done' || m.type === 'fail')) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
  const groups = (client.received as LookupServerMessage[]).filter((m): m is GroupMessage => m.type === 'group');
  return { groups, paths: rig.server.requests.map((r) => r.path.replace('/api/http', '')) };
}

/** A word of an open NAV issue's title, read from the demo data (NAV is no member project of the demo user). */
function navWord(): { word: string; titles: string[] } {
  const nav = rig.server.dataset.issues.filter((i) => i.projectRef.key.key === 'NAV');
  const word = nav[0]!.title.split(' ').find((w) => w.length > 5)!.toLowerCase();
  return { word, titles: nav.filter((i) => i.title.toLowerCase().includes(word)).map((i) => i.title) };
}

describe('one project by its key', () => {
  it('searches issues and reviews of that project outside the scope; the groups name it; a repeat is cached with its name', async () => {
    const { word, titles } = navWord();
    const { groups, paths } = await search(`NAV ${word}`);
    const issues = groups.filter((g) => g.kind === 'issue').at(-1)!;
    expect(issues).toMatchObject({ state: 'ok', project: 'NAV', cached: false });
    expect(issues.items.length).toBeGreaterThan(0);
    for (const item of issues.items) {
      expect(item).toMatchObject({ kind: 'issue' });
      expect((item as { key: string }).key).toMatch(/^NAV-T-\d+$/);
      expect(titles).toContain((item as { title: string }).title);
    }
    expect(groups.filter((g) => g.kind === 'review').at(-1)).toMatchObject({ state: 'ok', project: 'NAV' });
    // One request per kind, in NAV; none in the scope (ABC).
    expect(paths.filter((p) => p.startsWith('/projects/key:ABC/planning') || p.startsWith('/projects/key:ABC/code-reviews'))).toEqual([]);
    expect(paths.filter((p) => p.startsWith('/projects/key:NAV/planning/issues'))).toHaveLength(1);
    // Other kinds are not named after a project.
    expect(groups.filter((g) => g.kind !== 'issue' && g.kind !== 'review').every((g) => g.project === undefined)).toBe(true);

    rig.server.clearRequests();
    const again = await search(`NAV ${word}`);
    expect(again.groups.find((g) => g.kind === 'issue')).toMatchObject({ cached: true, project: 'NAV', items: issues.items });
  });

  it('a first word that is no project searches the scope for the whole text, with no error and no name', async () => {
    const { groups, paths } = await search('NOPE login');
    const issues = groups.filter((g) => g.kind === 'issue').at(-1)!;
    expect(issues.state).toBe('ok');
    expect(issues.project).toBeUndefined();
    expect(paths).toContain('/projects/key:ABC/planning/issues');
    expect(rig.server.requests.some((r) => r.path.endsWith('/projects/key:ABC/planning/issues') && r.query.query?.[0] === 'NOPE login')).toBe(true);
  });
});
