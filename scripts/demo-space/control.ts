/**
 * The demo server's control API under `/__demo/` for out-of-process callers (benchmark, `npm start`):
 *   POST   /__demo/faults    {pathPrefix, fault}     DELETE /__demo/faults
 *   GET    /__demo/requests                           DELETE /__demo/requests
 *   POST   /__demo/latency   {ms}
 *   POST   /__demo/tokens    {token, username?}       (an extra valid token)
 *   POST   /__demo/restricted {on: boolean}           (restricted mode on/off, see DemoServerOptions)
 *   POST   /__demo/source-search {on: boolean}        (serve source search, or answer it with a bare 404)
 *   POST   /__demo/avatar-redirect {mode}             ('off' | 'same-origin' | 'other-origin': how /d/{id} answers)
 *   POST   /__demo/oauth/revoke {refreshToken?}       (revoke one OAuth refresh token, or all; answers {"revoked": n})
 *   POST   /__demo/oauth/ttl {seconds}                (lifetime of OAuth access tokens issued from now on)
 *   POST   /__demo/oauth/returning-user {on}          (one refresh token per client + user, remembered consent)
 *   GET    /__demo/info                               (organization, demo user, counts)
 *   POST   /__demo/organization {size}                ('everyday' | 'large': rebuild the organization at that size)
 *   POST   /__demo/people/rename {username, firstName, lastName}   (as an administrator renames somebody)
 *   POST   /__demo/people/delete {username}           (Space's "Delete profile"; 404 for an unknown user name)
 * Only loopback peers are served, and never a browser page: a request carrying an `Origin` header is refused,
 * so a web page cannot reconfigure the server (cross-origin JSON POSTs also need a preflight the demo never grants).
 */
import { UnknownPersonError } from './directory-changes.ts';
import { parseFaultSpec, type FaultSpec } from './faults.ts';
import { sendJsonText, sendText, type ResponseRecord } from './responses.ts';
import type { RecordedRequest } from './request-log.ts';
import type { DemoRequest, DemoResponse } from './transport.ts';

export interface DemoControls {
  setFault(pathPrefix: string, fault: FaultSpec): void;
  clearFaults(): void;
  requests(): readonly RecordedRequest[];
  clearRequests(): void;
  setLatency(ms: number): void;
  addToken(token: string, username?: string): void;
  setRestricted(on: boolean): void;
  setSourceSearch(on: boolean): void;
  setAvatarRedirect(mode: 'off' | 'same-origin' | 'other-origin'): void;
  /** OAuth (oauth.ts): revoke one refresh token or all; how many were revoked. */
  revokeRefreshTokens(refreshToken?: string): number;
  setAccessTokenTtl(seconds: number): void;
  setOAuthReturningUser(on: boolean): void;
  setLargeOrganization(on: boolean): void;
  renamePerson(username: string, name: { firstName: string; lastName: string }): void;
  deletePerson(username: string): void;
  info(): unknown;
}

