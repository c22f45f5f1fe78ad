/**
 * The demo Space server: JetBrains Space's HTTP API for a fictional organization, over real HTTP on loopback,
 * so the extension can be tried, tested and benchmarked without a Space organization. This file wires the parts:
 *
 *   transport.ts      HTTP/1.1 on plain http (default), or with `tls: true` HTTPS with HTTP/2 (HTTP/1.1 over TLS for
 *                     clients that do not offer h2), as real Space deployments are reached behind their TLS proxy
 *   request-log.ts    every API, attachment and OAuth request, as it arrives and as it is answered
 *   control.ts        `/__demo/…`, the control API for out-of-process callers
 *   api.ts            API dispatch: faults, routing to the kind modules, Bearer check, `$fields`, the contract checks
 *   kinds/<kind>.ts   one module per entity kind: its data and its endpoints (found by kind-modules.ts)
 *   oauth.ts          the OAuth authorization server (`/oauth/…`); tokens.ts: who a Bearer token belongs to
 *   attachments.ts    `/d/{id}` avatars
 *
 * Every API request is checked against Space's published API (scripts/contract/), and so is every JSON answer:
 * the demo was written from the same guesses as the client, the spec was not. Results go to the process-wide
 * contract log, where the test setup turns a violation into a failed test.
 */
import { Attachments, type AvatarRedirect } from './attachments.ts';
import { handleControlRequest, type DemoControls } from './control.ts';
import { buildDataset, type Dataset } from './dataset.ts';
import { deletePerson, renamePerson } from './directory-changes.ts';
import { FaultRegistry, type FaultSpec } from './faults.ts';
import { handleApi, type ApiState, type ServerSettings } from './api.ts';
import { loadKindModules } from './kind-modules.ts';
import { DemoOAuth, type DemoOAuthApp, type RedirectUriRule } from './oauth.ts';
import { RequestLog, type RecordedRequest } from './request-log.ts';
import { sendBytes, sendSpaceError, sendText, type ResponseRecord } from './responses.ts';
import { QueryParams } from './router.ts';
import { TokenRegistry } from './tokens.ts';
import { Sleeper, dropWithoutAnswer, listen, type DemoRequest, type DemoResponse } from './transport.ts';
import { contractChecker } from '../contract/spec.ts';
import { recordContractResult } from '../contract/log.ts';

export type { FaultSpec } from './faults.ts';
export type { RecordedRequest } from './request-log.ts';
export { AVATAR_REDIRECTS, type AvatarRedirect } from './attachments.ts';
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
  /**
   * Rebuilds the organization at the everyday size or the large one (data-large.ts), as the `large` option does at
   * start; tokens, faults and settings are kept. `dataset` is the new one afterwards.
   */
  setLargeOrganization(on: boolean): void;
  /** Renames a person (directory-changes.ts); throws for an unknown user name. */
  renamePerson(username: string, name: { firstName: string; lastName: string }): void;
  /** Deletes a person from the directory (directory-changes.ts); throws for an unknown user name or the demo user. */
  deletePerson(username: string): void;
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
  /**
   * The large organization (data-large.ts): 10,000 people, 500 teams, 300 projects, 1,000 repositories, 2,000 chat
   * channels, on top of the everyday one (whose items stay as they are). `setLargeOrganization` switches it later.
   */
  large?: boolean;
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

const API_PREFIX = '/api/http';

