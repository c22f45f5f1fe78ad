/**
 * The worker side of every kind, one line each. Typed by ALL_KINDS (src/shared/kinds.ts): a listed kind without
 * its line here is a compile error. Adding a kind: docs/adding-a-kind.md.
 */
import type { EntityKind } from '../shared/kinds.ts';
import type { KindSearch } from './kind-search.ts';
import { articleSearch } from './article/search.ts';
import { channelSearch } from './channel/search.ts';
import { codeSearch } from './code/search.ts';
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
  channel: channelSearch,
  article: articleSearch,
  code: codeSearch,
};

export function kindSearch<K extends EntityKind>(kind: K): KindSearch<K> {
  return KIND_SEARCHES[kind] as KindSearch<K>;
}
