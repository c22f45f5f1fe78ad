import type { KindSearch } from '../kind-search.ts';
import { textSearch } from '../text-search.ts';

export const articleSearch: KindSearch<'article'> = {
  kind: 'article',
  permission: 'Article.View',
  search: textSearch((api, query, page, opts) => api.searchArticles(query, page, opts)),
  /** `id` is the article's id (`GET /blog/{id}`). */
  details: (id) => (api, opts) => api.article(id, opts),
  omniboxLine: (article) => article.author?.name || (article.author?.username ? `@${article.author.username}` : 'article'),
};
