/**
 * The project kind's Space side: project search and lookup, and what the search scope of issues and reviews
 * reads (the user's own and starred projects, and whether a project exists).
 */
import type { SpaceApi } from '../../space/api.ts';
import { pathIdent } from '../../space/api-paths.ts';
import { batchOf, one } from '../../space/endpoint.ts';
import { SpaceError, isSpaceError } from '../../space/errors.ts';
import { pageQuery } from '../../space/paging.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { Project } from './entity.ts';
import { PROJECT_BATCH_FIELDS, PROJECT_FIELDS, mapProject } from './mapper.ts';

/** `/projects/key:{key}`: also the start of the paths of what lives in a project (issues, reviews, repositories). */
export const projectPath = (key: string) => `/projects/${pathIdent('key', key)}`;

export const searchProjects = async (
  api: SpaceApi, query: string, page?: Page & { starred?: boolean }, call?: CallOptions,
): Promise<Batch<Project>> => api.get({
  op: 'searchProjects', path: '/projects', fields: PROJECT_BATCH_FIELDS,
  query: { term: query, ...(page?.starred === undefined ? {} : { starred: page.starred }), ...pageQuery(page) },
  on404: 'unsupported', map: batchOf(mapProject),
}, call);

/** Projects the current user is a member of (for default issue/review search scope); `me` is a valid profile identifier. */
export const myProjects = async (api: SpaceApi, page?: Page, call?: CallOptions): Promise<Batch<Project>> => api.get({
  op: 'myProjects', path: '/projects/member:me', fields: PROJECT_BATCH_FIELDS, query: pageQuery(page),
  on404: 'unsupported', map: batchOf(mapProject),
}, call);

export const project = async (api: SpaceApi, key: string, call?: CallOptions): Promise<Project> => api.get({
  op: 'project', path: projectPath(key), fields: PROJECT_FIELDS, subject: key, onInvalid: 'not-found', map: one(mapProject),
}, call);

/**
 * A search inside one project (issues, reviews), whose path names the project: its 404 means either that project
 * is gone or — on a server without the endpoint — the endpoint. Space's `not-found` body already says which
 * (http.ts). A 404 of any other shape is told apart by asking for the project itself: there, the endpoint is what
 * is missing ('unsupported', "not available on this server"); gone, or when that lookup can't tell (403, 5xx,
 * network), the project is gone ('not-found': multi-project searches skip it, a key reads "No project ABC").
 * [U] A public Space client notes that an unknown project's 404 "uses a different shape"; which shape is unknown.
 * [I] Both endpoints are in every Space the client knows (2024-11 SDK, 2024.3 spec), so "project gone" is the
 * expected outcome; the extra request is made only after such a 404.
 */
export async function inProject<T>(
  api: SpaceApi, projectKey: string, op: string, call: CallOptions | undefined, search: () => Promise<T>,
): Promise<T> {
  try {
    return await search();
  } catch (e) {
    if (!isSpaceError(e) || e.code !== 'unsupported' || e.status !== 404) throw e;
    let exists = false;
    try {
      await api.get({
        op: 'project', path: projectPath(projectKey), fields: 'id', subject: projectKey, onInvalid: 'not-found', map: () => undefined,
      }, call);
      exists = true;
    } catch (probe) {
      // Cancellation and a rejected token are about the whole call, not the project.
      if (isSpaceError(probe) && (probe.code === 'cancelled' || probe.code === 'unauthorized')) throw probe;
    }
    if (exists) throw e;
    throw new SpaceError('not-found', { ...(e.host === undefined ? {} : { host: e.host }), op, subject: projectKey, status: 404 });
  }
}
