/** Issue → Issue (space-api.md §2b). */
import { batchFields } from '../../space/fields.ts';
import { formatIssueKey } from '../../space/keys.ts';
import type { Reader } from '../../space/parse.ts';
import type { Issue } from './entity.ts';
import { projectNumberedIdentity } from '../project-numbered.ts';
import { issueUrl } from './web-url.ts';
import { HiddenFields, PERSON_REF_FIELDS, optPersonRef } from '../../space/mappers/common.ts';

export const ISSUE_FIELDS = 'id,number,title,status(name,resolved,color),'
  + `assignee(${PERSON_REF_FIELDS}),dueDate,creationTime,projectRef(key(key))`;
export const ISSUE_BATCH_FIELDS = batchFields(ISSUE_FIELDS);

/**
 * `requestedProjectKey` is the project the call named. The issue's own `projectRef` wins when
 * present: an issue found by an old key may have moved to another project. `requestedNumber` is the
 * number a lookup asked for, used only if Space withheld the issue's own.
 *
 * The issue's id, number and title are required unless Space lists them in `$errors`; then the issue
 * degrades (its key stands in for the id and title) instead of failing the list it is in. [I] Space is not
 * known to withhold these from a token that may read the issue at all; nested objects are where `$errors`
 * really appear (a profile the token may not read, space-api.md §12 [C]).
 */
export function mapIssue(issue: Reader, origin: string, requestedProjectKey: string, requestedNumber?: number): Issue {
  const hidden = new HiddenFields();
  const projectRef = issue.optObj('projectRef');
  const projectKeyRef = projectRef?.looseObj('key') ?? null;
  // Withheld, the requested project stands in; only a moved issue would differ.
  hidden.check(issue, 'projectRef', 'projectKey');
  hidden.check(projectRef, 'key', 'projectKey');
  hidden.check(projectKeyRef, 'key', 'projectKey');
  const projectKey = (projectKeyRef?.looseStr('key') || requestedProjectKey).toUpperCase();

  const numberWithheld = hidden.check(issue, 'number', 'number', 'key');
  const number = numberWithheld ? (requestedNumber ?? 0) : issue.int('number');
  // 0 is never an issue number: with the number withheld and unknown, the key is empty and the link goes to the project.
  const key = number > 0 ? formatIssueKey(projectKey, number) : '';

  const status = hidden.check(issue, 'status', 'status') ? null : issue.obj('status');
  if (status) hidden.check(status, ['name', 'resolved', 'color'], 'status');
  hidden.checkWithin(issue, 'dueDate', 'dueDate');
  hidden.checkWithin(issue, 'creationTime', 'createdAt');
  hidden.check(issue, 'title', 'title');
  hidden.check(issue, 'id', 'id');

  return hidden.apply<Issue>({
    kind: 'issue',
    ...projectNumberedIdentity(issue, origin, projectKey, number, key, issueUrl),
    status: {
      name: status?.strOr('name', '') ?? '',
      resolved: status?.optBool('resolved', false) ?? false,
      color: hexColor(status?.looseStr('color') ?? null),
    },
    assignee: optPersonRef(issue, 'assignee', hidden, 'assignee'),
    dueDate: hidden.optional('dueDate', () => issue.optDate('dueDate')),
    createdAt: hidden.optional('createdAt', () => issue.optTimestamp('creationTime')),
  });
}

/** Space sends `3e76b5` (no `#`) [C example]; anything that isn't a plain hex colour is dropped. */
function hexColor(color: string | null): string | null {
  if (color === null) return null;
  const hex = color.replace(/^#/, '');
  return /^(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex) ? `#${hex.toLowerCase()}` : null;
}
