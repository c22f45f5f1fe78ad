/** The code kind's Space side: files whose text matches `query` in every repository the token can read (one request). */
import type { SpaceApi } from '../../space/api.ts';
import { batchOf } from '../../space/endpoint.ts';
import { SpaceError, isSpaceError } from '../../space/errors.ts';
import { pageQuery } from '../../space/paging.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { CodeMatch } from './entity.ts';
import { CODE_BATCH_FIELDS, mapCodeMatch } from './mapper.ts';

/**
 * In the 2024.3 spec, not in the 2024-11 SDK (space-api.md §12): Space 2024.3 has it, older servers don't, and
 * their bare 404 is `unsupported`, so the group can say "not available on this server".
 */
export async function searchCode(api: SpaceApi, query: string, page?: Page, call?: CallOptions): Promise<Batch<CodeMatch>> {
  try {
    return await api.get({
      op: 'searchCode', path: '/projects/source-search', fields: CODE_BATCH_FIELDS, query: { query, ...pageQuery(page) },
      on404: 'unsupported', map: batchOf(mapCodeMatch),
    }, call);
  } catch (e) {
    // A server without the endpoint may instead route `/projects/source-search` to `GET /projects/{project}`
    // and refuse `source-search` as a project identifier (400) or find no such project (Space's 404) [I: how
    // an older Space answers is unknown]. The search names no entity and sends only free text, so either
    // answer here means the endpoint is missing.
    if (isSpaceError(e) && (e.code === 'not-found' || e.code === 'invalid-request')) {
      throw new SpaceError('unsupported', { ...(e.host === undefined ? {} : { host: e.host }), op: 'searchCode', status: e.status ?? 404 });
    }
    throw e;
  }
}
