/**
 * The `spc` keyword (manifest.json `omnibox.keyword`) in the address bar: live suggestions (cache first, then
 * fresh) for people, projects and issue/review keys; Enter opens the chosen entity, or the popup page with the
 * typed query.
 *
 * Chrome parses suggestion descriptions as XML, so Space text is escaped there (and a title such as
 * `<match>` or `&` can't break or style the list); Firefox shows descriptions as plain text.
 */
import { kindSearch } from '../kinds/search-registry.ts';
import type { Entity, EntityKind } from '../shared/kinds.ts';
import { parseQuery, sanitizeQuery, type ParsedQuery } from '../shared/query.ts';
import { openConnection } from './active-connection.ts';
import { inPrivateWindow } from './private-window.ts';
import { directoryEntities } from './home/directory-entities.ts';
import { byUrl, findHeld } from './home/find.ts';
import { addRecent } from './home/recent-pinned.ts';
import type { HomeOwner } from './home/store.ts';
import { readConnection } from './connection-store.ts';
import { openPopupPage, openSpaceUrl, type Disposition } from './open-tab.ts';
import type { Deps, Platform } from './platform.ts';
import { searchKinds } from './search/engine.ts';
import { selectKinds } from './search/select-kinds.ts';

export const MAX_SUGGESTIONS = 6;
const MAX_DESCRIPTION_TEXT = 120;

export interface Suggestion {
  content: string;
  description: string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/**
 * The popup's query rules (`@`, keys, empty query), narrowed to the kinds the address bar suggests for text
 * (`omniboxText`: people and projects; the list is short and every keystroke counts). A key suggests its own kind.
 */
export function omniboxKinds(parsed: ParsedQuery): EntityKind[] {
  const kinds = selectKinds(parsed, 'all');
  return parsed.key ? kinds : kinds.filter((k) => kindSearch(k).omniboxText === true);
}

/** Its kind's omnibox line (the one unchecked step: an entity is always paired with its own kind's search). */
const omniboxLine = (entity: Entity): string =>
  (kindSearch(entity.kind).omniboxLine as (e: Entity) => string)(entity);

export function toSuggestion(entity: Entity, xml: boolean): Suggestion {
  const title = sanitizeQuery(entity.title, MAX_DESCRIPTION_TEXT);
  const detail = sanitizeQuery(omniboxLine(entity), MAX_DESCRIPTION_TEXT);
  const description = xml
    ? `${escapeXml(title)} <dim>${escapeXml(detail)}</dim>`
    : `${title} — ${detail}`;
  return { content: entity.webUrl, description };
}

export function setDefaultSuggestion(platform: Platform): void {
  const xml = platform.omnibox.descriptionsAreXml;
  // `%s` is replaced by the typed text by the browser itself.
  const text = platform.i18n.getMessage('bg_omniboxDefault');
  const description = xml ? escapeXml(text).replace('%s', '<match>%s</match>') : text;
  try {
    platform.omnibox.setDefaultSuggestion({ description });
  } catch {
    // Cosmetic only.
  }
}

// Only the latest input matters; an in-memory handle is enough (losing it just lets an old search finish).
let latest: AbortController | null = null;

export async function handleOmniboxInput(
  deps: Deps,
  query: string,
  suggest: (suggestions: Suggestion[]) => void,
): Promise<void> {
  latest?.abort();
  const controller = new AbortController();
  latest = controller;
  const parsed = parseQuery(query);
  const kinds = omniboxKinds(parsed);
  if (kinds.length === 0) return;

  let conn;
  try {
    // Typed in a private window: suggestions come from Space only, and nothing typed is cached.
    conn = await openConnection(deps, { private: await inPrivateWindow(deps.platform) });
  } catch {
    return; // Not configured / no access: the default suggestion still offers the search.
  }

  const xml = deps.platform.omnibox.descriptionsAreXml;
  const byKind = new Map<EntityKind, Entity[]>();
  let shown = '';
  const update = () => {
    if (controller.signal.aborted) return;
    const entities = kinds.flatMap((k) => byKind.get(k) ?? []);
    const suggestions = entities.slice(0, MAX_SUGGESTIONS).map((e) => toSuggestion(e, xml));
    const signature = JSON.stringify(suggestions);
    if (signature === shown) return;
    shown = signature;
    suggest(suggestions);
  };

  try {
    await searchKinds(deps, conn, parsed, kinds, controller.signal, (group) => {
      if (group.state !== 'ok') return;
      byKind.set(group.kind, group.items);
      update();
    }, { debounce: true }); // Every keystroke in the address bar is an input event: Space waits for a pause.
  } finally {
    if (latest === controller) latest = null;
  }
}

export async function handleOmniboxEnter(deps: Deps, text: string, disposition: Disposition): Promise<void> {
  const { platform } = deps;
  const { record } = await readConnection(platform);
  // A chosen suggestion's content is the entity URL; opened only if it is on the configured Space. The entity it
  // names goes to Recent (issue 14), as the worker cached it with the suggestions — not from a private window.
  if (record && await openSpaceUrl(platform, text.trim(), record.origin, disposition)) {
    await rememberOpened(deps, { key: record.id, private: await inPrivateWindow(platform) }, record.origin, text.trim());
    return;
  }
  // Our pages can't open in a private window ("spanning" mode): the query would go to a normal window's tab,
  // its history and its cache. A private window's free text opens nothing.
  if (await inPrivateWindow(platform)) return;
  await openPopupPage(platform, sanitizeQuery(text), disposition);
}

/** The entity an address-bar suggestion opened, to the front of Recent; never fails the navigation. */
async function rememberOpened(deps: Deps, owner: HomeOwner, origin: string, url: string): Promise<void> {
  try {
    const entity = await findHeld(deps.platform, owner, origin, byUrl(url), directoryEntities(deps));
    if (entity) await addRecent(deps.platform, owner, entity, deps.now());
  } catch {
    // Recent misses one item.
  }
}
