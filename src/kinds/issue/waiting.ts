/**
 * Waiting for you (issue 14 item 3), the issue side: the open issues of one project assigned to the user. One
 * request per project.
 *
 * Server side: `assigneeId=me` (OAS `GET /projects/{project}/planning/issues`, space-api.md §2a: profile
 * identifiers, e.g. `me`). "Open" has no filter of its own: `statuses[]` takes status ids, which would cost a second
 * request per project (`…/issues/statuses`), so resolved issues are left out on the client by their status's
 * `resolved`. [I] guessed: the newest updates first keeps the open ones within the page (resolved issues stop being
 * updated); a user with more than WAITING_TOP issues updated since their oldest open one would miss some.
 * docs/space-behaviour.md "Waiting for you".
 */
import type { SpaceApi } from '../../space/api.ts';
import { batchOf } from '../../space/endpoint.ts';
import type { Batch, CallOptions } from '../../space/types.ts';
import type { Issue } from './entity.ts';
import { inProject, projectPath } from '../project/space.ts';
import { ISSUE_BATCH_FIELDS, mapIssue } from './mapper.ts';

const WAITING_TOP = 50;

/** The open issues of project `projectKey` assigned to the user; null items are resolved ones. */
export const issuesAssignedToMe = async (
  api: SpaceApi, projectKey: string, call?: CallOptions,
): Promise<Batch<Issue | null>> => inProject(api, projectKey, 'waitingIssues', call, () => api.get({
  op: 'waitingIssues', path: `${projectPath(projectKey)}/planning/issues`, fields: ISSUE_BATCH_FIELDS, subject: projectKey,
  on404: 'unsupported',
  query: { assigneeId: 'me', sorting: 'UPDATED', descending: true, $top: WAITING_TOP },
  map: batchOf((item, origin) => {
    const issue = mapIssue(item, origin, projectKey);
    return issue.status.resolved ? null : issue;
  }),
}, call));
