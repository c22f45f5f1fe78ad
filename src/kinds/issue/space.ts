/** The issue kind's Space side: text search inside one project, and one issue by its key or number. */
import type { SpaceApi } from '../../space/api.ts';
import { pathIdent } from '../../space/api-paths.ts';
import { batchOf } from '../../space/endpoint.ts';
import { formatIssueKey, isItemNumber, notAKey, parseIssueKey } from '../../space/keys.ts';
import { pageQuery } from '../../space/paging.ts';
import { Reader } from '../../space/parse.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { Issue } from './entity.ts';
import { inProject, projectPath } from '../project/space.ts';
import { ISSUE_BATCH_FIELDS, ISSUE_FIELDS, mapIssue } from './mapper.ts';

const issuesPath = (projectKey: string) => `${projectPath(projectKey)}/planning/issues`;

/** Text search in one project; an empty query lists its latest issues. A project that doesn't exist is `not-found`. */
export const searchIssues = async (
  api: SpaceApi, projectKey: string, query: string, page?: Page, call?: CallOptions,
): Promise<Batch<Issue>> => inProject(api, projectKey, 'searchIssues', call, () => api.get({
  op: 'searchIssues', path: issuesPath(projectKey), fields: ISSUE_BATCH_FIELDS, subject: projectKey, on404: 'unsupported',
  // `sorting` and `descending` are required by Space (space-api.md §2a); most recently updated first.
  query: { ...(query === '' ? {} : { query }), sorting: 'UPDATED', descending: true, ...pageQuery(page) },
  map: batchOf((item, origin) => mapIssue(item, origin, projectKey)),
}, call));

/** `ABC-T-123` */
export async function issueByKey(api: SpaceApi, key: string, call?: CallOptions): Promise<Issue> {
  const parsed = parseIssueKey(key);
  if (!parsed) throw notAKey(key, 'issue');
  const canonical = formatIssueKey(parsed.projectKey, parsed.number);
  return lookup(api, parsed.projectKey, parsed.number, pathIdent('key', canonical), canonical, call);
}

export async function issueByNumber(api: SpaceApi, projectKey: string, number: number, call?: CallOptions): Promise<Issue> {
  if (!isItemNumber(number)) throw notAKey(`${projectKey}-T-${number}`, 'issue');
  return lookup(api, projectKey, number, `number:${number}`, formatIssueKey(projectKey, number), call);
}

function lookup(api: SpaceApi, projectKey: string, number: number, id: string, key: string, call?: CallOptions): Promise<Issue> {
  return api.get({
    op: 'issue', path: `${issuesPath(projectKey)}/${id}`, fields: ISSUE_FIELDS, subject: key, onInvalid: 'not-found',
    map: (json, origin) => mapIssue(Reader.of(json), origin, projectKey, number),
  }, call);
}
