/**
 * API dispatch for `/api/http/...`, `/d/...` and `/oauth/...` (the OAuth authorization server, oauth.ts):
 *   fault (latency, status, drop, malformed) → route to a kind module's handler (unknown path: plain-text 404)
 *   → Bearer check → handler → `$fields` projection (restricted mode: nested profiles withheld) → contract check of
 *   the answer → JSON (or an oversized variant when that fault is on).
 */
import type { AvatarRedirect, Attachments } from './attachments.ts';
import { PROFILE_KIND, type Dataset } from './dataset.ts';
import { withUnreadableFirst, type FaultRegistry, type FaultSpec } from './faults.ts';
import { FieldsSyntaxError, parseFields, projectFields, type FieldSelection, type ProjectionOptions } from './fields.ts';
import { isRevokeSelfPath, type DemoOAuth } from './oauth.ts';
import type { RecordedRequest } from './request-log.ts';
import {
  sendBytes, sendChunkedJson, sendJsonText, sendSpaceError, sendText, type ResponseRecord,
} from './responses.ts';
import { NO_CONTENT, QueryParams, matchRoute, type RequestContext, type Route, type ServerSwitches } from './router.ts';
import type { TokenRegistry } from './tokens.ts';
import { clientGone, dropWithoutAnswer, type DemoRequest, type DemoResponse, type Sleeper } from './transport.ts';
import { ApiError } from './wire.ts';
import { checkResponseContract } from '../contract/check-response.ts';

/** What the control API can change while the server runs; read on every request. */
export interface ServerSettings extends ServerSwitches {
  latencyMs: number;
  avatarRedirect: AvatarRedirect;
}

export interface ApiState {
  dataset: Dataset;
  /** Every kind module's routes (kind-modules.ts). */
  routes: readonly Route[];
  faults: FaultRegistry;
  sleeper: Sleeper;
  tokens: TokenRegistry;
  oauth: DemoOAuth;
  attachments: Attachments;
  settings: ServerSettings;
}

const RESTRICTED_PROJECTION: ProjectionOptions = { inaccessibleWhenNested: new Set([PROFILE_KIND]) };

/** `segments`: the decoded path, starting with `api`, `d` or `oauth`. */
export async function handleApi(
  state: ApiState, req: DemoRequest, res: DemoResponse, url: URL, segments: readonly string[], record: RecordedRequest,
): Promise<void> {
  const isAttachment = segments[0] === 'd';
  const isOAuth = segments[0] === 'oauth';
  const apiSegments = isAttachment || isOAuth ? segments : segments.slice(2);
  const fault = state.faults.take(`/${apiSegments.join('/')}`);
  await state.sleeper.sleep(state.settings.latencyMs + (fault?.latencyMs ?? 0));
  if (clientGone(req, res)) return;

  if (fault?.drop) {
    dropWithoutAnswer(req);
    return;
  }
  if (fault?.status) return sendFaultStatus(res, record, fault);
  if (fault?.malformed) {
    // Cut off mid-string, as a proxy truncating a response would.
    return sendJsonText(res, record, 200, '{"next":"1","totalCount":1,"data":[{"id":"4TUpet38n3Ow","username":"joa');
  }

  const authenticate = () => state.tokens.authenticate(req);
  if (isAttachment) return state.attachments.serve(req, res, apiSegments, record, authenticate, state.settings.avatarRedirect);
  if (isOAuth) return state.oauth.handle(req, res, url, record);
  if (isRevokeSelfPath(apiSegments)) return state.oauth.revokeSelf(req, res, record, authenticate());

  const match = matchRoute(state.routes, req.method ?? 'GET', apiSegments);
  // [I] inference: an endpoint this server does not have answers 404 with a non-Space body (as a reverse
  // proxy or a framework default would), unlike an unknown entity, which gets `{"error":"not-found"}`.
  // Clients use the difference to tell "not supported by this server version" from "no such entity".
  if (match.kind === 'not-found') return sendText(res, record, 404, 'Not Found');
  if (match.kind === 'method-not-allowed') return sendText(res, record, 405, 'Method Not Allowed', { allow: match.allowed.join(', ') });
  // An endpoint switched off (e.g. withoutSourceSearch): the same bare 404 as any endpoint the server lacks.
  if (match.route.servedWhen && !match.route.servedWhen(state.settings)) return sendText(res, record, 404, 'Not Found');

  const auth = authenticate();
  if ('failure' in auth) return sendSpaceError(res, record, 401, 'authentication-required', auth.failure);

  let selection: FieldSelection | null = null;
  const fieldsParam = url.searchParams.get('$fields');
  try {
    if (fieldsParam !== null && fieldsParam.trim() !== '') selection = parseFields(fieldsParam);
  } catch (error) {
    if (error instanceof FieldsSyntaxError) {
      // [I] guessed: a malformed `$fields` is a 400 validation error.
      return sendSpaceError(res, record, 400, 'validation-error', `Invalid $fields: ${error.message}`);
    }
    throw error;
  }

  const ctx: RequestContext = {
    params: match.params,
    query: new QueryParams(url.searchParams),
    dataset: state.dataset,
    viewer: auth.viewer,
    now: Date.now(),
    restricted: state.settings.restricted,
    revokeCurrentToken: () => state.tokens.revoke(auth.token),
  };
  let result: unknown;
  try {
    result = match.route.handler(ctx);
  } catch (error) {
    if (error instanceof ApiError) return sendSpaceError(res, record, error.status, error.code, error.description);
    throw error;
  }
  // [I] guessed: Space answers a successful DELETE with 200 and an empty body.
  if (result === NO_CONTENT) return sendBytes(res, record, 200, new Uint8Array(0), null);

  const full = projectFields(result, selection, ctx.restricted ? RESTRICTED_PROJECTION : {});
  // The answer as the demo means it, before any fault spoils it on purpose.
  checkResponseContract(req.method ?? 'GET', url, full);
  const projected = fault?.unreadableFirst ? withUnreadableFirst(full) : full;
  const json = JSON.stringify(projected);
  if (fault?.oversizedBytes) return sendChunkedJson(res, record, padJson(projected, json, fault.oversizedBytes));
  return sendJsonText(res, record, 200, json);
}

