/** The article kind's Space side: blog search across the organization (rows carry the card's data) and one article. */
import type { SpaceApi } from '../../space/api.ts';
import { pathSegment } from '../../space/api-paths.ts';
import { one, searchOf } from '../../space/endpoint.ts';
import type { CallOptions } from '../../space/types.ts';
import type { Article } from './entity.ts';
import { ARTICLE_BATCH_FIELDS, ARTICLE_FIELDS, mapArticle } from './mapper.ts';

/** Articles matching `query`; '' lists the newest. */
export const searchArticles = searchOf(
  'searchArticles', '/blog', ARTICLE_BATCH_FIELDS, mapArticle, (query) => (query === '' ? {} : { term: query }),
);

/** One article by its raw id [C OAS `GET /blog/{id}`], e.g. to show a card without a search. */
export const article = async (api: SpaceApi, id: string, call?: CallOptions): Promise<Article> => api.get({
  op: 'article', path: `/blog/${pathSegment(id)}`, fields: ARTICLE_FIELDS, subject: id, onInvalid: 'not-found', map: one(mapArticle),
}, call);
