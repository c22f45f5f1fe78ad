/** The location kind's Space side: location search (one plain array, paged here) and one location's card. */
import type { SpaceApi } from '../../space/api.ts';
import { pathSegment } from '../../space/api-paths.ts';
import { one } from '../../space/endpoint.ts';
import { mapEach, pageOffset, pageSize } from '../../space/paging.ts';
import { readArrayElements } from '../../space/parse.ts';
import type { Batch, CallOptions, Page } from '../../space/types.ts';
import type { Location } from './entity.ts';
import { LOCATION_FIELDS, mapLocation } from './mapper.ts';

const LOCATIONS = '/team-directory/locations';
export const locationPath = (id: string) => `${LOCATIONS}/${pathSegment(id)}`;

/** Plain array on the wire (not a batch); filtered by `query`, paged here by offset, so callers see a Batch. */
export const searchLocations = async (api: SpaceApi, query: string, page?: Page, call?: CallOptions): Promise<Batch<Location>> => {
  // A plain array on the wire (space-api.md §3).
  const all = await api.get({
    op: 'searchLocations', path: LOCATIONS, fields: LOCATION_FIELDS, query: { query, withArchived: false }, on404: 'unsupported',
    map: (json, origin) => mapEach(readArrayElements(json), (l) => (l.optBool('archived', false) ? null : mapLocation(l, origin))),
  }, call);
  const live = all.items.filter((l) => l !== null);
  const skip = pageOffset(page?.skip);
  const end = skip + pageSize(page?.top);
  // Unreadable elements are counted once, with the first page: they have no place in the order.
  return {
    items: live.slice(skip, end), next: end < live.length ? String(end) : null, totalCount: live.length,
    unreadable: skip === 0 ? all.unreadable : 0,
  };
};

export const location = async (api: SpaceApi, id: string, call?: CallOptions): Promise<Location> => api.get({
  op: 'location', path: locationPath(id), fields: LOCATION_FIELDS, map: one(mapLocation),
}, call);
