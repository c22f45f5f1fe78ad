/** kinds/issue.ts over real HTTP: search with Space's required parameters, filters, one issue by number, key or id. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../server.ts';
import { api, fieldsParam, takeViolationKinds, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import type { Issue, IssueStatus } from '../world-types.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

describe('issues', () => {
  const ISSUE = 'id,number,title,status(name,resolved,color),assignee(username),dueDate,creationTime,projectRef(key(key))';

  it('requires sorting and descending', async () => {
    const noSorting = await api(server, '/projects/key:ABC/planning/issues?descending=true');
    expect(noSorting.status).toBe(400);
    expect(noSorting.json).toEqual({ error: 'validation-error', error_description: "Parameter 'sorting' is required" });
    const noDescending = await api(server, '/projects/key:ABC/planning/issues?sorting=UPDATED');
    expect(noDescending.json).toEqual({ error: 'validation-error', error_description: "Parameter 'descending' is required" });
    expect((await api(server, '/projects/key:ABC/planning/issues?sorting=SIZE&descending=true')).status).toBe(400);
    expect(takeViolationKinds()).toEqual(['missing-parameter', 'missing-parameter', 'invalid-value']);
  });

  it('searches issues by query and sorts them', async () => {
    const r = await api<BatchJson<Issue>>(server, `/projects/key:ABC/planning/issues?sorting=CREATED&descending=false&query=login&${fieldsParam(`next,totalCount,data(${ISSUE})`)}`);
    expect(r.json.data.some((i) => i.number === 123)).toBe(true);
    for (const i of r.json.data) expect(i.title.toLowerCase()).toContain('login');
    const times = r.json.data.map((i) => i.creationTime.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const byTitle = await api<BatchJson<Issue>>(server, `/projects/key:ORBIT/planning/issues?sorting=TITLE&descending=true&$top=200&${fieldsParam('data(title)')}`);
    const titles = byTitle.json.data.map((i) => i.title);
    expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a, 'en', { sensitivity: 'base' })));
    const byKey = await api<BatchJson<Issue>>(server, `/projects/key:ABC/planning/issues?sorting=UPDATED&descending=true&query=ABC-T-42&${fieldsParam('data(number)')}`);
    expect(byKey.json.data).toEqual([{ number: 42 }]);
  });

  it('filters by assignee (me) and status', async () => {
    const mine = await api<BatchJson<Issue>>(server, `/projects/key:ABC/planning/issues?sorting=UPDATED&descending=true&assigneeId=me&$top=500&${fieldsParam('data(assignee(username))')}`);
    expect(mine.json.data.length).toBeGreaterThan(0);
    for (const i of mine.json.data) expect(i.assignee?.username).toBe('alex.demo');
    const all = await api<BatchJson<Issue>>(server, `/projects/key:ABC/planning/issues?sorting=UPDATED&descending=true&$top=500&${fieldsParam('data(status(id,name))')}`);
    expect(new Set(all.json.data.map((i) => i.status.name))).toEqual(new Set(['Open', 'In Progress', 'In Review', 'Blocked', 'Done', "Won't Fix"]));
    const done = all.json.data.find((i) => i.status.name === 'Done')?.status as IssueStatus;
    const resolved = await api<BatchJson<Issue>>(server, `/projects/key:ABC/planning/issues?sorting=UPDATED&descending=true&statuses=${done.id}&$top=500&${fieldsParam('data(status(name))')}`);
    expect(new Set(resolved.json.data.map((i) => i.status.name))).toEqual(new Set(['Done']));
  });

  it('finds one issue by number, by key and by id in the project', async () => {
    const byNumber = await api<Issue>(server, `/projects/key:ABC/planning/issues/number:123?${fieldsParam(ISSUE)}`);
    expect(byNumber.json).toMatchObject({ number: 123, title: 'Login page throws 500 on empty password', projectRef: { key: { key: 'ABC' } } });
    expect(byNumber.json.creationTime).toEqual({ iso: expect.any(String), timestamp: expect.any(Number) });
    const byKey = await api<Issue>(server, `/projects/key:ABC/planning/issues/key:ABC-T-123?${fieldsParam('id')}`);
    expect(byKey.json.id).toBe(byNumber.json.id);
    const byId = await api<Issue>(server, `/projects/key:ABC/planning/issues/id:${byNumber.json.id}?${fieldsParam('number')}`);
    expect(byId.json.number).toBe(123);
    const missing = await api(server, '/projects/key:ABC/planning/issues/number:99999');
    expect(missing.json).toEqual({ error: 'not-found', error_description: 'Issue not found' });
    expect((await api(server, '/projects/key:FINANCE/planning/issues/key:FINANCE-T-1')).status).toBe(404);
    expect((await api(server, '/projects/key:NAV/planning/issues/key:ABC-T-1')).status).toBe(404);
  });
});
