/**
 * Every entity kind the worker can search, once. Adding a kind: a folder `src/kinds/<kind>/` with
 * `search.ts`, one line here, and one line in the popup's view registry.
 */
import type { EntityKind } from '../space/types.ts';
import type { KindSearch } from './kind-search.ts';
import { issueSearch } from './issue/search.ts';
import { locationSearch } from './location/search.ts';
import { personSearch } from './person/search.ts';
import { projectSearch } from './project/search.ts';
import { repositorySearch } from './repository/search.ts';
import { reviewSearch } from './review/search.ts';
import { teamSearch } from './team/search.ts';

export const KIND_SEARCHES: { readonly [K in EntityKind]: KindSearch<K> } = {
  person: personSearch,
  team: teamSearch,
  location: locationSearch,
  project: projectSearch,
  issue: issueSearch,
  repository: repositorySearch,
  review: reviewSearch,
};

export function kindSearch<K extends EntityKind>(kind: K): KindSearch<K> {
  return KIND_SEARCHES[kind];
}
