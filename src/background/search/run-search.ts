/**
 * One search message from the lookup port, start to finish: open the stored connection, fan out to the
 * selected kinds, post each group as it arrives, then `done` (or one `fail`), and remember what was shown
 * as LastView so the popup can paint it in its first frame next time (not for a private window).
 *
 * `post` is only called while `signal` is live: a newer search (or a closed port) silences this one.
 */
import type { LastView } from '../../shared/last-view.ts';
import type { DoneMessage, LookupServerMessage, SearchMessage } from '../../shared/protocol.ts';
import type { Entity, EntityKind } from '../../shared/kinds.ts';
import { parseQuery } from '../../shared/query.ts';
import { openConnection, type ActiveConnection } from '../active-connection.ts';
import { toAppError } from '../app-error.ts';
import { writeLastView } from '../cache.ts';
import type { Deps } from '../platform.ts';
import { searchKinds } from './engine.ts';
import { missingKeyOf } from './missing-key.ts';
import { selectKinds } from './select-kinds.ts';

export async function runSearch(
  deps: Deps,
  message: SearchMessage,
  signal: AbortSignal,
  post: (message: LookupServerMessage) => void,
  opts: { private?: boolean } = {},
): Promise<void> {
  const { id } = message;
  const send = (m: LookupServerMessage) => {
    if (!signal.aborted) post(m);
  };

  try {
    const parsed = parseQuery(message.query);
    const kinds = selectKinds(parsed, message.filter);

    const conn = await openConnection(deps, { private: opts.private === true });
    if (signal.aborted) return;
    if (kinds.length === 0) {
      const done: DoneMessage = { type: 'done', id };
      if (parsed.impossibleKey) done.missing = await missingKeyOf(deps, conn, parsed.impossibleKey, signal);
      if (signal.aborted) return;
      send(done);
      await rememberView(deps, conn, message, {}, signal);
      return;
    }

    const result = await searchKinds(deps, conn, parsed, kinds, signal, (group) => {
      send({ type: 'group', id, ...group });
    }, { debounce: message.typing === true });
    if (signal.aborted) return;
    if (result.refusal) {
      send({ type: 'fail', id, error: result.refusal });
      return;
    }

    const groups: Partial<Record<EntityKind, Entity[]>> = {};
    for (const group of result.groups) {
      if (group.state === 'ok') groups[group.kind] = group.items;
    }
    const done: DoneMessage = { type: 'done', id };
    if (parsed.key) {
      const items = groups[parsed.key.kind];
      if (items?.length === 1) done.exact = items[0]!;
      // Its kind answered, with nothing: say what does not exist (the item, or its project).
      else if (items?.length === 0) done.missing = await missingKeyOf(deps, conn, parsed.key, signal);
      if (signal.aborted) return;
    }
    send(done);
    await rememberView(deps, conn, message, groups, signal);
  } catch (e) {
    send({ type: 'fail', id, error: toAppError(e) });
  }
}

async function rememberView(
  deps: Deps,
  conn: ActiveConnection,
  message: SearchMessage,
  groups: LastView['groups'],
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return;
  const view: LastView = { connection: conn.key, query: message.query, filter: message.filter, groups, at: deps.now() };
  try {
    // Skipped for a private window, and when the connection was forgotten or replaced meanwhile.
    await writeLastView(deps.platform, conn, view);
  } catch {
    // Only the next first paint is affected.
  }
}