export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const kinds = await loadKindModules();
  const build = (large: boolean): Dataset => buildDataset(kinds, { hostile: opts.hostile === true, large });
  const dataset = build(opts.large === true);
  const primaryToken = opts.token ?? DEMO_TOKEN;
  const oauth = new DemoOAuth({
    user: { username: dataset.demoUser.username, displayName: `${dataset.demoUser.name.firstName} ${dataset.demoUser.name.lastName}` },
    organizationName: dataset.organizationName,
    ...(opts.accessTokenTtlSec !== undefined ? { accessTokenTtlSec: opts.accessTokenTtlSec } : {}),
    ...(opts.oauthRedirectUris !== undefined ? { redirectUris: opts.oauthRedirectUris } : {}),
    ...(opts.oauthApps !== undefined ? { extraApps: opts.oauthApps } : {}),
  });
  const settings: ServerSettings = {
    latencyMs: 0,
    restricted: opts.restricted === true,
    sourceSearch: opts.withoutSourceSearch !== true,
    avatarRedirect: opts.avatarRedirect ?? 'off',
  };
  const state: ApiState = {
    dataset,
    routes: kinds.flatMap((k) => k.routes),
    faults: new FaultRegistry(),
    sleeper: new Sleeper(),
    tokens: new TokenRegistry(dataset, oauth, primaryToken),
    oauth,
    attachments: new Attachments(dataset),
    settings,
  };
  const log = new RequestLog();

  const setLatency = (ms: number): void => {
    if (!Number.isFinite(ms) || ms < 0) throw new TypeError('latency must be a non-negative number');
    settings.latencyMs = ms;
  };
  setLatency(opts.latencyMs ?? 0);

  const controls: DemoControls = {
    setFault: (prefix, fault) => state.faults.set(prefix, fault),
    clearFaults: () => state.faults.clear(),
    requests: () => log.entries,
    clearRequests: () => log.clear(),
    setLatency,
    addToken: (token, username) => state.tokens.add(token, username),
    setLargeOrganization: (on) => {
      const next = build(on);
      state.dataset = next;
      state.tokens.dataset = next;
      state.attachments = new Attachments(next);
    },
    renamePerson: (username, name) => renamePerson(state.dataset, username, name),
    deletePerson: (username) => deletePerson(state.dataset, username),
    setRestricted: (on) => { settings.restricted = on; },
    setSourceSearch: (on) => { settings.sourceSearch = on; },
    setAvatarRedirect: (mode) => { settings.avatarRedirect = mode; },
    revokeRefreshTokens: (refreshToken) => oauth.revokeRefreshTokens(refreshToken),
    setAccessTokenTtl: (seconds) => oauth.setAccessTokenTtl(seconds),
    setOAuthReturningUser: (on) => oauth.setReturningUser(on),
    info: () => ({
      organization: state.dataset.organizationName,
      oauthClientId: oauth.clientId,
      demoUser: { id: state.dataset.demoUser.id, username: state.dataset.demoUser.username },
      hostile: state.dataset.hostile,
      large: state.dataset.large,
      restricted: settings.restricted,
      sourceSearch: settings.sourceSearch,
      counts: Object.assign({}, ...kinds.map((k) => k.counts?.(state.dataset) ?? {})) as Record<string, number>,
    }),
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

    const record = log.record(req, decodedPath, new QueryParams(url.searchParams));
    if (isApi) checkRequestContract(req.method ?? 'GET', url);
    await handleApi(state, req, res, url, segments, record);
    if (record.status !== 0) record.answeredAt = Date.now();
  };

  const listening = await listen({ port: opts.port, host: opts.host, tls: opts.tls === true }, (req, res) => {
    handleRequest(req, res).catch((error: unknown) => {
      // A bug in the demo server itself: answer like Space's 500 instead of hanging the client.
      console.error('[demo-space] internal error:', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendSpaceError(res, { status: 0, bytesSent: 0 }, 500, 'internal-server-error', 'Internal server error');
      else dropWithoutAnswer(req);
    });
  });

  return {
    url: listening.url,
    certificate: listening.certificate,
    port: listening.port,
    token: primaryToken,
    requests: log.entries,
    clearRequests: controls.clearRequests,
    setFault: controls.setFault,
    clearFaults: controls.clearFaults,
    addToken: controls.addToken,
    setLatency,
    setRestricted: controls.setRestricted,
    setSourceSearch: controls.setSourceSearch,
    setAvatarRedirect: controls.setAvatarRedirect,
    get dataset() {
      return state.dataset;
    },
    setLargeOrganization: controls.setLargeOrganization,
    renamePerson: controls.renamePerson,
    deletePerson: controls.deletePerson,
    oauthClientId: oauth.clientId,
    revokeRefreshTokens: controls.revokeRefreshTokens,
    setAccessTokenTtl: controls.setAccessTokenTtl,
    setOAuthReturningUser: controls.setOAuthReturningUser,
    issuedOAuthTokens: () => oauth.issuedTokens(),
    close: () => {
      state.sleeper.cancelAll();
      return listening.close();
    },
  };
}

/** The request, checked against Space's published API whatever the demo then answers (scripts/contract/). */
function checkRequestContract(method: string, url: URL): void {
  const apiPath = url.pathname.slice(API_PREFIX.length) || '/';
  const result = contractChecker().check(method, apiPath, url.searchParams);
  recordContractResult(result, `${method} ${url.pathname}${url.search}`);
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
