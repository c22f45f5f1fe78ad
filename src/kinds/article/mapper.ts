/** ArticleRecord → Article (OAS `ArticleRecord`: `GET /blog`, `GET /blog/{id}`). */
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import type { Article } from './entity.ts';
import { articleUrl } from './web-url.ts';
import { HiddenFields, PERSON_REF_FIELDS, idAndName, idNameRef, optPersonRef } from '../../space/mappers/common.ts';

/**
 * Row (title, author, date) and card (preview, teams, locations) in one selection: the preview is Space's own
 * short excerpt, so the row costs little more than the card would. `content` (the whole text) is never asked for.
 */
export const ARTICLE_FIELDS = `id,title,created,author(${PERSON_REF_FIELDS}),preview,teams(id,name),locations(id,name)`;
export const ARTICLE_BATCH_FIELDS = batchFields(ARTICLE_FIELDS);

/**
 * The id and title are required unless withheld (the title then stands in for the id and the link goes to
 * the home page; the id stands in for a withheld title). The author is a nested profile, which a limited token
 * may not read: an anonymous reference, never a failure (space-api.md §12). `teams`/`locations` null means
 * the article is for everyone [I: the spec makes them nullable; the publish request takes them as targets].
 */
export function mapArticle(record: Reader, origin: string): Article {
  const hidden = new HiddenFields();
  const { id, name: title, idWithheld } = idAndName(record, hidden, { id: 'id', name: 'title' });
  hidden.checkWithin(record, 'created', 'createdAt');
  hidden.check(record, 'preview', 'preview');
  return hidden.apply<Article>({
    kind: 'article',
    id,
    title: title || id,
    webUrl: idWithheld ? new URL('/', origin).href : articleUrl(origin, id),
    author: optPersonRef(record, 'author', hidden, 'author'),
    createdAt: hidden.optional('createdAt', () => record.optTimestamp('created')),
    preview: hidden.optional('preview', () => record.optStr('preview')) ?? '',
    teams: targets(record, 'teams', hidden),
    locations: targets(record, 'locations', hidden),
  });
}

function targets(record: Reader, key: 'teams' | 'locations', hidden: HiddenFields): { id: string; name: string }[] {
  hidden.check(record, key, key);
  return record.looseObjects(key).flatMap((target) => {
    const ref = idNameRef(target, hidden, key);
    return ref ? [ref] : [];
  });
}
