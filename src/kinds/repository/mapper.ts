/**
 * Repositories come in two shapes: `RepositoryDetails {projectKey, repository, starred}` from the global
 * find (names only) and `PR_RepositoryInfo` for one repository (space-api.md §2a/§2b).
 */
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import type { Repository } from './entity.ts';
import { repositoryUrl } from './web-url.ts';
import { HiddenFields } from '../../space/mappers/common.ts';

export const REPOSITORY_FIND_BATCH_FIELDS = batchFields('projectKey,repository');

export const REPOSITORY_INFO_FIELDS = 'name,description,latestActivity,defaultBranch(head)';

/** A find result: the name is all Space returns, so the rest is empty until the card loads. */
export function mapRepositoryFound(found: Reader, origin: string): Repository {
  return repository(origin, found.id('projectKey'), found.id('repository'), '', null, null);
}

/**
 * One repository's details. `requestedName` (the name the call asked for) stands in when Space withholds
 * the name; description, default branch and latest activity are optional detail, marked hidden when withheld.
 */
export function mapRepositoryInfo(info: Reader, origin: string, projectKey: string, requestedName?: string): Repository {
  const hidden = new HiddenFields();
  hidden.check(info, 'description', 'description');
  hidden.checkWithin(info, 'latestActivity', 'latestActivity');
  hidden.check(info, 'defaultBranch', 'defaultBranch');
  const branch = info.looseObj('defaultBranch');
  hidden.check(branch, 'head', 'defaultBranch');
  return hidden.apply(repository(
    origin,
    projectKey,
    requestedName !== undefined && info.withheld('name') ? requestedName : info.id('name'),
    hidden.optional('description', () => info.optStr('description')) ?? '',
    branchName(branch?.looseStr('head') ?? null),
    hidden.optional('latestActivity', () => info.optTimestamp('latestActivity')),
  ));
}

function repository(
  origin: string, projectKey: string, name: string, description: string,
  defaultBranch: string | null, latestActivity: number | null,
): Repository {
  return {
    kind: 'repository',
    // Space has no global repository id in find results; project key + name is unique.
    id: `${projectKey}/${name}`,
    title: name,
    webUrl: repositoryUrl(origin, projectKey, name),
    projectKey,
    name,
    description,
    defaultBranch,
    latestActivity,
  };
}

/** `refs/heads/main` → `main` ([I] `head` is a full ref name). */
function branchName(head: string | null): string | null {
  if (head === null || head === '') return null;
  return head.replace(/^refs\/heads\//, '');
}
