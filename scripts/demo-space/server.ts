/**
 * The demo Space server: JetBrains Space's HTTP API for a fictional organization, over real HTTP on loopback,
 * so the extension can be tried, tested and benchmarked without a Space organization.
 *
 * Transports (transport.ts): HTTP/1.1 on plain http (default), or with `tls: true` HTTPS with HTTP/2 (HTTP/1.1 over
 * TLS for clients that do not offer h2), as real Space deployments are reached behind their TLS proxy. Both feed
 * the same request pipeline.
 *
 * Request pipeline for `/api/http/...`, `/d/...` and `/oauth/...` (the OAuth authorization server, oauth.ts):
 *   record → fault (latency, status, drop, malformed) → route (unknown path: plain-text 404) → Bearer check
 *   → handler → `$fields` projection (restricted mode: nested profiles withheld) → JSON (or an oversized
 *   variant when that fault is on).
 */
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { identiconPng } from './avatar-png.ts';
import { handleControlRequest, type DemoControls, type RecordedRequest } from './control.ts';
import { PROFILE_KIND, buildDataset, type Dataset } from './dataset.ts';
import { FaultRegistry, withUnreadableFirst, type FaultSpec } from './faults.ts';
import { FieldsSyntaxError, parseFields, projectFields, type FieldSelection, type ProjectionOptions } from './fields.ts';
import { teamDirectoryRoutes } from './handlers-team-directory.ts';
import { blogRoutes, chatRoutes } from './handlers-chats-blog.ts';
import { projectRoutes } from './handlers-projects.ts';
import { sourceSearchRoute } from './handlers-source-search.ts';
import { NO_CONTENT, QueryParams, matchRoute, type RequestContext, type Route } from './router.ts';
import { DemoOAuth, isRevokeSelfPath, type DemoOAuthApp, type RedirectUriRule } from './oauth.ts';
import {
  sendBytes, sendChunkedJson, sendJsonText, sendSpaceError, sendText, type ResponseRecord,
} from './responses.ts';
import type { MemberProfile } from './space-types.ts';
import {
  clientGone, connectionOf, demoTlsCredentials, dropWithoutAnswer, wireProtocol, type DemoRequest, type DemoResponse,
} from './transport.ts';
import { ApiError } from './wire.ts';
import { contractChecker } from '../contract/spec.ts';
import { recordContractResult } from '../contract/log.ts';

export type { FaultSpec } from './faults.ts';
export type { RecordedRequest } from './control.ts';
export { DEMO_CLIENT_ID, type DemoOAuthApp, type RedirectUriRule } from './oauth.ts';
export { demoTlsCredentials, type DemoTlsCredentials, type WireProtocol } from './transport.ts';

/**
 * The demo organization's personal token. Shaped like the JWT-style tokens Space issues ([I]); it decodes to
 * `{"alg":"RS512"}.{"sub":"alex.demo","demo":true}.demo-space-lookup-not-a-secret` and guards nothing real.
 */
export const DEMO_TOKEN = 'eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiJhbGV4LmRlbW8iLCJkZW1vIjp0cnVlfQ.ZGVtby1zcGFjZS1sb29rdXAtbm90LWEtc2VjcmV0';

export interface DemoServer {
  /** `http://127.0.0.1:PORT`, or `https://127.0.0.1:PORT` with `tls`. */
  url: string;
  /**
   * With `tls`: the demo certificate (PEM), self-signed for localhost / 127.0.0.1 / ::1. A client trusts it for
   * its own connections by passing it as `ca`; nothing else should ever trust it (tls/README.md). Else null.
   */
  certificate: string | null;
  port: number;
  /** DEMO_TOKEN, or the token given to startDemoServer. */
  token: string;
  /** Every API, attachment and `/oauth/…` request, in arrival order (cleared by clearRequests). */
  requests: RecordedRequest[];
  clearRequests(): void;
  /** `pathPrefix` is relative to /api/http (e.g. '/team-directory/profiles'), '/d' for avatars, '*' for all. */
  setFault(pathPrefix: string, fault: FaultSpec): void;
  clearFaults(): void;
  /** Extra valid tokens; the owner defaults to the demo user. */
  addToken(token: string, username?: string): void;
  /** Latency added to every API request (also settable with the `latencyMs` option). */
  setLatency(ms: number): void;
  /** Turns restricted mode on or off for the following requests (see DemoServerOptions.restricted). */
  setRestricted(on: boolean): void;
  /** Serves `GET /projects/source-search` (true) or answers it like a server without it (see withoutSourceSearch). */
  setSourceSearch(on: boolean): void;
  /** How `/d/{id}` answers from now on (see DemoServerOptions.avatarRedirect). */
  setAvatarRedirect(mode: AvatarRedirect): void;
  /** The organization this server serves (read it, do not change it). */
  dataset: Dataset;
  /** Client ID of the registered demo OAuth application (oauth.ts, DEMO_CLIENT_ID). */
  oauthClientId: string;
  /** Revokes one refresh token (by value) or all; their access tokens stop working too. Returns how many. */
  revokeRefreshTokens(refreshToken?: string): number;
  /** Lifetime in seconds of OAuth access tokens issued from now on (0: born expired). */
  setAccessTokenTtl(seconds: number): void;
  /** OAuth returning users (oauth.ts `setReturningUser`): one refresh token per client + user, remembered consent. */
  setOAuthReturningUser(on: boolean): void;
  /** Every OAuth access and refresh token issued so far (for leak checks). */
  issuedOAuthTokens(): { accessTokens: string[]; refreshTokens: string[] };
  close(): Promise<void>;
}