const MAX_CONTROL_BODY = 64 * 1024;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export async function handleControlRequest(req: DemoRequest, res: DemoResponse, path: string, controls: DemoControls): Promise<void> {
  const record: ResponseRecord = { status: 0, bytesSent: 0 };
  if (!isLoopback(req.socket.remoteAddress) || req.headers.origin !== undefined) {
    sendText(res, record, 403, 'The demo control API is only available to local tools.\n');
    return;
  }
  const ok = (): void => {
    record.status = 204;
    res.writeHead(204);
    res.end();
  };
  const bad = (message: string): void => sendText(res, record, 400, `${message}\n`);
  try {
    const key = `${req.method} ${path}`;
    switch (key) {
      case 'POST /__demo/faults': {
        const body = await readJsonBody(req);
        if (typeof body.pathPrefix !== 'string') return bad('pathPrefix must be a string');
        controls.setFault(body.pathPrefix, parseFaultSpec(body.fault));
        return ok();
      }
      case 'DELETE /__demo/faults':
        controls.clearFaults();
        return ok();
      case 'GET /__demo/requests':
        // Authorization values are redacted to their last 4 characters: the log is readable by any local process.
        return sendJsonText(res, record, 200, JSON.stringify(controls.requests().map((r) => ({ ...r, authorization: redact(r.authorization) }))));
      case 'DELETE /__demo/requests':
        controls.clearRequests();
        return ok();
      case 'POST /__demo/latency': {
        const body = await readJsonBody(req);
        if (typeof body.ms !== 'number' || !Number.isInteger(body.ms) || body.ms < 0 || body.ms > 600_000) {
          return bad('ms must be an integer in [0, 600000]');
        }
        controls.setLatency(body.ms);
        return ok();
      }
      case 'POST /__demo/tokens': {
        const body = await readJsonBody(req);
        if (typeof body.token !== 'string' || (body.username !== undefined && typeof body.username !== 'string')) {
          return bad('token must be a string; username, when given, too');
        }
        controls.addToken(body.token, body.username as string | undefined);
        return ok();
      }
      case 'POST /__demo/restricted': {
        const body = await readJsonBody(req);
        if (typeof body.on !== 'boolean') return bad('on must be true or false');
        controls.setRestricted(body.on);
        return ok();
      }
      case 'POST /__demo/source-search': {
        const body = await readJsonBody(req);
        if (typeof body.on !== 'boolean') return bad('on must be true or false');
        controls.setSourceSearch(body.on);
        return ok();
      }
      case 'POST /__demo/avatar-redirect': {
        const body = await readJsonBody(req);
        if (body.mode !== 'off' && body.mode !== 'same-origin' && body.mode !== 'other-origin') {
          return bad("mode must be 'off', 'same-origin' or 'other-origin'");
        }
        controls.setAvatarRedirect(body.mode);
        return ok();
      }
      case 'POST /__demo/oauth/revoke': {
        const body = await readJsonBody(req);
        if (body.refreshToken !== undefined && typeof body.refreshToken !== 'string') return bad('refreshToken, when given, must be a string');
        const revoked = controls.revokeRefreshTokens(body.refreshToken as string | undefined);
        return sendJsonText(res, record, 200, JSON.stringify({ revoked }));
      }
      case 'POST /__demo/oauth/ttl': {
        const body = await readJsonBody(req);
        if (typeof body.seconds !== 'number') return bad('seconds must be a number');
        controls.setAccessTokenTtl(body.seconds);
        return ok();
      }
      case 'POST /__demo/oauth/returning-user': {
        const body = await readJsonBody(req);
        if (typeof body.on !== 'boolean') return bad('on must be true or false');
        controls.setOAuthReturningUser(body.on);
        return ok();
      }
      case 'POST /__demo/organization': {
        const body = await readJsonBody(req);
        if (body.size !== 'everyday' && body.size !== 'large') return bad("size must be 'everyday' or 'large'");
        controls.setLargeOrganization(body.size === 'large');
        return ok();
      }
      case 'POST /__demo/people/rename': {
        const body = await readJsonBody(req);
        if (typeof body.username !== 'string' || typeof body.firstName !== 'string' || typeof body.lastName !== 'string') {
          return bad('username, firstName and lastName must be strings');
        }
        controls.renamePerson(body.username, { firstName: body.firstName, lastName: body.lastName });
        return ok();
      }
      case 'POST /__demo/people/delete': {
        const body = await readJsonBody(req);
        if (typeof body.username !== 'string') return bad('username must be a string');
        controls.deletePerson(body.username);
        return ok();
      }
      case 'GET /__demo/info':
        return sendJsonText(res, record, 200, JSON.stringify(controls.info()));
      default:
        return sendText(res, record, 404, 'Unknown control endpoint\n');
    }
  } catch (error) {
    if (error instanceof UnknownPersonError) return sendText(res, record, 404, `${error.message}\n`);
    return bad(error instanceof Error ? error.message : 'bad request');
  }
}

function redact(authorization: string | null): string | null {
  if (authorization === null) return null;
  return authorization.length <= 12 ? '…' : `${authorization.slice(0, 7)}…${authorization.slice(-4)}`;
}

async function readJsonBody(req: DemoRequest): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new TypeError('content-type must be application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_CONTROL_BODY) throw new TypeError('body too large');
    chunks.push(chunk as Buffer);
  }
  const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('body must be a JSON object');
  return parsed as Record<string, unknown>;
}
