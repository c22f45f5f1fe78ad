/**
 * The worker's single entry for one-shot requests: gate the sender, validate the message, dispatch to the
 * handler for its type, and turn the outcome into exactly one `Result`. The returned function never throws
 * and never rejects, so `runtime.onMessage` always answers once.
 *
 * A foreign sender or a malformed message gets `bad-request` before any handler runs: no storage write, no
 * fetch. Handler errors pass through `toAppError`, the one mapper.
 */
import type { Request, RequestType, ResponseMap, Result } from '../shared/protocol.ts';
import { BAD_REQUEST, toAppError } from './app-error.ts';
import { ownOriginOf, type Deps } from './platform.ts';
import { validateRequest } from './schema.ts';
import { isInternalSender, isPrivateSender } from './sender.ts';

/** What the router learned about the sender, for the handlers that care. */
export interface RequestContext {
  /** Sent from a tab of a private (incognito) window: nothing of it may reach the cache. */
  private: boolean;
}

export type Handler<T extends RequestType> = (
  request: Extract<Request, { type: T }>,
  deps: Deps,
  context: RequestContext,
) => Promise<ResponseMap[T]>;

export type Handlers = { [T in RequestType]: Handler<T> };

export type Router = (message: unknown, sender: unknown) => Promise<Result<ResponseMap[RequestType]>>;

export function createRouter(handlers: Handlers, deps: Deps): Router {
  return async (message, sender) => {
    try {
      const ownId = deps.platform.runtime.id;
      if (!isInternalSender(sender, ownId, ownOriginOf(deps.platform))) return badRequest();
      const request = validateRequest(message);
      if (!request || !Object.hasOwn(handlers, request.type)) return badRequest();
      const handler = handlers[request.type] as Handler<RequestType>;
      const value = await handler(request as never, deps, { private: isPrivateSender(sender) });
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toAppError(e) };
    }
  };
}

function badRequest(): Result<never> {
  return { ok: false, error: { ...BAD_REQUEST } };
}
