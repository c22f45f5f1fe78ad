import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';
import { article, searchArticles } from './space.ts';
import { permissions } from './permissions.ts';

export const search: KindSearch<'article'> = {
  kind: 'article',
  permission: permissions[0],
  search: textSearch(searchArticles),
  /** `id` is the article's id (`GET /blog/{id}`). */
  details: (id) => (api, opts) => article(api, id, opts),
  omniboxLine: (article) => article.author?.name || (article.author?.username ? `@${article.author.username}` : 'article'),
};