/**
 * Space error body for an injected status. 502/503 get a Space-shaped body too, as the brief for tests asks;
 * a real proxy in front of Space would more likely send HTML.
 */
function sendFaultStatus(res: DemoResponse, record: ResponseRecord, fault: FaultSpec): void {
  const retryHeaders: Record<string, string> = fault.retryAfter && (fault.status === 429 || fault.status === 503)
    ? { 'retry-after': fault.retryAfter } : {};
  if (fault.otherShape && fault.status) {
    return sendJsonText(res, record, fault.status, JSON.stringify({ message: `Request failed with status ${fault.status}` }), retryHeaders);
  }
  switch (fault.status) {
    case 400: return sendSpaceError(res, record, 400, 'validation-error', 'Invalid request');
    case 401: return sendSpaceError(res, record, 401, 'authentication-required', 'Access token has expired');
    case 403: return sendSpaceError(res, record, 403, 'permission-denied',
      fault.permission ? `Permission denied: ${fault.permission}` : 'Permission denied');
    case 404: return sendSpaceError(res, record, 404, 'not-found', 'Not found');
    case 429: return sendSpaceError(res, record, 429, 'rate-limited', 'Too many requests', retryHeaders);
    case 500: return sendSpaceError(res, record, 500, 'internal-server-error', 'Internal server error');
    case 502: return sendSpaceError(res, record, 502, 'internal-server-error', 'Bad gateway');
    case 503: return sendSpaceError(res, record, 503, 'internal-server-error', 'Service unavailable', retryHeaders);
    default: return sendSpaceError(res, record, 500, 'internal-server-error', 'Internal server error');
  }
}

/**
 * The real answer, grown to at least `minBytes`: objects get a `$padding` string property (unknown fields are
 * ignored by clients, so only the size is wrong), arrays trailing whitespace (still valid JSON).
 */
function padJson(value: unknown, json: string, minBytes: number): string {
  const missing = minBytes - Buffer.byteLength(json, 'utf8');
  if (missing <= 0) return json;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return JSON.stringify({ ...(value as Record<string, unknown>), $padding: 'x'.repeat(missing) });
  }
  return json + ' '.repeat(missing);
}
