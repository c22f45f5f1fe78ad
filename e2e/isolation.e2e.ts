/**
 * Issue 4 "per-kind failure isolation": one endpoint failing hides or explains that kind only; every other
 * group still shows.
 */
import { describe, expect, it } from 'vitest';
import { type Harness, typeQuery, waitForSearchDone } from './harness.ts';
import { useHarness } from './use-harness.ts';
import { msg } from './messages.ts';

describe('per-endpoint faults stay in their group', () => {
  let h: Harness;
  useHarness({ connect: true }, (started) => { h = started; });

  it('404 on blog → quiet note; 403 on issues → the permission is named; projects and repositories still show', async () => {
    // Learn which issue-search endpoints a search uses (one per project in scope), then break all of them.
    const probe = await h.openPopupPage();
    h.demo.clearRequests();
    await typeQuery(probe, 'rate limiter');
    await waitForSearchDone(probe);
    const issuePaths = [...new Set(h.demo.requests.map((r) => r.path).filter((p) => /\/planning\/issues$/.test(p)))];
    expect(issuePaths.length).toBeGreaterThan(0);
    await probe.close();

    // Blog, not teams: once the local directory has synced (issue 16), teams are found without asking Space.
    h.demo.setFault('/blog', { status: 404 });
    for (const path of issuePaths) h.demo.setFault(`${path.replace(/^\/api\/http/, '')}$`, { status: 403, permission: 'Project.Issues.View' });

    const popup = await h.openPopupPage();
    // "backend" matches projects, repositories, teams and issues in the demo organization.
    await typeQuery(popup, 'backend');
    await waitForSearchDone(popup, 30_000);

    const articleNote = await popup.getByTestId('note-article').innerText();
    expect(articleNote).toContain(msg('popup_unsupported'));
    const issueNote = await popup.getByTestId('note-issue').innerText();
    expect(issueNote).toContain('Project.Issues.View');
    expect(await popup.getByTestId('group-article').count()).toBe(0);
    expect(await popup.getByTestId('group-issue').count()).toBe(0);

    // The other kinds answered normally.
    for (const kind of ['project', 'repository']) {
      expect(await popup.getByTestId(`group-${kind}`).count(), `group-${kind}`).toBe(1);
      expect(await popup.getByTestId(`note-${kind}`).count(), `note-${kind}`).toBe(0);
    }
    // No page-level error: the failure stayed in its group.
    expect(await popup.getByTestId('error').count()).toBe(0);
    await popup.close();
  });

  it('a slow kind does not hold back the others', async () => {
    h.demo.clearFaults();
    h.demo.setFault('/team-directory/locations', { latencyMs: 2500 });
    const popup = await h.openPopupPage();
    await typeQuery(popup, 'jonathan');
    const started = Date.now();
    await popup.getByTestId('group-person').waitFor();
    expect(Date.now() - started).toBeLessThan(2000);
    await waitForSearchDone(popup, 30_000);
    h.demo.clearFaults();
    await popup.close();
  });
});