export interface DemoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  token?: string;
  latencyMs?: number;
  /** Adds people, a project, issues and a review full of hostile strings (XSS/bidi/5 kB titles). */
  hostile?: boolean;
  /** Serve HTTPS with HTTP/2 (and HTTP/1.1 over TLS for clients without h2) using the demo certificate. */
  tls?: boolean;
  /**
   * Answer like Space does to a token that may see profiles but not other people's details: every profile
   * nested in another object (an issue's assignee and creator, a review's author, a team's members…) comes back
   * as `{id, $errors: [HA_InlineError.InaccessibleFields]}`, top-level profiles (people search, profile by
   * identifier, me) stay whole, and `GET /absences` answers 403 naming `Profile.Absences.View`.
   */
  restricted?: boolean;
  /**
   * Answer `GET /projects/source-search` with a bare 404, as a Space older than 2024.3 does (the endpoint is in
   * the 2024.3 spec, not in the 2024-11 SDK; space-api.md §12), so the client's "not available on this server"
   * path can be seen. `setSourceSearch` switches it per test.
   */
  withoutSourceSearch?: boolean;
  /**
   * How `/d/{id}` serves an avatar: 'off' (default) the picture itself; 'same-origin' a 302 to `/d/{id}/image` on
   * this server, which serves it (Bearer required there too); 'other-origin' a 302 to the same path under another
   * origin of this server (`localhost` for `127.0.0.1` and back), which a client must never follow. Whether and
   * where Space redirects attachments is [U] (issue 15, item 6).
   */
  avatarRedirect?: AvatarRedirect;
  /** Lifetime of OAuth access tokens in seconds (default 600). */
  accessTokenTtlSec?: number;
  /**
   * Redirect URIs registered for the demo OAuth application: exact strings, or RegExps matching the whole URI.
   * Default: any Chrome (`https://<32 letters a-p>.chromiumapp.org/`) or Firefox (`https://<40 hex>.extensions.allizom.org/`) one.
   */
  oauthRedirectUris?: readonly RedirectUriRule[];
  /** More registered OAuth applications (e.g. one that does not allow public clients). */
  oauthApps?: readonly DemoOAuthApp[];
}

export const AVATAR_REDIRECTS = ['off', 'same-origin', 'other-origin'] as const;
export type AvatarRedirect = (typeof AVATAR_REDIRECTS)[number];

