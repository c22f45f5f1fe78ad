/** The article kind's Space side: blog search across the organization (rows carry the card's data) and one article. */
import type { SpaceApi } from '../../space/api.ts';
import { pathSegment } from '../../space/api-paths.ts';
import { batchOf, one } from '../../space/endpoint.ts';
import { pageQuery } from '../../space/paging.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { Article } from './entity.ts';
import { ARTICLE_BATCH_FIELDS, ARTICLE_FIELDS, mapArticle } from './mapper.ts';

/** Articles matching `query`; '' lists the newest. */
export const searchArticles = async (api: SpaceApi, query: string, page?: Page, call?: CallOptions): Promise<Batch<Article>> => api.get({
  op: 'searchArticles', path: '/blog', fields: ARTICLE_BATCH_FIELDS, query: { ...(query === '' ? {} : { term: query }), ...pageQuery(page) },
  on404: 'unsupported', map: batchOf(mapArticle),
}, call);

/** One article by its raw id [C OAS `GET /blog/{id}`], e.g. to show a card without a search. */
export const article = async (api: SpaceApi, id: string, call?: CallOptions): Promise<Article> => api.get({
  op: 'article', path: `/blog/${pathSegment(id)}`, fields: ARTICLE_FIELDS, subject: id, onInvalid: 'not-found', map: one(mapArticle),
}, call);
