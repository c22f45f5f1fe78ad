/** Issue → Issue (space-api.md §2b). */
import { batchFields } from '../fields.ts';
import { formatIssueKey } from '../keys.ts';
import type { Reader } from '../parse.ts';
import type { Issue } from '../types.ts';
import { issueUrl } from '../web-urls.ts';
import { PERSON_REF_FIELDS, personRef } from './common.ts';

export const ISSUE_FIELDS = 'id,number,title,status(name,resolved,color),'
  + `assignee(${PERSON_REF_FIELDS}),dueDate,creationTime,projectRef(key(key))`;
export const ISSUE_BATCH_FIELDS = batchFields(ISSUE_FIELDS);

/**
 * `requestedProjectKey` is the project the call named. The issue's own `projectRef` wins when
 * present: an issue found by an old key may have moved to another project.
 */
export function mapIssue(issue: Reader, origin: string, requestedProjectKey: string): Issue {
  const projectKey = (issue.optObj('projectRef')?.optObj('key')?.optStr('key') || requestedProjectKey).toUpperCase();
  const number = issue.int('number');
  const status = issue.obj('status');
  const assignee = issue.optObj('assignee');
  return {
    kind: 'issue',
    id: issue.id('id'),
    title: issue.str('title'),
    webUrl: issueUrl(origin, projectKey, number),
    projectKey,
    number,
    key: formatIssueKey(projectKey, number),
    status: {
      name: status.str('name'),
      resolved: status.optBool('resolved', false),
      color: hexColor(status.optStr('color')),
    },
    assignee: assignee ? personRef(assignee) : null,
    dueDate: issue.optDate('dueDate'),
    createdAt: issue.optTimestamp('creationTime'),
  };
}

/** Space sends `3e76b5` (no `#`) [C example]; anything that isn't a plain hex colour is dropped. */
function hexColor(color: string | null): string | null {
  if (color === null) return null;
  const hex = color.replace(/^#/, '');
  return /^(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex) ? `#${hex.toLowerCase()}` : null;
}