const API_PREFIX = '/api/http';
const RESTRICTED_PROJECTION: ProjectionOptions = { inaccessibleWhenNested: new Set([PROFILE_KIND]) };
// Source search before the project routes: `/projects/{project}` would take `source-search` for a project identifier.
const ROUTES: readonly Route[] = [...teamDirectoryRoutes, ...chatRoutes, ...blogRoutes, sourceSearchRoute, ...projectRoutes];

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const dataset = buildDataset({ hostile: opts.hostile === true });
  const primaryToken = opts.token ?? DEMO_TOKEN;
  /** token → owner's user name (lower case). */
  const tokens = new Map<string, string>([[primaryToken, dataset.demoUser.username.toLowerCase()]]);
  const revoked = new Set<string>();
  const faults = new FaultRegistry();
  const pendingTimers = new Set<NodeJS.Timeout>();
  let latencyMs = opts.latencyMs ?? 0;
  let restricted = opts.restricted === true;
  let sourceSearch = opts.withoutSourceSearch !== true;
  let avatarRedirect: AvatarRedirect = opts.avatarRedirect ?? 'off';
  const oauth = new DemoOAuth({
    user: { username: dataset.demoUser.username, displayName: `${dataset.demoUser.name.firstName} ${dataset.demoUser.name.lastName}` },
    organizationName: dataset.organizationName,
    ...(opts.accessTokenTtlSec !== undefined ? { accessTokenTtlSec: opts.accessTokenTtlSec } : {}),
    ...(opts.oauthRedirectUris !== undefined ? { redirectUris: opts.oauthRedirectUris } : {}),
    ...(opts.oauthApps !== undefined ? { extraApps: opts.oauthApps } : {}),
  });

  const requests: RecordedRequest[] = [];

  const addToken = (token: string, username?: string): void => {
    const owner = (username ?? dataset.demoUser.username).toLowerCase();
    if (!dataset.profileByUsername.has(owner)) throw new TypeError(`no profile with user name '${username}'`);
    if (token.trim() === '') throw new TypeError('token must not be empty');
    tokens.set(token, owner);
    revoked.delete(token);
  };

  const setLatency = (ms: number): void => {
    if (!Number.isFinite(ms) || ms < 0) throw new TypeError('latency must be a non-negative number');
    latencyMs = ms;
  };

  const sleep = (ms: number): Promise<void> => new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      resolve();
    }, ms);
    pendingTimers.add(timer);
  });

  const controls: DemoControls = {
    setFault: (prefix, fault) => faults.set(prefix, fault),
    clearFaults: () => faults.clear(),
    requests: () => requests,
    // Emptied in place: callers holding `server.requests` keep seeing the live log.
    clearRequests: () => { requests.length = 0; },
    setLatency,
    addToken,
    setRestricted: (on) => { restricted = on; },
    setSourceSearch: (on) => { sourceSearch = on; },
    setAvatarRedirect: (mode) => { avatarRedirect = mode; },
    revokeRefreshTokens: (refreshToken) => oauth.revokeRefreshTokens(refreshToken),
    setAccessTokenTtl: (seconds) => oauth.setAccessTokenTtl(seconds),
    setOAuthReturningUser: (on) => oauth.setReturningUser(on),
    info: () => ({
      organization: dataset.organizationName,
      oauthClientId: oauth.clientId,
      demoUser: { id: dataset.demoUser.id, username: dataset.demoUser.username },
      hostile: dataset.hostile,
      restricted,
      sourceSearch,
      counts: {
        profiles: dataset.profiles.filter((p) => !p.archived).length, teams: dataset.teams.length, locations: dataset.locations.length,
        projects: dataset.projects.length, issues: dataset.issues.length, reviews: dataset.reviews.length,
        channels: dataset.channels.length, articles: dataset.articles.length, sourceFiles: dataset.sourceFiles.length,
      },
    }),
  };

  /** Owner of a valid token, or the reason it is not valid. Descriptions are invented ([U] in space-api.md §5). */
  const authenticate = (req: DemoRequest): { viewer: MemberProfile; token: string } | { failure: string } => {
    const header = req.headers.authorization;
    if (!header) return { failure: 'Authentication required' };
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return { failure: 'Unsupported authorization scheme; use a Bearer token' };
    const token = match[1] as string;
    if (revoked.has(token)) return { failure: 'Access token has been revoked' };
    const issued = oauth.authenticate(token);
    if (issued && 'failure' in issued) return issued;
    const owner = issued?.username ?? tokens.get(token);
    const viewer = owner ? dataset.profileByUsername.get(owner) : undefined;
    if (!viewer) return { failure: 'Invalid access token' };
    return { viewer, token };
  };

  const handleApi = async (req: DemoRequest, res: DemoResponse, url: URL, segments: string[], record: RecordedRequest): Promise<void> => {
    const isAttachment = segments[0] === 'd';
    const isOAuth = segments[0] === 'oauth';
    const apiSegments = isAttachment || isOAuth ? segments : segments.slice(2);
    const faultPath = `/${apiSegments.join('/')}`;
    const fault = faults.take(faultPath);
    await sleep(latencyMs + (fault?.latencyMs ?? 0));
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

    if (isAttachment) return serveAttachment(req, res, apiSegments, record);
    if (isOAuth) return oauth.handle(req, res, url, record);
    if (isRevokeSelfPath(apiSegments)) return oauth.revokeSelf(req, res, record, authenticate(req));

    const match = matchRoute(ROUTES, req.method ?? 'GET', apiSegments);
    // [I] inference: an endpoint this server does not have answers 404 with a non-Space body (as a reverse
    // proxy or a framework default would), unlike an unknown entity, which gets `{"error":"not-found"}`.
    // Clients use the difference to tell "not supported by this server version" from "no such entity".
    if (match.kind === 'not-found') return sendText(res, record, 404, 'Not Found');
    if (match.kind === 'method-not-allowed') return sendText(res, record, 405, 'Method Not Allowed', { allow: match.allowed.join(', ') });
    // A server without source search (withoutSourceSearch): the same bare 404 as any endpoint it lacks.
    if (match.route === sourceSearchRoute && !sourceSearch) return sendText(res, record, 404, 'Not Found');

    const auth = authenticate(req);
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
      dataset,
      viewer: auth.viewer,
      now: Date.now(),
      restricted,
      revokeCurrentToken: () => { revoked.add(auth.token); },
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
    const projected = fault?.unreadableFirst ? withUnreadableFirst(full) : full;
    const json = JSON.stringify(projected);
    if (fault?.oversizedBytes) return sendChunkedJson(res, record, padJson(projected, json, fault.oversizedBytes));
    return sendJsonText(res, record, 200, json);
  };

  /** `/d/{id}`: the avatar PNG. Bearer required ([U] whether Space accepts it; the demo insists on it). */
  const serveAttachment = (req: DemoRequest, res: DemoResponse, segments: string[], record: RecordedRequest): void => {
    if (req.method !== 'GET') return sendText(res, record, 405, 'Method Not Allowed', { allow: 'GET' });
    // `/d/{id}`, and `/d/{id}/image` where a redirecting server sends it (avatarRedirect).
    const redirected = segments.length === 3 && segments[2] === 'image';
    if (segments.length !== 2 && !redirected) return sendText(res, record, 404, 'Not Found');
    const auth = authenticate(req);
    if ('failure' in auth) return sendSpaceError(res, record, 401, 'authentication-required', auth.failure);
    const spec = dataset.avatars.get(segments[1] as string);
    if (!spec) return sendSpaceError(res, record, 404, 'not-found', 'Attachment not found');
    if (!redirected && avatarRedirect !== 'off') {
      const target = `/d/${encodeURIComponent(segments[1] as string)}/image`;
      const location = avatarRedirect === 'same-origin' ? target : `${otherOrigin(req)}${target}`;
      record.status = 302;
      res.writeHead(302, { location, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    return sendBytes(res, record, 200, avatarBytes(segments[1] as string, spec.seed, spec.sizePx), 'image/png', {
      'cache-control': 'private, max-age=86400',
    });
  };

  const avatarCache = new Map<string, Buffer>();
  const avatarBytes = (id: string, seed: string, sizePx: number): Buffer => {
    let bytes = avatarCache.get(id);
    if (!bytes) {
      bytes = identiconPng(seed, sizePx);
      avatarCache.set(id, bytes);
    }
    return bytes;
  };

  const onRequest = (req: DemoRequest, res: DemoResponse): void => {
    handleRequest(req, res).catch((error: unknown) => {
      // A bug in the demo server itself: answer like Space's 500 instead of hanging the client.
      console.error('[demo-space] internal error:', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendSpaceError(res, { status: 0, bytesSent: 0 }, 500, 'internal-server-error', 'Internal server error');
      else dropWithoutAnswer(req);
    });
  };
  const tls = opts.tls === true ? demoTlsCredentials() : null;
  const server = tls ? createSecureServer({ allowHTTP1: true, key: tls.key, cert: tls.cert }, onRequest) : createServer(onRequest);
  // Every connection, so close() can end them (http2 servers have no closeAllConnections; sessions keep them open).
  const sockets = new Set<{ destroy(): void }>();
  server.on(tls ? 'secureConnection' : 'connection', (socket: { destroy(): void; once(e: 'close', f: () => void): void }) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  /** Connection numbers for the request log, in order of each connection's first request. */
  const connectionNumbers = new WeakMap<object, number>();
  let connectionCount = 0;
  const connectionNumber = (req: DemoRequest): number => {
    const key = connectionOf(req);
    let n = connectionNumbers.get(key);
    if (n === undefined) {
      n = ++connectionCount;
      connectionNumbers.set(key, n);
    }
    return n;
  };

  const handleRequest = async (req: DemoRequest, res: DemoResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://demo.invalid');
    let segments: string[];
    try {
      segments = url.pathname.split('/').slice(1).map((s) => decodeURIComponent(s));
    } catch {
      return sendText(res, { status: 0, bytesSent: 0 }, 400, 'Bad Request');
    }
    const decodedPath = `/${segments.join('/')}`;

    if (segments[0] === '__demo') return handleControlRequest(req, res, decodedPath, controls);

    // Preflights get an answer without any Access-Control-* header, so browsers refuse cross-origin calls.
    // [U] Space's CORS policy; [I] this is what "no CORS" looks like.
    if (req.method === 'OPTIONS') return sendBytes(res, { status: 0, bytesSent: 0 }, 204, new Uint8Array(0), null);

    const isApi = decodedPath === API_PREFIX || decodedPath.startsWith(`${API_PREFIX}/`);
    const isAttachment = segments[0] === 'd' && segments.length >= 2;
    // `/oauth/…`: the authorization server (oauth.ts); recorded, and subject to faults and latency like the API.
    const isOAuth = segments[0] === 'oauth';
    if (!isApi && !isAttachment && !isOAuth) return serveWebUiPlaceholder(req, res);

    const record: RecordedRequest = {
      method: req.method ?? 'GET', path: decodedPath, query: new QueryParams(url.searchParams).toRecord(),
      authorization: req.headers.authorization ?? null, at: Date.now(), answeredAt: 0, bytesSent: 0, status: 0,
      protocol: wireProtocol(req), connection: connectionNumber(req),
    };
    requests.push(record);
    if (isApi) checkContract(req.method ?? 'GET', url);
    await handleApi(req, res, url, segments, record);
    if (record.status !== 0) record.answeredAt = Date.now();
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `${tls ? 'https' : 'http'}://${host}:${address.port}`,
    certificate: tls?.cert ?? null,
    port: address.port,
    token: primaryToken,
    requests,
    clearRequests: controls.clearRequests,
    setFault: controls.setFault,
    clearFaults: controls.clearFaults,
    addToken,
    setLatency,
    setRestricted: controls.setRestricted,
    setSourceSearch: controls.setSourceSearch,
    setAvatarRedirect: controls.setAvatarRedirect,
    dataset,
    oauthClientId: oauth.clientId,
    revokeRefreshTokens: controls.revokeRefreshTokens,
    setAccessTokenTtl: controls.setAccessTokenTtl,
    setOAuthReturningUser: controls.setOAuthReturningUser,
    issuedOAuthTokens: () => oauth.issuedTokens(),
    close: () => new Promise<void>((resolve) => {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    }),
  };
}

/**
 * Every API request is checked against Space's published API (scripts/contract/), whatever the demo then
 * answers: the demo was written from the same guesses as the client, the spec was not. Results go to the
 * process-wide contract log, where the test setup turns a violation into a failed test.
 */
function checkContract(method: string, url: URL): void {
  const apiPath = url.pathname.slice(API_PREFIX.length) || '/';
  const result = contractChecker().check(method, apiPath, url.searchParams);
  recordContractResult(result, `${method} ${url.pathname}${url.search}`);
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

/**
 * Everything outside the API is Space's web UI (`/m/alex.demo`, `/p/abc/issues/3`…). The demo has none; it
 * answers with a short plain-text note so "open in Space" links from the extension land somewhere.
 */
function serveWebUiPlaceholder(req: DemoRequest, res: DemoResponse): void {
  const record: ResponseRecord = { status: 0, bytesSent: 0 };
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, record, 405, 'Method Not Allowed', { allow: 'GET' });
  sendText(res, record, 200, 'Northwind Orbital: demo JetBrains Space server for Space Lookup.\n'
    + 'The Space web UI is not part of the demo; the HTTP API lives under /api/http.\n');
}

/** This server under another origin: `localhost` for `127.0.0.1` (and any other host), `127.0.0.1` for `localhost`. */
function otherOrigin(req: DemoRequest): string {
  const host = req.headers.host ?? '127.0.0.1';
  const port = /:(\d+)$/.exec(host)?.[1];
  const name = host.startsWith('localhost') ? '127.0.0.1' : 'localhost';
  const scheme = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  return `${scheme}://${name}${port ? `:${port}` : ''}`;
}
