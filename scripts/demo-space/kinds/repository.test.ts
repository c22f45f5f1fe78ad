/** kinds/repository.ts over real HTTP: find by term, one repository by name. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../server.ts';
import { api, takeViolationKinds, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

describe('repositories', () => {
  it('finds repositories by term and one repository by name', async () => {
    expect((await api(server, '/projects/repositories/find')).json).toEqual({ error: 'validation-error', error_description: "Parameter 'term' is required" });
    expect(takeViolationKinds()).toEqual(['missing-parameter']);
    const found = await api<BatchJson<{ projectKey: string; repository: string; starred: boolean }>>(server, '/projects/repositories/find?term=web');
    expect(found.json.data).toEqual([
      { projectKey: 'WEB', repository: 'mission-web', starred: true },
      { projectKey: 'WEB', repository: 'web-e2e', starred: false },
    ]);
    const repo = await api<{ name: string; latestActivity: { iso: string; timestamp: number }; defaultBranch: { head: string } }>(
      server, '/projects/key:WEB/repositories/design-system');
    expect(repo.json.name).toBe('design-system');
    expect(repo.json.latestActivity.timestamp).toBe(Date.parse(repo.json.latestActivity.iso));
    expect((await api(server, '/projects/key:WEB/repositories/nope')).status).toBe(404);
  });
});
